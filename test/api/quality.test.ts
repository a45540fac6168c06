import { beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../api/auth/passwords.ts';
import { QUALITY_ITEMS, qualitySurvey } from '../fixtures/api/quality-survey.ts';
import { PASSWORD, signIn } from './accounts.ts';
import { forEachDialect, type DialectApp } from './dialects.ts';
import { post } from './helpers.ts';

type Session = Awaited<ReturnType<typeof signIn>>;
interface Flag { count: number; ids?: string[] }
interface Group {
  enumerator: { label: string; id?: number } | null;
  interviews: number; perDay: { day: string; interviews: number }[]; medianDurationSeconds: number | null;
  short: Flag; straightLining: Flag; identical: { groups: number; count: number; ids?: string[][] };
  dontKnow: Flag & { share: number | null; othersShare: number | null; flagged: boolean };
}
interface Quality { responsesVisible: boolean; shortThresholdSeconds: { web: number | null; enumerator: number | null }; constructs: string[]; overall: Omit<Group, 'enumerator' | 'dontKnow'>; groups: Group[] }


/** Varied answers (no straight lines, no "don't know"), different for each seed. */
const varied = (seed: number) => {
  // mulberry32: a fixed, well-mixed sequence per seed, so the same seed gives the same answers.
  let state = seed + 0x6d2b79f5;
  const draw = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Object.fromEntries(QUALITY_ITEMS.map((item) => [item, 1 + Math.floor(draw() * 4)]));
};

forEachDialect('fieldwork quality flags', (ctx) => {
  let context: DialectApp;
  const sessions = new Map<string, Session>();
  const made: Record<string, string[]> = { speeder: [], liner: [], copies: [], dontKnow: [] };

  async function interview(who: string | null, answers: Record<string, unknown>, minutes: number, day = '2026-05-04') {
    const id = crypto.randomUUID();
    const startedAt = `${day}T08:00:00.000Z`;
    const completedAt = new Date(Date.parse(startedAt) + minutes * 60_000).toISOString();
    const response = await post(context.app, 'quality', { id, language: 'en', answers, startedAt, completedAt }, who ? sessions.get(who)!.headers(true) : {});
    expect(response.status, await response.clone().text()).toBe(201);
    return id;
  }

  const quality = async (who?: string) => context.app.request('/api/surveys/quality/quality', { headers: who ? sessions.get(who)!.headers() : {} });

  beforeAll(async () => {
    context = await ctx.testApp({ files: [qualitySurvey()] });
    const surveyId = (await context.store.surveys.findVersion('quality'))!.surveyId;
    for (const [email, role] of [['researcher', 'researcher'], ['evaluator', 'evaluator'], ['ana', 'enumerator'], ['boris', 'enumerator'], ['cvijeta', 'enumerator']] as const) {
      await context.store.accounts.createUser({ email: `${email}@example.org`, role, passwordHash: hashPassword(PASSWORD) }, { actorId: null, memberOf: role === 'evaluator' ? [] : [surveyId] });
      sessions.set(email, await signIn(context.app, `${email}@example.org`));
    }
    // Two enumerators working as they should: varied answers, ten minutes or so, over two days.
    for (let index = 0; index < 8; index++) {
      await interview('ana', varied(index), 10 + index / 4, index < 4 ? '2026-05-04' : '2026-05-05');
      await interview('boris', varied(20 + index), 11 + index / 5);
    }
    // A third with every pattern made in: a two-minute interview, one answer down both batteries,
    // two interviews with the very same answers, and "don't know" in most of them.
    made.speeder!.push(await interview('cvijeta', { ...varied(40), pf_respect: 8 }, 2));
    made.liner!.push(await interview('cvijeta', { pf_respect: 3, pf_fair: 3, pf_explain: 3, int_bribes: 1, int_force: 1, int_law: 1 }, 10));
    const copied = { ...varied(41), pf_fair: 8, int_law: 8 };
    made.copies!.push(await interview('cvijeta', copied, 10.5), await interview('cvijeta', { ...copied }, 11));
    made.dontKnow!.push(await interview('cvijeta', { ...varied(42), pf_respect: 8, pf_fair: 8, int_force: 8 }, 12));
    made.dontKnow!.push(await interview('cvijeta', { ...varied(43), int_bribes: 8, int_force: 8 }, 9));
    // Residents on the web, with the same answers as one another: not one enumerator's pattern.
    await interview(null, varied(60), 5);
    await interview(null, varied(60), 6);
  }, 120_000);

  it('finds each pattern made into the data, under the enumerator who collected it, with the responses behind it', async () => {
    const response = await quality('researcher');
    expect(response.status).toBe(200);
    const report = (await response.json()) as Quality;
    expect(report.responsesVisible).toBe(true);
    expect(report.constructs).toEqual(['procedural_fairness', 'integrity']);
    const group = (label: string | null) => report.groups.find((entry) => (entry.enumerator?.label ?? null) === label)!;
    expect(report.groups.map((entry) => entry.enumerator?.label ?? null)).toEqual(['ana@example.org', 'boris@example.org', 'cvijeta@example.org', null]);
    expect(report.overall.interviews).toBe(24);

    const ana = group('ana@example.org');
    expect(ana.perDay).toEqual([{ day: '2026-05-04', interviews: 4 }, { day: '2026-05-05', interviews: 4 }]);
    expect(ana.medianDurationSeconds).toBeCloseTo(60 * (10 + 3.5 / 4), 6);
    for (const honest of [ana, group('boris@example.org')]) {
      expect([honest.short.count, honest.straightLining.count, honest.identical.groups, honest.dontKnow.flagged]).toEqual([0, 0, 0, false]);
    }

    const cvijeta = group('cvijeta@example.org');
    expect(cvijeta.short.ids).toEqual(made.speeder);
    expect(cvijeta.straightLining.ids).toEqual(made.liner);
    expect(cvijeta.identical.ids).toEqual([made.copies]);
    expect(cvijeta.dontKnow.flagged).toBe(true);
    expect(cvijeta.dontKnow.othersShare).toBe(0);
    expect(cvijeta.dontKnow.share).toBeGreaterThan(0.2);
    expect(new Set(cvijeta.dontKnow.ids)).toEqual(new Set([...made.speeder!, ...made.copies!, ...made.dontKnow!]));
    // Interviews are timed against interviews: half the median of the 22 enumerator interviews.
    expect(report.shortThresholdSeconds.enumerator).toBeGreaterThan(240);
    expect(report.overall.short.ids).toEqual(made.speeder);
    // Two identical web answers are residents, not an enumerator's copies.
    expect(group(null).identical.groups).toBe(0);
  });

  it('each flagged id opens the stored response for a researcher', async () => {
    const report = (await (await quality('researcher')).json()) as Quality;
    const id = report.groups.find((entry) => entry.straightLining.count > 0)!.straightLining.ids![0]!;
    const record = await context.app.request(`/api/surveys/quality/responses/${id}`, { headers: sessions.get('researcher')!.headers() });
    expect(record.status).toBe(200);
    const { answers } = (await record.json()) as { answers: Record<string, number> };
    expect([answers.pf_respect, answers.pf_fair, answers.pf_explain]).toEqual([3, 3, 3]);
  });

  it('evaluators see the same counts, but no response ids and no enumerator names', async () => {
    const researcher = (await (await quality('researcher')).json()) as Quality;
    const response = await quality('evaluator');
    expect(response.status).toBe(200);
    const text = await response.text();
    const report = JSON.parse(text) as Quality;
    expect(report.responsesVisible).toBe(false);
    expect(report.groups.map((entry) => entry.enumerator?.label ?? null)).toEqual(['Enumerator 1', 'Enumerator 2', 'Enumerator 3', null]);
    expect(report.groups.map((entry) => [entry.short.count, entry.straightLining.count, entry.identical.count, entry.dontKnow.count]))
      .toEqual(researcher.groups.map((entry) => [entry.short.count, entry.straightLining.count, entry.identical.count, entry.dontKnow.count]));
    for (const id of [...made.speeder!, ...made.liner!, ...made.copies!]) expect(text).not.toContain(id);
    expect(text).not.toContain('@example.org');
    expect(text).not.toContain('"ids"');
  });

  it('is refused to enumerators (403) and to anyone not signed in (401)', async () => {
    expect((await quality('ana')).status).toBe(403);
    expect((await quality()).status).toBe(401);
  });

  it('counts a day in UTC whatever the device offset, the day of receipt without a completion time, and the duration across the offset', async () => {
    const fresh = await ctx.testApp({ files: [qualitySurvey()] });
    const researcher = 'lead@example.org';
    await fresh.store.accounts.createUser({ email: researcher, role: 'admin', passwordHash: hashPassword(PASSWORD) });
    const send = async (body: Record<string, unknown>) => expect((await post(fresh.app, 'quality', { id: crypto.randomUUID(), language: 'en', answers: varied(70), ...body })).status).toBe(201);
    // 21:00 to 21:12:30 at UTC-3 is 00:00 to 00:12:30 UTC the next day.
    await send({ startedAt: '2026-05-05T21:00:00-03:00', completedAt: '2026-05-05T21:12:30-03:00' });
    const before = new Date().toISOString().slice(0, 10);
    await send({});
    const after = new Date().toISOString().slice(0, 10);
    const session = await signIn(fresh.app, researcher);
    const report = (await (await fresh.app.request('/api/surveys/quality/quality', { headers: session.headers() })).json()) as Quality;
    const web = report.groups.find((entry) => entry.enumerator === null)!;
    expect(web.perDay[0]).toEqual({ day: '2026-05-06', interviews: 1 });
    expect(web.perDay.slice(1).map((entry) => entry.day)).toEqual([before === after ? before : expect.stringMatching(`^(${before}|${after})$`)]);
    expect(web.medianDurationSeconds).toBe(750);
  });
});
