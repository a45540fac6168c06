import autocannon from 'autocannon';
import type { Questionnaire } from './bodies.ts';

/** What one load run measured. Throughput counts only what the server acknowledged as stored. */
export interface LoadResult {
  target: string;
  questionnaire: Questionnaire['label'];
  connections: number;
  seconds: number;
  /** Responses with status 201 (Trustlens) or 200 (hello-world) per second. */
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Status code → count; errors and timeouts of the load tool. */
  statuses: Record<string, number>;
  errors: number;
  /** Ids the server acknowledged with 201, in order. */
  acknowledged: string[];
}

/**
 * POSTs complete questionnaires to `url` from `connections` connections for `seconds`, each with a
 * new client-generated id (as the respondent page sends them), cycling through the questionnaire's
 * answer pool. The same requests go to the hello-world baseline, so the load tool does the same work.
 */
export async function submitUnderLoad(
  target: string, url: string, questionnaire: Questionnaire, connections: number, seconds: number,
  /** Work to run against the server while the load runs (e.g. an indicator request); aborted when the load ends. */
  alongside?: (signal: AbortSignal) => Promise<unknown>,
): Promise<LoadResult> {
  let next = 0;
  const acknowledged: string[] = [];
  const stop = new AbortController();
  const beside = alongside?.(stop.signal).catch((error: unknown) => (stop.signal.aborted ? undefined : Promise.reject(error)));
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [{
      method: 'POST',
      path: `/api/surveys/${questionnaire.slug}/responses`,
      headers: { 'content-type': 'application/json' },
      setupRequest: (request, context) => {
        const id = crypto.randomUUID();
        context.id = id;
        return { ...request, body: `{"id":"${id}",${questionnaire.pool[next++ % questionnaire.pool.length]}}` };
      },
      onResponse: (status, _body, context) => {
        if (status === 201) acknowledged.push(context.id as string);
      },
    }],
  });
  stop.abort();
  await beside;
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]));
  const ok = (statuses['201'] ?? 0) + (target === 'hello-world' ? statuses['200'] ?? 0 : 0);
  return {
    target, questionnaire: questionnaire.label, connections, seconds: result.duration,
    perSecond: ok / result.duration, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max,
    statuses, errors: result.errors + result.timeouts, acknowledged,
  };
}
