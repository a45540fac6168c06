import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { createAccount, signIn } from './accounts.ts';
import { forEachDialect, type DialectApp } from './dialects.ts';
import { post, SHORT, shortSurvey, submission } from './helpers.ts';
import { readWithReadstat } from './native-readers.ts';

/*
 * The .sav and .dta exports on both databases: a native file states its dictionary (and a .dta
 * its row count) before the data, so a response stored while the file is being sent must be left
 * out of it, whole, and be in the next export; read back by ReadStat.
 */
forEachDialect('native exports while responses arrive', (ctx) => {
  let context: DialectApp;
  let researcher: Awaited<ReturnType<typeof signIn>>;
  const folder = mkdtempSync(join(tmpdir(), 'trustlens-native-both-'));

  beforeAll(async () => {
    context = await ctx.testApp({ files: [shortSurvey()] });
    const user = await createAccount(context.store, 'researcher@example.org', 'researcher');
    const survey = (await context.rows('surveys')).find((row) => row.slug === SHORT)!;
    await context.execute('INSERT INTO survey_members (survey_id, user_id) VALUES (?, ?)', [survey.id, user.id]);
    researcher = await signIn(context.app, 'researcher@example.org');
    for (let index = 0; index < 3; index++) expect((await post(context.app, SHORT, submission())).status).toBe(201);
  });

  it.each(['sav', 'dta'])('a .%s export leaves out a response stored after it started, and the next export has it', async (format) => {
    const get = () => context.app.request(`/api/surveys/${SHORT}/exports/microdata.${format}`, { headers: researcher.headers() }) as Promise<Response>;
    const before = (await context.rows('responses')).length;
    const started = await get();
    expect(started.status).toBe(200);
    const late = submission();
    expect((await post(context.app, SHORT, late)).status).toBe(201);
    const file = `${ctx.dialect}-started.${format}`;
    writeFileSync(join(folder, file), Buffer.from(await started.arrayBuffer()));
    const ids = (name: string) => readWithReadstat(folder, name).rows.map((row) => String(row.get('id')!.value));
    expect(ids(file)).toHaveLength(before);
    expect(ids(file)).not.toContain(late.id);
    const next = `${ctx.dialect}-next.${format}`;
    writeFileSync(join(folder, next), Buffer.from(await (await get()).arrayBuffer()));
    expect(ids(next)).toHaveLength(before + 1);
    expect(ids(next)).toContain(late.id);
  }, 120_000);
});
