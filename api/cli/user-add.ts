import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { recordAudit } from '../audit.ts';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import { ROLES, surveyMembers, surveys, users, type Role } from '../db/schema.ts';

// npm run user:add -- --email someone@example.org --role admin [--password-stdin] [--survey slug …]
// Creates an account in the database named by DATABASE_URL. Without --password-stdin it prints a
// generated password once; nothing in Trustlens has a default password. --survey (repeatable)
// makes a researcher or enumerator a member of that survey, e.g. of the demo questionnaire.

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
    options: { email: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false }, survey: { type: 'string', multiple: true, default: [] } },
    strict: true,
  });
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail('--email must be an e-mail address');
  if (!ROLES.includes(values.role as Role)) fail(`--role must be one of ${ROLES.join(', ')}`);
  const slugs = values.survey ?? [];
  if (slugs.length > 0 && values.role !== 'researcher' && values.role !== 'enumerator') {
    fail(`--survey is for researchers and enumerators; a${values.role === 'admin' ? 'n admin' : 'n evaluator'} sees every survey already`);
  }
  const password = values['password-stdin'] ? await readStdin() : generatePassword();
  if (password.length < MIN_PASSWORD_LENGTH) fail(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);

  const db = openDatabase(readConfig(process.env).databasePath);
  if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) fail(`an account for ${email} already exists`);
  const surveyIds = slugs.map((slug) => {
    const survey = db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, slug)).get();
    if (!survey) fail(`no survey "${slug}" in this database (the questionnaires in surveys/ are added when the server starts: run npm start once)`);
    return survey.id;
  });
  const user = db.transaction((tx) => {
    const created = tx.insert(users).values({ email, role: values.role as Role, passwordHash: hashPassword(password) }).returning().get();
    recordAudit(tx, { userId: null, action: 'user.create', target: email, details: { role: created.role, via: 'command line' } });
    for (const surveyId of surveyIds) {
      tx.insert(surveyMembers).values({ surveyId, userId: created.id }).run();
      recordAudit(tx, { userId: null, action: 'member.add', surveyId, target: email, details: { via: 'command line' } });
    }
    return created;
  });
  db.$client.close();
  console.log(`Created ${user.role} account ${email}${slugs.length ? `, member of ${slugs.join(', ')}` : ''}.`);
  if (!values['password-stdin']) console.log(`Password (shown once, change it after signing in): ${password}`);
}

main().catch((error: unknown) => fail((error as Error).message));
