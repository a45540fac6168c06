import type { CodebookEntry } from './codebook.ts';
import { answerLabels, storage } from './syntax-types.ts';

const literal = (value: string | number) => (typeof value === 'number' ? String(value) : JSON.stringify(value));
const vector = (values: (string | number)[]) => `c(${values.map(literal).join(', ')})`;

/**
 * An R script that reads the microdata CSV in codes: missing-value codes become NA, questions
 * with labelled choices become factors with their labels, every column gets its question text as
 * the "label" attribute, and 0–10 ratings keep their end labels in a "labels" attribute.
 */
export function rScript(entries: CodebookEntry[], csvFile: string, survey: string): string {
  // Names quoted: a column such as `region-Comment` is not a bare R name.
  const classes = entries.map((entry) => `${literal(entry.variable)} = ${storage(entry).kind === 'number' ? '"numeric"' : '"character"'}`);
  const lines = [
    `# Trustlens microdata of survey ${survey}: reads ${csvFile} (values=codes) and applies labels.`,
    '# Run with the CSV in the working directory: source("this file"), then use the data frame `d`.',
    `d <- read.csv(${literal(csvFile)}, fileEncoding = "UTF-8-BOM", na.strings = "", check.names = FALSE,`,
    `  colClasses = c(${classes.join(', ')}))`,
  ];
  for (const entry of entries) {
    const column = `d[[${literal(entry.variable)}]]`;
    const codes = entry.missing.map((code) => code.value);
    if (codes.length > 0 && storage(entry).kind === 'number') lines.push(`${column}[${column} %in% ${vector(codes)}] <- NA`);
    const answers = answerLabels(entry);
    if (entry.type === 'member') {
      lines.push(`${column} <- factor(${column}, levels = c(0, 1), labels = c("not ticked", "ticked"))`);
    } else if (entry.type === 'rating' && answers.length > 0) {
      lines.push(`attr(${column}, "labels") <- setNames(${vector(answers.map((value) => value.value))}, ${vector(answers.map((value) => value.label))})`);
    } else if (answers.length > 0) {
      lines.push(`${column} <- factor(${column}, levels = ${vector(answers.map((value) => value.value))}, labels = ${vector(answers.map((value) => value.label))})`);
    }
    lines.push(`attr(${column}, "label") <- ${literal(entry.text.en ?? entry.variable)}`);
  }
  lines.push('');
  return lines.join('\n');
}
