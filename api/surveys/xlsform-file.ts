import type ExcelJS from 'exceljs';
import type { XlsformSheet, XlsformWorkbook } from '../../surveys/xlsform/sheets.ts';
import { ApiError } from '../errors.ts';

/** Limits on what an uploaded XLSForm may unpack to: a questionnaire is a few hundred KB at most. */
export const XLSFORM_LIMITS = { unpackedBytes: 30 * 1024 * 1024, entries: 2000, rows: 20_000 };
const FIELD = 'fromXlsform';
const READ = ['survey', 'choices', 'settings'] as const;

/**
 * Reads an uploaded .xlsx into plain text cells for surveys/xlsform (which does not read files).
 * Refused with a 422 naming `fromXlsform`: a file that is not an .xlsx (an .xls, a CSV, an
 * .ods), one that unpacks to more than the limits (a zip bomb is checked from the zip's own
 * directory, before anything is inflated), or one exceljs cannot read.
 */
export async function readXlsformFile(bytes: Uint8Array): Promise<XlsformWorkbook> {
  checkZip(bytes);
  const { default: excel } = await import('exceljs');
  const workbook: ExcelJS.Workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new ApiError(422, 'The file could not be read as an .xlsx workbook.', [{ field: FIELD, issue: `is damaged or not an Excel workbook (${error instanceof Error ? error.message.slice(0, 120) : 'unreadable'})` }]);
  }
  const result: XlsformWorkbook = { otherSheets: [] };
  for (const sheet of workbook.worksheets) {
    const key = READ.find((name) => name === sheet.name.trim().toLowerCase());
    if (!key || result[key]) result.otherSheets!.push(sheet.name);
    else result[key] = readSheet(sheet);
  }
  return result;
}

function readSheet(sheet: ExcelJS.Worksheet): XlsformSheet {
  if (sheet.rowCount > XLSFORM_LIMITS.rows) {
    throw new ApiError(422, 'The XLSForm is too long.', [{ field: FIELD, issue: `the sheet "${sheet.name}" has ${sheet.rowCount} rows; at most ${XLSFORM_LIMITS.rows} are read` }]);
  }
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => { header[column - 1] = text(cell.value).trim(); });
  const rows: XlsformSheet['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: Record<string, string> = {};
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = text(cell.value);
      if (!value.trim()) return;
      // Text under a column without a header is kept under a name of its own, so it is reported, not lost.
      if (!header[column - 1]) header[column - 1] = `(column ${cell.address.replace(/\d+$/, '')})`;
      cells[header[column - 1]!] = value;
    });
    if (Object.keys(cells).length > 0) rows.push({ row: number, cells });
  });
  return { header: Array.from(header, (name) => name ?? ''), rows };
}

/** A cell's value as the text XLSForm means: formulas by their result, rich text joined, dates as ISO dates. */
function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, '');
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return text((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  return '';
}

/**
 * Checks the zip container from its central directory: the sum of the unpacked sizes and the
 * number of entries, so a small upload that would inflate to gigabytes is refused unread.
 */
function checkZip(bytes: Uint8Array): void {
  const refuse = (issue: string) => new ApiError(422, 'The file is not an XLSForm (.xlsx) workbook.', [{ field: FIELD, issue }]);
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    const old = bytes[0] === 0xd0 && bytes[1] === 0xcf;
    throw refuse(old ? 'is an old Excel .xls file; save it as .xlsx (Excel Workbook) and upload again' : 'is not an .xlsx file (an Excel workbook is a zip file); save the XLSForm as .xlsx');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at -= 1) {
    if (view.getUint32(at, true) === 0x06054b50) { end = at; break; }
  }
  if (end < 0) throw refuse('is cut short or damaged (the zip directory is missing)');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (entries > XLSFORM_LIMITS.entries) throw refuse(`holds ${entries} files; an XLSForm has a few dozen`);
  let unpacked = 0;
  for (let index = 0; index < entries; index += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw refuse('is cut short or damaged (the zip directory is broken)');
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) throw refuse('holds a part too large for an XLSForm');
    unpacked += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (unpacked > XLSFORM_LIMITS.unpackedBytes) throw refuse(`unpacks to ${Math.round(unpacked / 1048576)} MB; an XLSForm is far smaller (at most ${XLSFORM_LIMITS.unpackedBytes / 1048576} MB are read)`);
}
