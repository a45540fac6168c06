import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/** One cell as a reader sees it: its value (null when system-missing or empty), and the value label it has. */
export interface ReadCell {
  value: number | string | null;
  label: string | null;
}

/** A native file as one independent reader reads it back. */
export interface ReadBack {
  names: string[];
  rows: Map<string, ReadCell>[];
  variableLabels: Map<string, string>;
  /** User-missing (SPSS) values per variable, or extended-missing letters → values (Stata, haven's tagged NAs). */
  missing: Map<string, string[]>;
}

const rowsOf = (text: string) => parse(text, { columns: true, relax_quotes: true }) as Record<string, string>[];
const numberOrText = (text: string | undefined, numeric: boolean): number | string | null =>
  text === undefined || text.trim() === '' ? null : numeric ? Number(text) : text;

/** GNU PSPP: GET FILE, then the data as values and as labels (SAVE TRANSLATE) and the dictionary as CSV tables. */
export function readWithPspp(folder: string, file: string): ReadBack {
  const script = join(folder, `${file}.pspp.sps`);
  writeFileSync(script, [
    `GET FILE='${file}'.`,
    'DISPLAY DICTIONARY.',
    `SAVE TRANSLATE /OUTFILE='${file}.values.csv' /TYPE=CSV /FIELDNAMES /CELLS=VALUES /REPLACE.`,
    `SAVE TRANSLATE /OUTFILE='${file}.labels.csv' /TYPE=CSV /FIELDNAMES /CELLS=LABELS /REPLACE.`,
  ].join('\n'));
  const output = execFileSync('pspp', ['-O', 'format=csv', '-o', '-', script], { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (/^\S*: (error|warning):/m.test(output)) throw new Error(`PSPP: ${output.slice(0, 2000)}`);
  const dictionary = output.slice(output.indexOf('Table: Variables') + 'Table: Variables'.length + 1, output.indexOf('\n\n', output.indexOf('Table: Variables')));
  const entries = parse(dictionary, { columns: true, relax_column_count: true }) as Record<string, string>[];
  const numeric = new Map(entries.map((entry) => [entry.Name!, entry['Print Format']!.startsWith('F')]));
  const values = rowsOf(readFileSync(join(folder, `${file}.values.csv`), 'utf8'));
  const labels = rowsOf(readFileSync(join(folder, `${file}.labels.csv`), 'utf8'));
  return {
    names: entries.map((entry) => entry.Name!),
    rows: values.map((row, index) => new Map(Object.entries(row).map(([name, text]) => {
      const label = labels[index]![name]!;
      return [name, { value: numberOrText(text, numeric.get(name)!), label: label !== text ? label : null }];
    }))),
    variableLabels: new Map(entries.map((entry) => [entry.Name!, entry.Label ?? ''])),
    missing: new Map(entries.map((entry) => [entry.Name!, (entry['Missing Values'] ?? '').split(';').map((part) => part.trim()).filter(Boolean)])),
  };
}

/** ReadStat: `readstat file -` for the data, `extract_metadata` for labels and missing values. */
export function readWithReadstat(folder: string, file: string): ReadBack {
  const data = execFileSync('readstat', [file, '-'], { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 26 });
  execFileSync('extract_metadata', [file, `${file}.meta.json`], { cwd: folder, stdio: 'ignore' });
  const meta = JSON.parse(readFileSync(join(folder, `${file}.meta.json`), 'utf8')) as {
    variables: { name: string; type: string; label?: string; categories?: { code: number | string; label: string }[]; missing?: { values?: (number | string)[] } }[];
  };
  const byName = new Map(meta.variables.map((variable) => [variable.name, variable]));
  const rows = rowsOf(data);
  return {
    names: meta.variables.map((variable) => variable.name),
    rows: rows.map((row) => new Map(Object.entries(row).map(([name, text]) => {
      const variable = byName.get(name)!;
      const value = numberOrText(text, variable.type === 'NUMERIC');
      const label = variable.categories?.find((category) => String(category.code) === String(value) || Number(category.code) === value)?.label ?? null;
      return [name, { value, label }];
    }))),
    variableLabels: new Map(meta.variables.map((variable) => [variable.name, variable.label ?? ''])),
    // User-missing values (SPSS), or the extended missing values its value labels name (Stata).
    missing: new Map(meta.variables.map((variable) => [variable.name, [
      ...(variable.missing?.values ?? []).map(String),
      ...(variable.categories ?? []).map((category) => String(category.code)).filter((code) => code.startsWith('.')),
    ]])),
  };
}

/** R's haven (read_sav with user-missing values kept, read_dta with tagged NAs): values, the label of each, variable labels, missing values. */
export function readWithHaven(folder: string, file: string): ReadBack {
  const script = join(folder, `${file}.haven.R`);
  const reader = file.endsWith('.dta') ? 'read_dta(path)' : 'read_sav(path, user_na = TRUE)';
  writeFileSync(script, `
library(haven)
path <- ${JSON.stringify(file)}
d <- ${reader}
tagged <- function(x) if (is.double(x)) ifelse(is_tagged_na(x), paste0(".", na_tag(x)), NA) else rep(NA, length(x))
values <- lapply(d, function(x) {
  x <- unclass(x)
  t <- tagged(x)
  v <- if (is.numeric(x)) sprintf("%.17g", x) else as.character(x)
  v[is.na(x)] <- ""
  ifelse(is.na(t), v, t)
})
labels <- lapply(d, function(x) {
  l <- attr(x, "labels")
  if (is.null(l)) return(rep(NA, length(x)))
  key <- function(v) { t <- tagged(v); ifelse(is.na(t), as.character(unclass(v)), t) }
  names(l)[match(key(x), key(l))]
})
write.csv(as.data.frame(values, check.names = FALSE, stringsAsFactors = FALSE), paste0(path, ".values.csv"), row.names = FALSE, fileEncoding = "UTF-8")
write.csv(as.data.frame(labels, check.names = FALSE, stringsAsFactors = FALSE), paste0(path, ".labels.csv"), row.names = FALSE, na = "", fileEncoding = "UTF-8")
vars <- data.frame(
  name = names(d),
  label = sapply(d, function(x) { l <- attr(x, "label"); if (is.null(l)) "" else l }),
  numeric = sapply(d, is.numeric),
  missing = sapply(d, function(x) {
    v <- attr(x, "na_values")
    l <- attr(x, "labels")
    tags <- if (is.double(l)) l[is_tagged_na(l)] else c()
    paste(c(if (is.null(v)) c() else as.character(v), if (length(tags)) paste0(".", na_tag(tags)) else c()), collapse = ";")
  }),
  stringsAsFactors = FALSE)
write.csv(vars, paste0(path, ".vars.csv"), row.names = FALSE, fileEncoding = "UTF-8")
`);
  execFileSync('Rscript', [script], { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const vars = rowsOf(readFileSync(join(folder, `${file}.vars.csv`), 'utf8'));
  const numeric = new Map(vars.map((variable) => [variable.name!, variable.numeric === 'TRUE']));
  const values = rowsOf(readFileSync(join(folder, `${file}.values.csv`), 'utf8'));
  const labels = rowsOf(readFileSync(join(folder, `${file}.labels.csv`), 'utf8'));
  return {
    names: vars.map((variable) => variable.name!),
    rows: values.map((row, index) => new Map(Object.entries(row).map(([name, text]) => {
      const value = text.startsWith('.') ? text : numberOrText(text, numeric.get(name)!);
      return [name, { value, label: labels[index]![name] || null }];
    }))),
    variableLabels: new Map(vars.map((variable) => [variable.name!, variable.label!])),
    missing: new Map(vars.map((variable) => [variable.name!, variable.missing!.split(';').filter(Boolean)])),
  };
}
