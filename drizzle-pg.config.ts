import { defineConfig } from 'drizzle-kit';

// drizzle-kit generates PostgreSQL's migrations in api/db/migrations-pg from api/db/pg/schema.ts
// (SQLite's stay in api/db/migrations, from drizzle.config.ts). After changing the schemas run
// `npm run db:generate` (both dialects) and commit what it writes.
export default defineConfig({
  dialect: 'postgresql',
  schema: './api/db/pg/schema.ts',
  out: './api/db/migrations-pg',
});
