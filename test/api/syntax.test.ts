import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyticsApp, FULL } from './analytics-fixture.ts';

/**
 * The SPSS syntax and R script that come with a microdata export must run: GNU PSPP and R (from
 * Debian's packages, installed by .ci/run) read the exported CSV with them, and we check labels,
 * factors and missing values in what they print.
 */
let context: Awaited<ReturnType<typeof analyticsApp>>;
let folder = '';
beforeAll(async () => {
  context = await analyticsApp(300);
  folder = mkdtempSync(join(tmpdir(), 'trustlens-syntax-'));
  for (const file of ['microdata.csv', 'microdata.sps', 'microdata.R']) {
    const response = await context.get(`/api/surveys/${FULL}/exports/${file}`, 'researcher');
    expect(response.status).toBe(200);
    writeFileSync(join(folder, `${FULL}-${file}`), Buffer.from(await response.arrayBuffer()));
  }
}, 60_000);

describe('SPSS syntax and R script for the microdata', () => {
  it('PSPP reads the CSV and applies variable labels, value labels and missing values', () => {
    const script = join(folder, 'check.sps');
    writeFileSync(script, `INCLUDE FILE='${FULL}-microdata.sps'.\nDISPLAY DICTIONARY /VARIABLES=trust_police pf_respect region channels_used_facebook.\nFREQUENCIES /VARIABLES=pf_respect region.\nDESCRIPTIVES /VARIABLES=trust_police.\n`);
    const output = execFileSync('pspp', ['-O', 'format=txt', '-O', 'width=400', '-o', '-', script], { cwd: folder, encoding: 'utf8' });
    expect(output).not.toMatch(/error/i);
    expect(output).toContain('How much do you personally trust the police?');
    expect(output).toContain('Not at all often');
    expect(output).toContain('Tuzla Canton');
    expect(output).toMatch(/Missing Values[\s\S]*7; 8; 9|7, 8, 9/);
    expect(output).toMatch(/N\s*\|?\s*Valid\s*\|?\s*2\d\d/);
  });

  it('R reads the CSV into factors with labels, missing codes as NA', () => {
    const script = join(folder, 'check.R');
    writeFileSync(script, [
      `source("${FULL}-microdata.R")`,
      'cat("rows", nrow(d), "\\n")',
      'cat("pf_respect", levels(d$pf_respect), sep = "|"); cat("\\n")',
      'cat("region_first", as.character(sort(unique(d$region))[1]), "\\n")',
      'cat("label", attr(d$trust_police, "label"), "\\n")',
      'cat("dk_left", sum(d$pf_respect == "Don\'t know", na.rm = TRUE), "\\n")',
      'cat("facebook", levels(d$channels_used_facebook), "\\n")',
      'cat("trust_mean_ok", is.numeric(d$trust_police) && all(d$trust_police <= 10, na.rm = TRUE), "\\n")',
    ].join('\n'));
    const output = execFileSync('Rscript', [script], { cwd: folder, encoding: 'utf8' });
    expect(output).toContain('rows 300');
    expect(output).toContain('pf_respect|Not at all often|Not very often|Often|Very often');
    expect(output).toMatch(/region_first \w/);
    expect(output).toContain('label How much do you personally trust the police?');
    expect(output).toContain('dk_left 0');
    expect(output).toContain('facebook not ticked ticked');
    expect(output).toContain('trust_mean_ok TRUE');
  });

  it('with names=ess read the CSV exported with names=ess, under the same ESS names', async () => {
    const ess = mkdtempSync(join(tmpdir(), 'trustlens-syntax-ess-'));
    for (const file of ['microdata.csv', 'microdata.sps', 'microdata.R']) {
      const response = await context.get(`/api/surveys/${FULL}/exports/${file}?names=ess`, 'researcher');
      expect(response.status).toBe(200);
      writeFileSync(join(ess, `${FULL}-${file}`), Buffer.from(await response.arrayBuffer()));
    }
    const script = join(ess, 'check.sps');
    writeFileSync(script, `INCLUDE FILE='${FULL}-microdata.sps'.\nDISPLAY DICTIONARY /VARIABLES=trstplc plcrspc region.\nDESCRIPTIVES /VARIABLES=trstplc.\n`);
    const pspp = execFileSync('pspp', ['-O', 'format=txt', '-O', 'width=400', '-o', '-', script], { cwd: ess, encoding: 'utf8' });
    expect(pspp).not.toMatch(/error/i);
    expect(pspp).toContain('How much do you personally trust the police?');
    expect(pspp).toContain('Not at all often');
    expect(pspp).toContain('trstplc');
    expect(pspp).toMatch(/police\?\|\s*2\d\d\|\s*\d\.\d\d\|/); // N and mean: the values were read under the ESS name
    const r = join(ess, 'check.R');
    writeFileSync(r, [`source("${FULL}-microdata.R")`, 'cat("label", attr(d$trstplc, "label"), "\\n")', 'cat("levels", levels(d$plcrspc), sep = "|"); cat("\\n")', 'cat("own", "trust_police" %in% names(d), "\\n")'].join('\n'));
    const output = execFileSync('Rscript', [r], { cwd: ess, encoding: 'utf8' });
    expect(output).toContain('label How much do you personally trust the police?');
    expect(output).toContain('levels|Not at all often|Not very often|Often|Very often');
    expect(output).toContain('own FALSE');
    expect((await context.get(`/api/surveys/${FULL}/exports/microdata.sps?names=x`, 'researcher')).status).toBe(422);
  });

  it('is for microdata readers only', async () => {
    expect((await context.get(`/api/surveys/${FULL}/exports/microdata.sps`, 'evaluator')).status).toBe(403);
    expect((await context.get(`/api/surveys/${FULL}/exports/microdata.R`, 'outsider')).status).toBe(403);
    expect((await context.get(`/api/surveys/${FULL}/exports/microdata.R`)).status).toBe(401);
  });
});
