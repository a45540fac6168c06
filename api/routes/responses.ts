import { Hono, type Context } from 'hono';
import { validateAnswers } from '../../surveys/answers.ts';
import { readJson } from '../body.ts';
import type { AppEnv } from '../env.ts';
import type { Store } from '../db/store/index.ts';
import { ApiError } from '../errors.ts';
import { CommitFailedError } from '../db/group-commit.ts';
import { submissionOrigin, type Origin, type OriginLookups } from '../responses/interview-origin.ts';
import { publicRecord, submissionHash } from '../responses/store.ts';
import type { PublishedVersion } from '../surveys/queries.ts';
import { parseSubmission } from '../responses/submission.ts';
import { paradataIssues } from '../paradata/check.ts';
import { jsonWithSecurityHeaders } from '../secure-headers.ts';

/** Runs the app's checks of a request, then `handler`, whose answer it passes back (api/app.ts). */
export type SubmissionChecks = (c: Context<AppEnv>, handler: () => Promise<Response>) => Promise<Response>;

/**
 * POST /api/surveys/:slug/responses — a completed questionnaire. Answered 201 once stored,
 * 200 with the stored record when the same id is sent again with the same answers, 409 when
 * the id was used for different answers, 422 when the answers do not fit the version answered.
 */
export function responseRoutes(store: Store, options: { perClientPerMinute?: number; checks: SubmissionChecks }) {
  const { responses } = store;
  const lookups: OriginLookups = { surveyFor: store.access.surveyFor, isAssignedEnumerator: responses.isAssignedEnumerator };
  // Anonymous submissions are limited per client address; signed-in enumerators are not, since a
  // tablet may send a day's queued interviews at once. Shared by every instance on PostgreSQL.
  const limiter = store.rateLimits.limiter('submissions-client', options.perClientPerMinute ?? 300, 60_000);
  // The app's checks of every request (body limit, NUL path, who is calling), called here directly
  // rather than as middlewares ahead of the route: see api/app.ts. They pass the answer back.
  const { checks } = options;
  return new Hono<AppEnv>().post('/:slug/responses', (c) => checks(c, () => submit(c)));

  async function submit(c: Context<AppEnv, '/:slug/responses'>): Promise<Response> {
    if (!c.get('auth')) {
      const hit = limiter.hit(c.get('clientKey'));
      const wait = typeof hit === 'number' ? hit : await hit;
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new ApiError(429, `Too many submissions from this address. Try again in ${wait} s.`);
      }
    }
    const submission = parseSubmission(await readJson(c));
    const slug = c.req.param('slug');
    // The version may be one remembered from an earlier submission (SQLite: api/surveys/answerable.ts);
    // if it was closed or superseded meanwhile the write says 'stale' and it is read afresh. A
    // second 'stale' would need another close or publish within the same moment: asked once more.
    for (let attempt = 0; ; attempt += 1) {
      const answer = await answerWith(await store.surveys.findAnswerable(slug, submission.version, attempt > 0));
      if (answer !== 'stale' || attempt === 2) return answer === 'stale' ? stillChanging() : answer;
    }

    async function answerWith(survey: PublishedVersion | undefined): Promise<Response | 'stale'> {
      if (!survey) {
        if (submission.version !== undefined && (await store.surveys.findVersion(slug))) {
          throw new ApiError(422, 'The submission is not in the expected form.', [{ field: 'version', issue: `survey "${slug}" has no version ${submission.version}` }]);
        }
        throw new ApiError(404, `No published survey "${slug}".`);
      }
      const hash = submissionHash(survey, submission, survey.version);
      // The id is not looked up before storing: a new one (nearly every submission) is simply
      // inserted, and the writer, which must catch a concurrent duplicate anyway, says when the id
      // was taken. That spares the request thread a read after each of the writer's commits (which
      // empty this connection's page cache; docs/benchmarks.md). The answers are as before: a
      // refusal below is given only when the id is unused, for a retry of what is stored gets its
      // 200 and a second use of the id its 409 whatever the checks would say now.
      const answerStored = async (): Promise<Response | undefined> => {
        const prior = await responses.findPrior(submission.id, hash);
        if (prior.kind === 'retry') return c.json(publicRecord(slug, prior.stored), 200);
        if (prior.kind === 'conflict') throw new ApiError(409, `Response ${submission.id} was already stored with different answers.`);
        return undefined;
      };
      let origin: Origin;
      try {
        if (survey.status === 'closed') throw new ApiError(409, `Fieldwork for "${slug}" is closed; no new responses are accepted.`);
        // An interview is stored with who conducted it, and only for surveys they are assigned to.
        origin = await submissionOrigin(lookups, slug, c.get('auth'), submission.enumeratorId);
        const issues = [
          ...(survey.meta.languages.includes(submission.language as never)
            ? validateAnswers(survey.definition, submission.answers)
            : [{ field: 'language', issue: `must be one of ${survey.meta.languages.join(', ')}` }]),
          ...paradataIssues(survey.definition, submission.paradata),
        ];
        if (issues.length > 0) throw new ApiError(422, 'Some answers do not fit the questionnaire.', issues);
      } catch (refusal) {
        const answer = await answerStored();
        if (answer) return answer;
        throw refusal;
      }

      const stored = await responses.store(survey, submission, hash, origin).catch((error: unknown) => {
        // The batch's commit failed (disk full, I/O error): nothing of it is stored, and the client's outbox retries.
        if (!(error instanceof CommitFailedError)) throw error;
        c.header('Retry-After', '5');
        throw new ApiError(503, 'The response could not be stored just now; nothing was saved. Try again.');
      });
      if (stored === 'stale') return 'stale';
      if (!stored) {
        // The id was already stored (a retry, or another request between): answer as for a retry, or 409.
        const answer = await answerStored();
        if (answer) return answer;
        throw new ApiError(409, `Response ${submission.id} was already stored with different answers.`);
      }
      // The reply with its security headers in one plain object: cheaper to write (api/secure-headers.ts).
      return jsonWithSecurityHeaders({ id: submission.id, version: survey.version }, 201);
    }
    function stillChanging(): never {
      c.header('Retry-After', '1');
      throw new ApiError(503, `Survey "${slug}" changed while the response was being stored; nothing was saved. Try again.`);
    }
  }
}
