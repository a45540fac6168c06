import { COMPLETE_INTERVIEW } from '../surveys/complete-interview.ts';
import { post } from './helpers.ts';
import { analyticsApp, analyticsDialectApp, FULL } from './analytics-fixture.ts';
import type { DialectContext } from './dialects.ts';

/** A complete interview, sent as a web response: no design weight, no wave. */
export const COMPLETE_ANSWERS = COMPLETE_INTERVIEW;

/** What real fieldwork adds to the synthetic demo rows: a declined consent, an under-18 and a non-resident (screened out, no region), and web completes without design weight or wave. */
export const SCREENED_OUT = [{ consent: 2 }, { consent: 1, age_18_plus: 2 }, { consent: 1, age_18_plus: 1, lives_in_bih: 2 }];

/** The analytics app (synthetic demo rows, two waves, design weights) plus the messy rows above, sent through the API. */
export async function messyApp(responses = 1200, webCompletes = 3) {
  const context = await analyticsApp(responses);
  for (const answers of [...SCREENED_OUT, ...Array.from({ length: webCompletes }, () => COMPLETE_ANSWERS)]) {
    const response = await post(context.app, FULL, { id: crypto.randomUUID(), language: 'en', answers });
    if (response.status !== 201) throw new Error(`submission refused: ${response.status} ${await response.text()}`);
  }
  return context;
}

/** messyApp on either database (forEachDialect): the messy rows sent through the app under test. */
export async function messyDialectApp(ctx: DialectContext, responses = 1200, webCompletes = 3) {
  const context = await analyticsDialectApp(ctx, responses);
  for (const answers of [...SCREENED_OUT, ...Array.from({ length: webCompletes }, () => COMPLETE_ANSWERS)]) {
    const response = await post(context.app, FULL, { id: crypto.randomUUID(), language: 'en', answers });
    if (response.status !== 201) throw new Error(`submission refused: ${response.status} ${await response.text()}`);
  }
  return context;
}
