import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { estimateTable, prepare } from '../../../analysis/index.ts';
import { breakdownEstimates } from '../../../analysis/breakdown-estimates.ts';
import { benchmarkSpec } from './generate.ts';

export interface RComparison {
  rows: number;
  rSeconds: number;
  /** Best of three: design and indicator preparation plus the breakdown. */
  oursSeconds: number;
  /** Best of three: the breakdown alone on a prepared design (what R's timing covers: svyby only). */
  oursBreakdownSeconds: number;
  maxRelativeDifference: number;
}

/** True when Rscript with the survey package is available. */
export function hasR(): boolean {
  const result = spawnSync('Rscript', ['-e', 'library(survey)'], { encoding: 'utf8' });
  return result.status === 0;
}

const rScript = `
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "adjust")
args <- commandArgs(TRUE)
d <- read.csv(args[1])
d$trust_fav <- ifelse(d$trust_police == 9, NA, as.numeric(d$trust_police %in% 4:5))
des <- svydesign(ids = ~psu, strata = ~region, weights = ~w, data = d, nest = TRUE)
time <- system.time(b <- svyby(~trust_fav, ~region, subset(des, !is.na(trust_fav)), svymean, deff = TRUE))[["elapsed"]]
write.csv(data.frame(region = b$region, estimate = coef(b), se = SE(b), deff = deff(b), seconds = time), args[2], row.names = FALSE)
`;

/**
 * Times R's svyby(~trust_fav, ~region, design, svymean, deff = TRUE) and our same breakdown on
 * the first `rows` responses, and returns the largest relative difference of estimate, SE, deff.
 *
 * @example
 * compareWithR(data, 200_000);
 */
export function compareWithR(data: Record<string, Float64Array>, rows: number): RComparison {
  const dir = mkdtempSync(join(tmpdir(), 'trustlens-bench-'));
  const names = ['region', 'psu', 'w', 'trust_police'];
  const lines = [names.join(',')];
  for (let row = 0; row < rows; row++) lines.push(names.map((name) => String((data[name] as Float64Array)[row])).join(','));
  writeFileSync(join(dir, 'data.csv'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'svyby.R'), rScript);
  const result = spawnSync('Rscript', [join(dir, 'svyby.R'), join(dir, 'data.csv'), join(dir, 'r.csv')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`Rscript failed: ${result.stderr}`);
  const rRows = readFileSync(join(dir, 'r.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',').map(Number));
  const subset: Record<string, Float64Array> = {};
  for (const name of names) subset[name] = (data[name] as Float64Array).subarray(0, rows);
  const spec = { ...benchmarkSpec, indicators: [benchmarkSpec.indicators![0]!], reliability: [] };
  let oursSeconds = Infinity;
  let oursBreakdownSeconds = Infinity;
  let table = estimateTable(subset, spec, { breakdowns: [['region']] });
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    table = estimateTable(subset, spec, { breakdowns: [['region']] });
    oursSeconds = Math.min(oursSeconds, (performance.now() - start) / 1000);
    const prepared = prepare(subset, spec);
    const breakdownStart = performance.now();
    breakdownEstimates(prepared, ['region']);
    oursBreakdownSeconds = Math.min(oursBreakdownSeconds, (performance.now() - breakdownStart) / 1000);
  }
  let maxRelativeDifference = 0;
  for (const [region, estimate, se, deff] of rRows) {
    const ours = table.estimates.find((row) => row.groups.region === String(region));
    if (!ours) throw new Error(`region ${region} missing from our table`);
    for (const [a, b] of [[ours.estimate, estimate], [ours.se, se], [ours.deff, deff]] as [number, number][]) {
      maxRelativeDifference = Math.max(maxRelativeDifference, Math.abs(a - b) / Math.abs(b));
    }
  }
  return { rows, rSeconds: rRows[0]?.[4] ?? NaN, oursSeconds, oursBreakdownSeconds, maxRelativeDifference };
}
