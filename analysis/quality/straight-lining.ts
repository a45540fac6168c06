import type { QualityInterview, QualitySpec } from './types.ts';

const answered = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * The constructs (of at least `minItems` items) one interview answered completely with one and
 * the same substantive answer to every item ("don't know" is not substantive), and how many it
 * answered completely at all.
 */
export function straightLinedConstructs(interview: QualityInterview, spec: QualitySpec, minItems: number): { answered: number; straight: string[] } {
  let complete = 0;
  const straight: string[] = [];
  for (const construct of spec.constructs) {
    if (construct.items.length < minItems) continue;
    const values = construct.items.map((item) => interview.answers[item]);
    if (!values.every(answered)) continue;
    const dontKnow = construct.items.some((item, index) => spec.dontKnow[item]?.some((code) => String(code) === String(values[index])));
    if (dontKnow) continue;
    complete++;
    if (values.every((value) => String(value) === String(values[0]))) straight.push(construct.id);
  }
  return { answered: complete, straight };
}

/**
 * Interviews that straight-line: every multi-item construct they answered completely got one
 * identical answer to all its items, and they answered at least two such constructs (or the only
 * one the questionnaire has). One construct answered alike is often an honest, consistent view;
 * the same answer down every battery is the pattern of a respondent (or enumerator) not reading
 * the questions (Kim et al. 2019, "Straightlining: overview of measurement…", Social Science Computer Review 37).
 *
 * @example
 * straightLiners(interviews, spec, 3); // ids of those answering 4-4-4 and 2-2-2 on two batteries
 */
export function straightLiners(interviews: readonly QualityInterview[], spec: QualitySpec, minItems: number): string[] {
  const eligible = spec.constructs.filter((construct) => construct.items.length >= minItems).length;
  const needed = Math.min(2, eligible);
  if (needed === 0) return [];
  return interviews.filter((interview) => {
    const { answered, straight } = straightLinedConstructs(interview, spec, minItems);
    return answered >= needed && straight.length === answered;
  }).map((interview) => interview.id);
}
