import type { CodebookEntry } from './codebook.ts';
import { fileNames } from './native/names.ts';
import { storage } from './syntax-types.ts';

/** An SPSS string literal: single quotes doubled, at most `max` bytes (SPSS label limits). */
function quote(text: string, max = 250): string {
  let value = text.replace(/[\r\n]+/g, ' ');
  while (Buffer.byteLength(value) > max) value = value.slice(0, -1);
  return `'${value.replace(/'/g, "''")}'`;
}

/** MISSING VALUES takes at most three values, or a range; a range is used only when it covers no answer. */
function missingSpec(entry: CodebookEntry): string | null {
  const codes = entry.missing.map((code) => code.value).sort((a, b) => a - b);
  if (codes.length === 0) return null;
  if (codes.length <= 3) return codes.join(', ');
  const [low, high] = [codes[0]!, codes.at(-1)!];
  const answers = entry.values.map((value) => Number(value.value)).filter((value) => !codes.includes(value));
  return answers.some((value) => value >= low && value <= high) ? codes.slice(0, 3).join(', ') : `${low} THRU ${high}`;
}

/**
 * SPSS syntax (also run by GNU PSPP) that reads the microdata CSV in codes and applies variable
 * labels (English question text), value labels and missing-value codes.
 */
export function spssSyntax(entries: CodebookEntry[], csvFile: string, survey: string): string {
  // GET DATA reads the columns by position, so each may get a name SPSS accepts (`region-Comment` → `region_Comment`).
  const names = fileNames(entries.map((entry) => entry.variable), 64, 'spss');
  const named = new Map(entries.map((entry, index) => [entry, names[index]!]));
  const name = (entry: CodebookEntry) => named.get(entry)!;
  const lines = [
    `* Trustlens microdata of survey ${survey}: reads ${csvFile} (values=codes) and applies labels.`,
    '* Run with the CSV in the working directory, or change FILE below.',
    'GET DATA /TYPE=TXT',
    `  /FILE=${quote(csvFile, 1000)}`,
    "  /ENCODING='UTF-8'",
    '  /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2',
    "  /DELIMITERS=',' /QUALIFIER='\"'",
    '  /VARIABLES=',
    ...entries.map((entry) => {
      const kind = storage(entry);
      return `    ${name(entry)} ${kind.kind === 'number' ? 'F12.4' : `A${kind.width}`}`;
    }),
    '.',
    'VARIABLE LABELS',
    entries.map((entry) => `  ${name(entry)} ${quote(entry.text.en ?? entry.variable)}`).join('\n  /') + '.',
  ];
  const labelled = entries.filter((entry) => entry.values.length > 0);
  if (labelled.length > 0) {
    lines.push('VALUE LABELS');
    lines.push(labelled.map((entry) => {
      const text = storage(entry).kind === 'text';
      const pairs = entry.values.map((value) => `    ${text ? quote(String(value.value)) : value.value} ${quote(value.label, 120)}`);
      return `  ${name(entry)}\n${pairs.join('\n')}`;
    }).join('\n  /') + '.');
  }
  for (const entry of entries) {
    const missing = missingSpec(entry);
    if (missing && storage(entry).kind === 'number') lines.push(`MISSING VALUES ${name(entry)} (${missing}).`);
  }
  lines.push('EXECUTE.', '');
  return lines.join('\n');
}
