import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { localized } from '../../surveys/languages.ts';
import { requireRole } from '../auth/middleware.ts';
import { parseWith, readJsonBody } from '../body.ts';
import type { Store } from '../db/store/index.ts';
import type { AppEnv } from '../env.ts';
import { ApiError } from '../errors.ts';
import { syntheticCount } from '../indicators/synthetic-counts.ts';

export const memberAddSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an e-mail address' })),
});

/** Running fieldwork: open and close it, list versions, and say who works on a survey. */
export function fieldworkRoutes(store: Store) {
  const setStatus = (status: 'open' | 'closed') => async (c: Context<AppEnv>) => {
    const auth = c.get('auth');
    const survey = await store.access.surveyFor(c.req.param('slug') ?? '', auth, 'manage');
    await store.fieldwork.setStatus(survey.id, status, { userId: auth!.user.id, action: `fieldwork.${status === 'open' ? 'reopen' : 'close'}`, surveyId: survey.id });
    return c.json({ slug: survey.slug, status });
  };

  return new Hono<AppEnv>()
    .post('/:slug/close', setStatus('closed'))
    .post('/:slug/open', setStatus('open'))
    .get('/:slug/versions', async (c) => {
      const survey = await store.access.surveyFor(c.req.param('slug'), c.get('auth'), 'aggregates');
      return c.json({ slug: survey.slug, status: survey.status, versions: await store.fieldwork.versions(survey.id) });
    })
    .get('/:slug/members', async (c) => {
      const survey = await store.access.surveyFor(c.req.param('slug'), c.get('auth'), 'manage');
      return c.json({ members: await store.fieldwork.members(survey.id) });
    })
    .get('/:slug/members/candidates', async (c) => {
      // Accounts that may be added: enabled researchers and enumerators who are not members yet.
      const survey = await store.access.surveyFor(c.req.param('slug'), c.get('auth'), 'manage');
      return c.json({ accounts: await store.fieldwork.memberCandidates(survey.id) });
    })
    .post('/:slug/members', async (c) => {
      const auth = c.get('auth');
      const survey = await store.access.surveyFor(c.req.param('slug'), auth, 'manage');
      const { email } = await readJsonBody(c, memberAddSchema);
      const user = await store.accounts.userByEmail(email);
      if (!user) throw new ApiError(422, 'No such account.', [{ field: 'email', issue: 'no account with this e-mail; an admin creates accounts' }]);
      if (user.role !== 'researcher' && user.role !== 'enumerator') {
        throw new ApiError(422, 'Only researchers and enumerators are members of a survey.', [{ field: 'email', issue: `is a ${user.role}` }]);
      }
      await store.fieldwork.addMember(survey.id, user.id, { userId: auth!.user.id, action: 'member.add', surveyId: survey.id, target: user.email });
      return c.json({ id: user.id, email: user.email, role: user.role }, 201);
    })
    .delete('/:slug/members/:userId', async (c) => {
      const auth = c.get('auth');
      const survey = await store.access.surveyFor(c.req.param('slug'), auth, 'manage');
      const userId = parseWith(z.coerce.number().int().positive(), c.req.param('userId'), 'No such member.');
      const removed = await store.fieldwork.removeMember(survey.id, userId, { userId: auth!.user.id, action: 'member.remove', surveyId: survey.id, target: String(userId) });
      if (!removed) throw new ApiError(404, 'No such member of this survey.');
      return c.body(null, 204);
    });
}

/**
 * GET /api/manage/surveys — the surveys the caller may manage, with drafts, status and counts,
 * and the templates (questionnaires published from surveys/ at start) any of them may start from.
 */
export function manageRoutes(store: Store) {
  return new Hono<AppEnv>().get('/surveys', requireRole('admin', 'researcher'), async (c) => {
    const auth = c.get('auth')!;
    const rows = await store.fieldwork.managedSurveys(auth.role === 'admin' ? undefined : auth.user.id);
    // Title from the latest published version, or from the draft of a survey never published.
    const latestVersions = await store.surveys.listLatestVersions();
    const published = new Map(latestVersions.map((latest) => [latest.surveyId, latest.definition]));
    const title = (row: (typeof rows)[number]) => localized(((published.get(row.id) ?? row.draftDefinition) as { title?: unknown } | undefined)?.title, 'en');
    const templates = (await store.fieldwork.templateSurveys()).flatMap((template) => {
      const latest = latestVersions.find((entry) => entry.surveyId === template.id);
      return latest ? [{ slug: template.slug, version: latest.version, languages: latest.meta.languages, title: localized(latest.definition.title, 'en') ?? template.slug }] : [];
    });
    const syntheticByRow = await Promise.all(rows.map((row) => syntheticCount(store.indicators, row.id)));
    return c.json({
      templates,
      surveys: rows.map((row, index) => ({
        slug: row.slug, title: title(row) ?? row.slug, status: row.status,
        version: row.version, draftUpdatedAt: row.draftUpdatedAt, responses: row.responses,
        synthetic: syntheticByRow[index]!,
      })),
    });
  });
}
