import Database from 'better-sqlite3';
import { benchDatabase, SLUG } from '../exports/bench-db.ts';
import { BENCH_DB, BENCH_ROWS } from '../exports/settings.ts';
import type { Questionnaire } from './bodies.ts';
import { submitUnderLoad, type LoadResult } from './load.ts';
import { startTrustlens } from './processes.ts';
import { addBenchAdmin, signInBenchAdmin } from './staff.ts';

/** One window of submissions: alone, or while indicator tables were being made (those that finished in it). */
export interface BesideWindow {
  load: LoadResult;
  /** Seconds each indicator request that finished during the window took (the first reads every response). */
  tables: number[] | null;
}

/**
 * The server of the checkout in `root` on the benchmark database (BENCH_ROWS responses of the full
 * instrument, `npm run bench` makes it), indicator warming off: short-questionnaire submissions for
 * `seconds` alone, then window after window of `seconds` while an evaluator asks for the full
 * region × channel table over and over (the first request reads and prepares every response, the
 * next ones are made from the cached columns), until two tables have finished or `maxWindows`
 * windows have passed. The submissions go to the short questionnaire, so the full instrument keeps
 * its BENCH_ROWS responses, and are deleted afterwards.
 */
export async function submitBesideIndicators(root: string, name: string, questionnaire: Questionnaire, connections: number, seconds: number, port: number, maxWindows = 6): Promise<BesideWindow[]> {
  benchDatabase(BENCH_DB, BENCH_ROWS).$client.close();
  addBenchAdmin(BENCH_DB);
  const server = await startTrustlens(root, BENCH_DB, port);
  const stop = new AbortController();
  try {
    const cookie = await signInBenchAdmin(server.url);
    await submitUnderLoad(name, server.url, questionnaire, connections, 2);
    const windows: BesideWindow[] = [{ load: await submitUnderLoad(name, server.url, questionnaire, connections, seconds), tables: null }];
    const finished: number[] = [];
    const asking = (async () => {
      while (!stop.signal.aborted) {
        const start = performance.now();
        const response = await fetch(`${server.url}/api/surveys/${SLUG}/indicators?by=region,channel`, { headers: { cookie }, signal: stop.signal });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`indicators: ${response.status}`);
        finished.push((performance.now() - start) / 1000);
      }
    })().catch((error: unknown) => (stop.signal.aborted ? undefined : Promise.reject(error)));
    for (let window = 0; window < maxWindows && finished.length < 2; window++) {
      const before = finished.length;
      const load = await submitUnderLoad(name, server.url, questionnaire, connections, seconds);
      windows.push({ load, tables: finished.slice(before) });
    }
    stop.abort();
    await asking;
    return windows;
  } finally {
    stop.abort();
    await server.stop();
    const cleanup = new Database(BENCH_DB);
    cleanup.prepare('DELETE FROM responses WHERE survey_id IN (SELECT id FROM surveys WHERE slug = ?)').run(questionnaire.slug);
    cleanup.close();
  }
}
