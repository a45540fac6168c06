import ExcelJS from 'exceljs';

type Cell = string | number | boolean | null;

/** An .xlsx written by exceljs from sheets given as rows (the first row is the header), as Excel would save an XLSForm. */
export async function xlsformFile(sheets: Record<string, Cell[][]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A multipart body as a browser's form sends it: the slug, the file in `fromXlsform`, more fields if given. */
export function xlsformForm(slug: string, file: Uint8Array | undefined, fileName = 'form.xlsx', extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set('slug', slug);
  if (file) form.set('fromXlsform', new File([file as Uint8Array<ArrayBuffer>], fileName, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  for (const [key, value] of Object.entries(extra)) form.set(key, value);
  return form;
}
