import type { Db } from '../db/open.ts';
import type { Cell } from './csv-stream.ts';
import { csvField, csvText } from './csv-text.ts';
import type { MicrodataColumn } from './microdata-columns.ts';
import type { ColumnPlan } from './microdata-plan.ts';
import { FIXED, PACKED, VERSION_AT, packedReader, rowBuilder, storedPages, type MicrodataRequest, type StoredRow } from './microdata-stored.ts';

/** Texts of the integers most packed values are (codes, scale points, 0/1), made once. */
const SMALL_INTEGERS = Array.from({ length: 1024 }, (_, value) => String(value));
const numberText = (value: number) => (value >= 0 && value < 1024 && (value | 0) === value ? SMALL_INTEGERS[value]! : '' + value);

/**
 * The microdata rows as CSV text, page by page: the same bytes as csvText over microdataPages'
 * cells (test/api/exports.test.ts compares them), but each packed value's text is looked up in
 * tables made once per export (code texts and labels already neutralised and quoted, small
 * integers) instead of formatting and checking ~72 million cells per million responses one by one.
 */
export function* microdataCsvText(db: Db, request: MicrodataRequest): Generator<string> {
  let line: ((row: StoredRow) => string) | undefined;
  for (const page of storedPages(db, request)) {
    line ??= lineWriter(request.columns, page.plans, request.values);
    yield `${page.rows.map(line).join('\n')}\n`;
  }
}

/** One stored row as a CSV line (without its newline), with the tables made once per export. */
export function lineWriter(columns: MicrodataColumn[], plans: ColumnPlan[], values: 'codes' | 'labels'): (row: StoredRow) => string {
  const read = packedReader();
  const cells = rowBuilder(columns, plans, values); // for rows whose packed values are not written yet
  const text = (cell: Cell) => (cell === null ? '' : csvField(cell));
  const codeTexts = plans.map((plan) => (plan.source === 'packed' && plan.codes ? plan.codes.map(text) : null));
  const labelTexts = plans.map((plan) => (plan.labels ? new Map([...plan.labels].map(([value, label]) => [value, text(label)])) : null));
  const fields = new Array<string>(FIXED + plans.length);
  return (row) => {
    const packed = row[PACKED] as unknown as Buffer | null;
    if (packed === null) return csvText([cells(row)]).slice(0, -1);
    for (let index = 0; index < FIXED; index++) fields[index] = text(row[index + 1]!);
    const version = row[VERSION_AT] as number;
    const { values: stored, filled } = read(packed);
    let json = PACKED + 2;
    for (let index = 0; index < plans.length; index++) {
      const plan = plans[index]!;
      let field = '';
      if (plan.source === 'json') {
        const value = row[json++] as Cell;
        if (value !== null) field = labelTexts[index]?.get(String(value)) ?? csvField(value);
      } else {
        const value = plan.position < filled ? stored[plan.position]! : NaN;
        if (value === value && !(plan.member && !plan.versions.has(version))) {
          const codes = codeTexts[index];
          field = codes ? (codes[value] ?? '') : (labelTexts[index]?.get(String(value)) ?? numberText(value));
        }
      }
      fields[FIXED + index] = field;
    }
    return fields.join(',');
  };
}
