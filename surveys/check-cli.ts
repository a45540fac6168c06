import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFollowUps } from './check-follow-ups.ts';
import { checkItems, ITEM_BANK } from './items/index.ts';
import { checkSurveyFolder } from './load.ts';
import type { Problem } from './types.ts';

/**
 * `npm run surveys:check [folder…]`: checks the item bank and every questionnaire (`*.json`
 * directly in each folder, default surveys/) and prints one line per problem as
 * `file: json.path: message`. Exits 1 when anything is wrong, 0 when all is well. Warnings (a
 * follow-up question without its filter question or condition) are printed as
 * `file: json.path: warning: message` and do not fail the check, as they do not stop publishing.
 */
function main(folders: string[]): number {
  const lines: string[] = [];
  const warnings: string[] = [];
  const report = (file: string, problems: Problem[]) => {
    for (const problem of problems) lines.push(`${file}: ${problem.path || '(file)'}: ${problem.message}`);
  };
  report('surveys/items', checkItems(ITEM_BANK));
  let files = 0;
  for (const folder of folders) {
    for (const checked of checkSurveyFolder(folder)) {
      files += 1;
      report(relative(process.cwd(), checked.path), checked.problems);
      const definition = (checked.parsed as { definition?: unknown } | undefined)?.definition;
      if (definition && typeof definition === 'object') {
        for (const warning of checkFollowUps(definition as Record<string, unknown>)) {
          warnings.push(`${relative(process.cwd(), checked.path)}: ${warning.path}: warning: ${warning.message}`);
        }
      }
    }
  }
  if (warnings.length > 0) console.error(warnings.join('\n'));
  if (lines.length > 0) {
    console.error(lines.join('\n'));
    console.error(`\n${lines.length} problem(s); fix them before publishing or starting the server.`);
    return 1;
  }
  console.log(`item bank (${ITEM_BANK.length} items) and ${files} questionnaire(s) OK`);
  return 0;
}

const defaultFolder = fileURLToPath(new URL('.', import.meta.url));
process.exitCode = main(process.argv.length > 2 ? process.argv.slice(2) : [defaultFolder]);
