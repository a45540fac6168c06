import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Cell } from './csv-stream.ts';
import { safeCell } from './safe-cell.ts';

/** Excel's row limit per sheet (the header counts as one). */
export const EXCEL_MAX_ROWS = 1_048_576;

export interface SheetSource {
  name: string;
  header: readonly string[];
  /** Pulled one page at a time; asynchronous when the pages come from PostgreSQL. */
  pages: Iterator<Cell[][]> | AsyncIterator<Cell[][]>;
}

/**
 * An XLSX workbook written as a stream (exceljs WorkbookWriter: rows are committed and zipped as
 * they come, so memory stays constant). A sheet longer than Excel's row limit continues in
 * "<name> 2", "<name> 3"…, each with the header. Text cells are neutralised against formulas.
 */
export function xlsxStream(sheets: SheetSource[], maxRows = EXCEL_MAX_ROWS): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const write = async () => {
    // Loaded on first use: exceljs adds ~25 MB to every API process that imports it, and most
    // never write a workbook (the CSV exports and the rest of the API do not need it).
    const { default: excel } = await import('exceljs');
    const workbook: ExcelJS.stream.xlsx.WorkbookWriter = new excel.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
    for (const source of sheets) {
      let part = 1;
      let sheet = workbook.addWorksheet(source.name);
      sheet.addRow([...source.header]).commit();
      let rowsInSheet = 1;
      for (let page = await source.pages.next(); !page.done; page = await source.pages.next()) {
        for (const row of page.value) {
          if (rowsInSheet >= maxRows) {
            sheet.commit();
            part++;
            sheet = workbook.addWorksheet(`${source.name} ${part}`);
            sheet.addRow([...source.header]).commit();
            rowsInSheet = 1;
          }
          sheet.addRow(row.map((cell) => safeCell(cell))).commit();
          rowsInSheet++;
        }
        if (output.writableNeedDrain) await once(output, 'drain');
      }
      sheet.commit();
    }
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error as Error));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
