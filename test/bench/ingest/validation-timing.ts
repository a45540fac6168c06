import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Questionnaire } from './bodies.ts';

type Validate = (answers: Record<string, unknown>) => unknown[];

/**
 * Milliseconds per validation of one pooled answer set, in this process, by the answer validator
 * of the checkout in `root`: the compiled one (`compileAnswerValidator`, compiled once, its
 * compilation timed apart) where it exists, else `validateAnswers(definition, answers)` as before.
 */
export async function timeValidation(root: string, questionnaire: Questionnaire, calls = 400): Promise<{ perCallMs: number; compileMs?: number }> {
  const module = await import(pathToFileURL(join(root, 'surveys/answers.ts')).href) as {
    compileAnswerValidator?: (definition: Record<string, unknown>) => Validate;
    validateAnswers: (definition: Record<string, unknown>, answers: unknown) => unknown[];
  };
  const definition = JSON.parse(readFileSync(join(root, `surveys/${questionnaire.slug}.json`), 'utf8')).definition as Record<string, unknown>;
  const answers = questionnaire.pool.slice(0, calls).map((body) => JSON.parse(`{${body}}`).answers as Record<string, unknown>);
  let compileMs: number | undefined;
  let validate: Validate;
  if (module.compileAnswerValidator) {
    const start = performance.now();
    validate = module.compileAnswerValidator(definition);
    compileMs = performance.now() - start;
  } else {
    validate = (given) => module.validateAnswers(definition, given);
  }
  for (const given of answers.slice(0, 50)) validate(given); // warm up (and, before, build the reused model)
  const start = performance.now();
  let refused = 0;
  for (const given of answers) refused += validate(given).length > 0 ? 1 : 0;
  if (refused > 0) throw new Error(`${refused} of the ${questionnaire.label} benchmark's answer sets are refused by ${root}`);
  return { perCallMs: (performance.now() - start) / answers.length, compileMs };
}
