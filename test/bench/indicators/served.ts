import { SLUG } from '../exports/settings.ts';
import { peakRss, startTrustlens, type RunningServer } from '../ingest/processes.ts';
import { signInBenchAdmin } from '../ingest/staff.ts';

/** What the full indicator table cost on one running server (seconds, bytes). */
export interface ServedTable {
  /** From listening to the start-up tables being reported (WARM_INDICATORS: every survey's), and the server's own figure for the benchmark survey's. */
  startUp: number;
  startUpReported: number;
  first: number;
  repeats: number[];
  afterNew: number;
  /** Estimate rows of the table, so a run on either database can be seen to give the same table. */
  rows: number;
  peakRss: number;
}

const TABLE = `/api/surveys/${SLUG}/indicators?by=region,channel`;

/** Waits until the server says the start-up tables of the benchmark survey are made (or could not be); the seconds it reports. */
async function warmed(server: RunningServer): Promise<number> {
  const ready = new RegExp(`Indicator tables ready for [\\d,]+ responses of ${SLUG} \\(([\\d.]+) s\\)`);
  const failed = new RegExp(`Indicator tables for ${SLUG} not prepared: .*`);
  for (;;) {
    const output = server.output();
    const match = ready.exec(output);
    if (match) return Number(match[1]);
    if (failed.test(output) || server.child.exitCode !== null) throw new Error(`the start-up tables were not made:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function timedTable(server: RunningServer, cookie: string): Promise<{ seconds: number; rows: number }> {
  const start = performance.now();
  const response = await fetch(`${server.url}${TABLE}`, { headers: { cookie } });
  const body = (await response.json()) as { estimates: unknown[] };
  if (response.status !== 200) throw new Error(`${TABLE}: ${response.status} ${JSON.stringify(body)}`);
  return { seconds: (performance.now() - start) / 1000, rows: body.estimates.length };
}

/**
 * api/server.ts (this checkout) on `database` (a SQLite file or a postgres:// URL) with indicator
 * warming on, as a deployment runs it: the start-up tables, then GET …/indicators?by=region,channel
 * as indicators.bench.ts times it (first, twice again, after one new web response `newResponse`
 * was POSTed), over HTTP from a signed-in admin; the server's peak RSS (compute threads included)
 * read before it is stopped. The caller removes the new response (`id`) if the database is kept.
 */
export async function timeServedTable(database: string, port: number, newResponse: { id: string; language: string; answers: unknown }): Promise<ServedTable> {
  const server = await startTrustlens(process.cwd(), database, port, [], { WARM_INDICATORS: 'true' });
  try {
    const listening = performance.now();
    const startUpReported = await warmed(server);
    const startUp = (performance.now() - listening) / 1000;
    const cookie = await signInBenchAdmin(server.url);
    const first = await timedTable(server, cookie);
    const repeats = [await timedTable(server, cookie), await timedTable(server, cookie)];
    const posted = await fetch(`${server.url}/api/surveys/${SLUG}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(newResponse) });
    if (posted.status !== 201) throw new Error(`posting a response failed: ${posted.status} ${await posted.text()}`);
    const afterNew = await timedTable(server, cookie);
    return { startUp, startUpReported, first: first.seconds, repeats: repeats.map((repeat) => repeat.seconds), afterNew: afterNew.seconds, rows: first.rows, peakRss: peakRss(server.child.pid!) };
  } finally {
    await server.stop();
  }
}
