import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Questionnaire } from './bodies.ts';
import { submitUnderLoad, type LoadResult } from './load.ts';
import { startHelloWorld, startTrustlens } from './processes.ts';
import { checkStored, type StoredCheck } from './stored.ts';

/** How hard and how long one measurement loads a server (after a warm-up whose figures are dropped). */
export interface LoadSettings {
  connections: number;
  seconds: number;
  warmUpSeconds: number;
}

/** A measurement of api/server.ts: the load figures and how its acknowledged ids were found stored. */
export type StoredResult = LoadResult & { stored: StoredCheck };

export const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
export const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);

export function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** What the machine answers at all: the same POSTs, from the same load tool, to a node:http hello-world. */
export async function measureHelloWorld(questionnaire: Questionnaire, settings: LoadSettings): Promise<LoadResult> {
  const server = await startHelloWorld();
  try {
    await submitUnderLoad('hello-world', server.url, questionnaire, settings.connections, settings.warmUpSeconds);
    return await submitUnderLoad('hello-world', server.url, questionnaire, settings.connections, settings.seconds);
  } finally {
    await server.stop();
  }
}

/** The server of the checkout in `root` on a new SQLite file; the ids checked once it has stopped. */
export async function measureSqlite(name: string, root: string, questionnaire: Questionnaire, settings: LoadSettings): Promise<StoredResult> {
  const folder = mkdtempSync(join(tmpdir(), 'trustlens-ingest-'));
  const databasePath = join(folder, 'trustlens.db');
  try {
    const server = await startTrustlens(root, databasePath, await freePort());
    let warmUp: LoadResult, result: LoadResult;
    try {
      warmUp = await submitUnderLoad(name, server.url, questionnaire, settings.connections, settings.warmUpSeconds);
      result = await submitUnderLoad(name, server.url, questionnaire, settings.connections, settings.seconds);
    } finally {
      await server.stop();
    }
    return { ...result, stored: checkStored(databasePath, [...warmUp.acknowledged, ...result.acknowledged]) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** "0 lost, 0 duplicated of N", and any answer that was not a 201 or any error of the load tool. */
export function describeCheck(result: StoredResult): string {
  const refused = Object.entries(result.statuses).filter(([code]) => code !== '201').map(([code, count]) => `${count}×${code}`);
  const also = [...refused, ...(result.errors ? [`${result.errors} errors`] : [])];
  return `${result.stored.lost} lost, ${result.stored.duplicated} duplicated of ${result.stored.acknowledged.toLocaleString('en')}${also.length ? `; also ${also.join(', ')}` : ''}`;
}
