import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../api/auth/passwords.ts';
import { describePostgres, freshPostgresDatabase } from '../db/postgres.ts';
import { PASSWORD } from './accounts.ts';
import { SHORT, VALID_ANSWERS } from './helpers.ts';

/*
 * Two real server processes (api/server.ts, as `npm start` runs it) on one PostgreSQL database,
 * as behind a load balancer (issue #15): what one instance stores or signs in is what the other
 * finds. Startup and requests get generous time limits: the machine may be busy.
 */

interface Instance {
  base: string;
  child: ChildProcess;
  output: () => string;
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startInstance(databaseUrl: string, folder: string): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    env: {
      ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, SURVEYS_DIR: folder, WEB_DIST: folder,
      WARM_INDICATORS: 'false', SUBMISSIONS_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Trustlens is running')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  await ready;
  return { base: `http://127.0.0.1:${port}`, child, output: () => output };
}

async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance || instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGTERM');
  await exited;
}

const submit = (instance: Instance, body: unknown, headers: Record<string, string> = {}) => fetch(`${instance.base}/api/surveys/${SHORT}/responses`, {
  method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
});

describePostgres('two API instances on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let folder: string;
  let client: pg.Client;
  let a: Instance | undefined;
  let b: Instance | undefined;

  beforeAll(async () => {
    database = await freshPostgresDatabase();
    folder = mkdtempSync(join(tmpdir(), 'trustlens-two-instances-'));
    copyFileSync('surveys/bih-police-trust-short.json', join(folder, 'short.json'));
    // One after the other, as a rolling start: the first migrates and publishes, the second finds it done.
    a = await startInstance(database.url, folder);
    b = await startInstance(database.url, folder);
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  }, 240_000);

  afterAll(async () => {
    await Promise.all([stopInstance(a), stopInstance(b)]);
    await client?.end();
    await database?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  }, 120_000);

  const count = async (id: string) => (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM responses WHERE id = $1', [id])).rows[0]!.n;

  it('stores the same submission id sent to both at once once: 201 from one instance, 200 from the other', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const body = { id: crypto.randomUUID(), language: 'en', answers: { ...VALID_ANSWERS, trust_police: attempt } };
      const replies = await Promise.all([submit(a!, body), submit(b!, body)]);
      expect(replies.map((reply) => reply.status).sort()).toEqual([200, 201]);
      const retry = await replies.find((reply) => reply.status === 200)!.json() as { id: string; answers: unknown };
      expect(retry).toMatchObject({ id: body.id, answers: body.answers });
      expect(await count(body.id)).toBe(1);
      const values = await client.query('SELECT count(*)::int AS n FROM response_values WHERE response_id = $1', [body.id]);
      expect(values.rows[0].n).toBe(1);
    }
  }, 120_000);

  it('refuses on one instance (409) an id stored with other answers through the other, keeping the first answers', async () => {
    const body = { id: crypto.randomUUID(), language: 'en', answers: VALID_ANSWERS };
    expect((await submit(a!, body)).status).toBe(201);
    const clash = await submit(b!, { ...body, answers: { ...VALID_ANSWERS, trust_police: 9 } });
    expect(clash.status).toBe(409);
    const stored = await client.query('SELECT answers FROM responses WHERE id = $1', [body.id]);
    expect(stored.rows).toEqual([{ answers: VALID_ANSWERS }]);
  }, 120_000);

  it('accepts on one instance a session signed in on the other, CSRF token included', async () => {
    const email = 'enumerator@example.org';
    const user = await client.query<{ id: number }>("INSERT INTO users (email, password_hash, role) VALUES ($1, $2, 'enumerator') RETURNING id", [email, hashPassword(PASSWORD)]);
    const enumeratorId = user.rows[0]!.id;
    await client.query("INSERT INTO survey_members (survey_id, user_id) SELECT id, $1 FROM surveys WHERE slug = $2", [enumeratorId, SHORT]);
    const signIn = await fetch(`${a!.base}/api/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = await signIn.json() as { csrfToken: string };

    const me = await fetch(`${b!.base}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { email }, role: 'enumerator', via: 'session', csrfToken });
    const surveys = await fetch(`${b!.base}/api/interviews`, { headers: { cookie } });
    expect((await surveys.json() as { surveys: { slug: string }[] }).surveys.map((survey) => survey.slug)).toEqual([SHORT]);

    // A write with the session needs its CSRF token, on the instance that did not make it too.
    const body = { id: crypto.randomUUID(), language: 'en', answers: VALID_ANSWERS };
    expect((await submit(b!, body, { cookie })).status).toBe(403);
    expect((await submit(b!, body, { cookie, 'x-csrf-token': csrfToken })).status).toBe(201);
    const stored = await client.query('SELECT mode, enumerator_id FROM responses WHERE id = $1', [body.id]);
    expect(stored.rows).toEqual([{ mode: 'enumerator', enumerator_id: enumeratorId }]);
  }, 120_000);

  it("serves on one instance an indicator table that counts the other instance's writes and erasures at once, never a stale one", async () => {
    // An admin: reads the table on A and erases a response on B.
    const email = 'admin@example.org';
    await client.query("INSERT INTO users (email, password_hash, role) VALUES ($1, $2, 'admin')", [email, hashPassword(PASSWORD)]);
    const signIn = await fetch(`${a!.base}/api/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = await signIn.json() as { csrfToken: string };
    const counted = async () => {
      const table = await fetch(`${a!.base}/api/surveys/${SHORT}/indicators`, { headers: { cookie } });
      expect(table.status).toBe(200);
      return ((await table.json()) as { design: { n: number } }).design.n;
    };
    const before = await counted(); // A's caches are warm from here on
    const stored = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM responses')).rows[0]!.n;
    expect(before).toBe(stored);

    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    for (const id of ids) expect((await submit(b!, { id, language: 'en', answers: VALID_ANSWERS })).status).toBe(201);
    // The change stamp is read from the database on every request: the next table already has them.
    expect(await counted()).toBe(before + 3);

    // An erasure on the other instance (the triggers count it in response_changes) is seen as soon.
    const erased = await fetch(`${b!.base}/api/surveys/${SHORT}/responses/${ids[0]}`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(erased.status).toBe(204);
    expect(await counted()).toBe(before + 2);
    // So is one by any other writer of the database.
    await client.query('DELETE FROM responses WHERE id = $1', [ids[1]]);
    expect(await counted()).toBe(before + 1);
  }, 120_000);

  it('keeps every submission acknowledged by an instance killed mid-load (kill -9), while the other carries on', async () => {
    const acknowledged: string[] = [];
    let killed = false;
    const exited = new Promise((resolve) => a!.child.once('exit', resolve));
    // 10 clients submit one questionnaire after another to A until it dies under them.
    const sender = async () => {
      while (!killed) {
        const id = crypto.randomUUID();
        try {
          const response = await submit(a!, { id, language: 'en', answers: VALID_ANSWERS });
          if (response.status === 201) acknowledged.push(id);
          else await response.arrayBuffer();
        } catch {
          // The connection died with the process: this one was never acknowledged.
        }
      }
    };
    const clients = Array.from({ length: 10 }, sender);
    while (acknowledged.length < 100) await new Promise((resolve) => setTimeout(resolve, 20));
    a!.child.kill('SIGKILL');
    killed = true;
    await exited;
    await Promise.all(clients);
    const stored = new Set((await client.query<{ id: string }>('SELECT id FROM responses WHERE id = ANY($1)', [acknowledged])).rows.map((row) => row.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    // Each written whole: a response with its analysed values, or neither.
    const unmatched = await client.query('SELECT count(*)::int AS n FROM responses r LEFT JOIN response_values v ON v.response_id = r.id WHERE v.response_id IS NULL');
    expect(unmatched.rows[0].n).toBe(0);
    // B never noticed: it stores the next submission as before.
    expect((await submit(b!, { id: crypto.randomUUID(), language: 'en', answers: VALID_ANSWERS })).status).toBe(201);
  }, 180_000);
});
