import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../errors.ts';
import { importResponses } from '../imports/import-responses.ts';
import { openStore } from './open-store.ts';

// npm run import -- --survey <slug> --version N --file wave1.csv [--skip-invalid] [--language bs] [--wave 2019]
// Loads a microdata file (our CSV export, or KoBoToolbox's CSV export of the same XLSForm) as
// stored responses of a published version, in the database named by DATABASE_URL (a SQLite file
// or PostgreSQL), exactly as POST /api/surveys/:slug/imports does (api/imports). Exit 0 when
// stored (or already imported), 2 with one line per problem (row, column, issue) when nothing was stored.

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    survey: { type: 'string' }, version: { type: 'string' }, file: { type: 'string' }, 'skip-invalid': { type: 'boolean', default: false },
    language: { type: 'string' }, wave: { type: 'string' },
  },
  strict: true,
});
if (!values.survey || !values.file) fail(['import: --survey <slug> and --file <csv> are needed (and --version N; default the latest published)']);
const version = values.version === undefined ? undefined : Number(values.version);
if (version !== undefined && !(Number.isInteger(version) && version > 0)) fail(['import: --version must be a published version number']);
const wave = values.wave === undefined ? undefined : Number(values.wave);
if (wave !== undefined && !Number.isInteger(wave)) fail(['import: --wave must be a whole number']);
let bytes: Uint8Array;
try {
  bytes = readFileSync(values.file);
} catch (error) {
  fail([`import: cannot read ${values.file}: ${(error as Error).message}`]);
}

const { store, close } = await openStore();
try {
  const survey = await store.surveys.findVersion(values.survey, version);
  if (!survey) fail([`import: no published ${version === undefined ? '' : `version ${version} of the `}survey "${values.survey}" in this database`]);
  const report = await importResponses(store.imports, survey, bytes, {
    fileName: basename(values.file), skipInvalid: values['skip-invalid'] ?? false, userId: null, via: 'command line',
    ...(values.language === undefined ? {} : { language: values.language }), ...(wave === undefined ? {} : { wave }),
  });
  console.log(report.message);
  for (const { row, issues } of report.skipped) console.log(`skipped row ${row}: ${issues.map((entry) => `${entry.column}: ${entry.issue}`).join('; ')}`);
  if (report.alreadyStored.length > 0) console.log(`already stored (not added again): rows ${report.alreadyStored.join(', ')}`);
  if (report.ignoredColumns.length > 0) console.log(`columns not imported: ${report.ignoredColumns.join(', ')}`);
} catch (error) {
  if (!(error instanceof ApiError)) throw error;
  const details = (error.details ?? []) as { row?: number; column?: string; field?: string; issue: string }[];
  fail([`import: ${error.message}`, ...details.map((entry) => (entry.row === undefined ? `  ${entry.field}: ${entry.issue}` : `  row ${entry.row}${entry.column ? `, column ${entry.column}` : ''}: ${entry.issue}`))]);
} finally {
  await close();
}
