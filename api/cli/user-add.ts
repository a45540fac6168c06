import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { recordAudit } from '../audit.ts';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import { ROLES, users, type Role } from '../db/schema.ts';

// npm run user:add -- --email someone@example.org --role admin [--password-stdin]
// Creates an account in the database named by DATABASE_URL. Without --password-stdin it prints a
// generated password once; nothing in Trustlens has a default password.

function fail(message: string): never {
  console.error(`user:add: ${message}`);
  process.exit(2);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } },
    strict: true,
  });
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail('--email must be an e-mail address');
  if (!ROLES.includes(values.role as Role)) fail(`--role must be one of ${ROLES.join(', ')}`);
  const password = values['password-stdin'] ? await readStdin() : generatePassword();
  if (password.length < MIN_PASSWORD_LENGTH) fail(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);

  const db = openDatabase(readConfig(process.env).databasePath);
  if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) fail(`an account for ${email} already exists`);
  const user = db.insert(users).values({ email, role: values.role as Role, passwordHash: hashPassword(password) }).returning().get();
  recordAudit(db, { userId: null, action: 'user.create', target: email, details: { role: user.role, via: 'command line' } });
  db.$client.close();
  console.log(`Created ${user.role} account ${email}.`);
  if (!values['password-stdin']) console.log(`Password (shown once, change it after signing in): ${password}`);
}

main().catch((error: unknown) => fail((error as Error).message));
