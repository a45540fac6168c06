import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';

declare module 'vitest' {
  export interface ProvidedContext {
    webDist: string;
  }
}

/** Builds the web app once for all browser tests, into a temporary folder (web/dist is left alone). */
export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'trustlens-web-'));
  // vitest sets NODE_ENV=test, which would give a development build (React's dev runtime, double
  // effects); the tests must drive the same production build that npm start serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'web/vite.config.ts', mode: 'production', build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  project.provide('webDist', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
