import { defineConfig } from 'drizzle-kit';

// drizzle-kit generates the SQL migrations in api/db/migrations from api/db/schema.ts.
// Run `npm run db:generate` after changing the schema and commit what it writes.
export default defineConfig({
  dialect: 'sqlite',
  schema: './api/db/schema.ts',
  out: './api/db/migrations',
});
