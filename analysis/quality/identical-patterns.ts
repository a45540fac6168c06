import type { QualityInterview } from './types.ts';

/**
 * Groups of two or more interviews by one enumerator with exactly the same answers to every
 * pattern item (an unanswered item counts as a value of its own), among interviews that answered
 * at least `minAnswered` of them. Real respondents differ; the same answers down a long list of
 * attitude questions within one enumerator's work is the classic sign of copied or invented
 * interviews (Blasius & Thiessen 2012, "Assessing the Quality of Survey Data", ch. 4).
 *
 * @example
 * identicalPatterns(interviews, ['trust_police', 'pf_respect', ...], 5); // [['id-3', 'id-9']]
 */
export function identicalPatterns(interviews: readonly QualityInterview[], items: readonly string[], minAnswered: number): string[][] {
  if (items.length < minAnswered) return [];
  const groups = new Map<string, string[]>();
  for (const interview of interviews) {
    if (interview.enumerator === null) continue;
    const values = items.map((item) => interview.answers[item] ?? null);
    if (values.filter((value) => value !== null && value !== '').length < minAnswered) continue;
    const key = `${interview.enumerator}\u0000${JSON.stringify(values)}`;
    const group = groups.get(key);
    if (group) group.push(interview.id);
    else groups.set(key, [interview.id]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}
