import { and, count, eq, inArray, isNotNull, isNull, max, notInArray } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { localized } from '../../surveys/languages.ts';
import { recordAudit } from '../audit.ts';
import { requireRole } from '../auth/middleware.ts';
import { surveyFor } from '../auth/survey-access.ts';
import { parseWith, readJsonBody } from '../body.ts';
import type { Db } from '../db/open.ts';
import { responses, surveyDrafts, surveyMembers, surveys, surveyVersions, users } from '../db/schema.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { syntheticCount } from '../indicators/synthetic-counts.ts';
import { listLatestVersions } from '../surveys/queries.ts';

export const memberAddSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an e-mail address' })),
});

/** Running fieldwork: open and close it, list versions, and say who works on a survey. */
export function fieldworkRoutes(db: Db) {
  const setStatus = (status: 'open' | 'closed') => (c: Context<AppEnv>) => {
    const auth = c.get('auth');
    const survey = surveyFor(db, c.req.param('slug') ?? '', auth, 'manage');
    db.update(surveys).set({ status }).where(eq(surveys.id, survey.id)).run();
    recordAudit(db, { userId: auth!.user.id, action: `fieldwork.${status === 'open' ? 'reopen' : 'close'}`, surveyId: survey.id });
    return c.json({ slug: survey.slug, status });
  };

  return new Hono<AppEnv>()
    .post('/:slug/close', setStatus('closed'))
    .post('/:slug/open', setStatus('open'))
    .get('/:slug/versions', (c) => {
      const survey = surveyFor(db, c.req.param('slug'), c.get('auth'), 'aggregates');
      const rows = db.select({ version: surveyVersions.version, contentHash: surveyVersions.contentHash, publishedAt: surveyVersions.publishedAt })
        .from(surveyVersions).where(eq(surveyVersions.surveyId, survey.id)).orderBy(surveyVersions.version).all();
      const counts = db.select({ version: responses.version, responses: count() }).from(responses)
        .where(eq(responses.surveyId, survey.id)).groupBy(responses.version).all();
      return c.json({ slug: survey.slug, status: survey.status, versions: rows.map((row) => ({ ...row, responses: counts.find((entry) => entry.version === row.version)?.responses ?? 0 })) });
    })
    .get('/:slug/members', (c) => {
      const survey = surveyFor(db, c.req.param('slug'), c.get('auth'), 'manage');
      const rows = db.select({ id: users.id, email: users.email, role: users.role, addedAt: surveyMembers.addedAt }).from(surveyMembers)
        .innerJoin(users, eq(users.id, surveyMembers.userId)).where(eq(surveyMembers.surveyId, survey.id)).orderBy(users.email).all();
      return c.json({ members: rows });
    })
    .get('/:slug/members/candidates', (c) => {
      // Accounts that may be added: enabled researchers and enumerators who are not members yet.
      const survey = surveyFor(db, c.req.param('slug'), c.get('auth'), 'manage');
      const members = db.select({ id: surveyMembers.userId }).from(surveyMembers).where(eq(surveyMembers.surveyId, survey.id)).all().map((row) => row.id);
      const accounts = db.select({ id: users.id, email: users.email, role: users.role }).from(users)
        .where(and(inArray(users.role, ['researcher', 'enumerator']), isNull(users.disabledAt), notInArray(users.id, members)))
        .orderBy(users.role, users.email).all();
      return c.json({ accounts });
    })
    .post('/:slug/members', async (c) => {
      const auth = c.get('auth');
      const survey = surveyFor(db, c.req.param('slug'), auth, 'manage');
      const { email } = await readJsonBody(c, memberAddSchema);
      const user = db.select().from(users).where(eq(users.email, email)).get();
      if (!user) throw new ApiError(422, 'No such account.', [{ field: 'email', issue: 'no account with this e-mail; an admin creates accounts' }]);
      if (user.role !== 'researcher' && user.role !== 'enumerator') {
        throw new ApiError(422, 'Only researchers and enumerators are members of a survey.', [{ field: 'email', issue: `is a ${user.role}` }]);
      }
      db.insert(surveyMembers).values({ surveyId: survey.id, userId: user.id }).onConflictDoNothing().run();
      recordAudit(db, { userId: auth!.user.id, action: 'member.add', surveyId: survey.id, target: user.email });
      return c.json({ id: user.id, email: user.email, role: user.role }, 201);
    })
    .delete('/:slug/members/:userId', (c) => {
      const auth = c.get('auth');
      const survey = surveyFor(db, c.req.param('slug'), auth, 'manage');
      const userId = parseWith(z.coerce.number().int().positive(), c.req.param('userId'), 'No such member.');
      const result = db.delete(surveyMembers).where(and(eq(surveyMembers.surveyId, survey.id), eq(surveyMembers.userId, userId))).run();
      if (result.changes === 0) throw new ApiError(404, 'No such member of this survey.');
      recordAudit(db, { userId: auth!.user.id, action: 'member.remove', surveyId: survey.id, target: String(userId) });
      return c.body(null, 204);
    });
}

