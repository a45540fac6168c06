import type { XlsformSheet } from '../../../surveys/xlsform/sheets.ts';

/** A sheet as the .xlsx reader hands it over: the header, then rows numbered from 2 as in Excel. */
export function sheet(header: string[], ...rows: string[][]): XlsformSheet {
  return {
    header,
    rows: rows.map((cells, index) => ({
      row: index + 2,
      cells: Object.fromEntries(header.map((column, at) => [column, cells[at] ?? ''] as [string, string]).filter(([, value]) => value !== '')),
    })).filter((row) => Object.keys(row.cells).length > 0),
  };
}
