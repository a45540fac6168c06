import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelSpec } from '../../../analysis/types.ts';

/** R's time and coefficients for one model: `system.time(svyglm(...))` around the fit alone. */
export interface RModelRun {
  seconds: number;
  terms: string[];
  estimates: number[];
  ses: number[];
}

const rScript = `
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")
args <- commandArgs(TRUE)
d <- read.csv(args[1])
spec <- jsonlite::fromJSON(args[2])
for (name in spec$categorical) d[[name]] <- factor(d[[name]])
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~w, data = d, nest = TRUE)
f <- as.formula(paste(spec$outcome, "~", paste(spec$predictors, collapse = " + ")))
family <- if (spec$family == "binomial") quasibinomial() else gaussian()
seconds <- system.time(m <- svyglm(f, des, family = family))[["elapsed"]]
s <- summary(m)$coefficients
write.csv(data.frame(term = rownames(s), estimate = s[, 1], se = s[, 2], seconds = seconds), args[3], row.names = FALSE)
`;

/**
 * Runs R's svyglm for `model` on the columns given (already the per-respondent values: no
 * recoding in R), on the stratified cluster design stratum/psu/w, with R's default glm control,
 * and returns its time (the svyglm call only, not reading the CSV) and coefficients.
 *
 * @example
 * svyglmInR(columns, model);
 */
export function svyglmInR(columns: Record<string, Float64Array>, model: ModelSpec): RModelRun {
  const dir = mkdtempSync(join(tmpdir(), 'trustlens-bench-models-'));
  const names = Object.keys(columns);
  const rows = (columns[names[0] as string] as Float64Array).length;
  const lines = [names.join(',')];
  for (let row = 0; row < rows; row++) {
    lines.push(names.map((name) => {
      const value = (columns[name] as Float64Array)[row] as number;
      return Number.isNaN(value) ? 'NA' : String(value);
    }).join(','));
  }
  writeFileSync(join(dir, 'data.csv'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'model.json'), JSON.stringify({ ...model, categorical: model.categorical ?? [] }));
  writeFileSync(join(dir, 'svyglm.R'), rScript);
  const result = spawnSync('Rscript', [join(dir, 'svyglm.R'), join(dir, 'data.csv'), join(dir, 'model.json'), join(dir, 'r.csv')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`Rscript failed: ${result.stderr}`);
  const parsed = readFileSync(join(dir, 'r.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  rmSync(dir, { recursive: true, force: true });
  return {
    seconds: Number(parsed[0]?.[3]),
    terms: parsed.map((row) => JSON.parse(row[0] as string) as string),
    estimates: parsed.map((row) => Number(row[1])),
    ses: parsed.map((row) => Number(row[2])),
  };
}