/**
 * GET /api/manage/surveys — the surveys the caller may manage, with drafts, status and counts,
 * and the templates (questionnaires published from surveys/ at start) any of them may start from.
 */
export function manageRoutes(db: Db) {
  return new Hono<AppEnv>().get('/surveys', requireRole('admin', 'researcher'), async (c) => {
    const auth = c.get('auth')!;
    const mine = auth.role === 'admin' ? undefined
      : db.select({ id: surveyMembers.surveyId }).from(surveyMembers).where(eq(surveyMembers.userId, auth.user.id)).all().map((row) => row.id);
    const rows = db.select().from(surveys).where(mine ? inArray(surveys.id, mine) : undefined).orderBy(surveys.slug).all();
    const ids = rows.map((row) => row.id);
    const versions = db.select({ surveyId: surveyVersions.surveyId, version: max(surveyVersions.version) }).from(surveyVersions)
      .where(inArray(surveyVersions.surveyId, ids)).groupBy(surveyVersions.surveyId).all();
    const drafts = db.select({ surveyId: surveyDrafts.surveyId, updatedAt: surveyDrafts.updatedAt }).from(surveyDrafts).where(inArray(surveyDrafts.surveyId, ids)).all();
    const counts = db.select({ surveyId: responses.surveyId, responses: count() }).from(responses).where(inArray(responses.surveyId, ids)).groupBy(responses.surveyId).all();
    // Title from the latest published version, or from the draft of a survey never published.
    const latestVersions = listLatestVersions(db);
    const published = new Map(latestVersions.map((latest) => [latest.surveyId, latest.definition]));
    const titles = new Map(ids.map((id) => {
      const definition = published.get(id) ?? db.select({ definition: surveyDrafts.definition }).from(surveyDrafts).where(eq(surveyDrafts.surveyId, id)).get()?.definition;
      return [id, localized((definition as { title?: unknown } | undefined)?.title, 'en')];
    }));
    const templates = db.select({ id: surveys.id, slug: surveys.slug }).from(surveys).where(isNotNull(surveys.sourceHash)).orderBy(surveys.slug).all()
      .flatMap((template) => {
        const latest = latestVersions.find((entry) => entry.surveyId === template.id);
        return latest ? [{ slug: template.slug, version: latest.version, languages: latest.meta.languages, title: localized(latest.definition.title, 'en') ?? template.slug }] : [];
      });
    const syntheticByRow = await Promise.all(rows.map((row) => syntheticCount(db, row.id)));
    return c.json({
      templates,
      surveys: rows.map((row, index) => ({
        slug: row.slug, title: titles.get(row.id) ?? row.slug, status: row.status,
        version: versions.find((entry) => entry.surveyId === row.id)?.version ?? null,
        draftUpdatedAt: drafts.find((entry) => entry.surveyId === row.id)?.updatedAt ?? null,
        responses: counts.find((entry) => entry.surveyId === row.id)?.responses ?? 0,
        synthetic: syntheticByRow[index]!,
      })),
    });
  });
}
