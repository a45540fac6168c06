import { parseArgs } from 'node:util';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { ROLES, type Role } from '../db/schema.ts';
import { openStore } from './open-store.ts';

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

  const { store, close } = await openStore();
  try {
    if (await store.accounts.userByEmail(email)) fail(`an account for ${email} already exists`);
    const surveyIds: number[] = [];
    for (const slug of slugs) {
      const survey = await store.surveys.findVersion(slug);
      if (!survey) fail(`no survey "${slug}" in this database (the questionnaires in surveys/ are added when the server starts: run npm start once)`);
      surveyIds.push(survey.surveyId);
    }
    const user = await store.accounts.createUser(
      { email, role: values.role as Role, passwordHash: hashPassword(password) },
      { actorId: null, details: { via: 'command line' }, memberOf: surveyIds },
    );
    if (!user) fail(`an account for ${email} already exists`);
  } finally {
    await close();
  }
  console.log(`Created ${values.role} account ${email}${slugs.length ? `, member of ${slugs.join(', ')}` : ''}.`);
  if (!values['password-stdin']) console.log(`Password (shown once, change it after signing in): ${password}`);
}

main().catch((error: unknown) => fail((error as Error).message));
