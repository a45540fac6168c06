import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureDir, readJson } from './fixtures.ts';

const root = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'trustlens-cli-'));

function analyze(args: string[]): { status: number | null; stdout: string; stderr: string } {
  // Generous: the machine is shared, and a spawn with tsx takes seconds there.
  const result = spawnSync('npx', ['tsx', 'analysis/cli.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fixture CSV (the stratified one unless named) with one cell changed, written to a temporary file. */
function alteredCsv(name: string, column: string, dataRow: number, value: string, source = 'stratified.csv'): string {
  const lines = readFileSync(join(fixtureDir, source), 'utf8').trimEnd().split('\n');
  const header = (lines[0] as string).split(',').map((cell) => cell.replace(/"/g, ''));
  const cells = (lines[dataRow] as string).split(',');
  cells[header.indexOf(column)] = value;
  lines[dataRow] = cells.join(',');
  const path = join(work, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const spec = join(fixtureDir, 'stratified.spec.json');

function expectOneLineError(result: ReturnType<typeof analyze>, pattern: RegExp): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n').filter((line) => !line.startsWith('npm warn'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

describe('analyze command line', () => {
  it('prints the JSON table whose estimates equal R (svymean/svyciprop) for the stratified fixture', () => {
    const result = analyze(['--data', join(fixtureDir, 'stratified.csv'), '--spec', spec, '--by', 'region', '--compare', 'wave=2,1']);
    expect(result.status).toBe(0);
    const table = JSON.parse(result.stdout) as { design: unknown; estimates: { indicator: string; groups: object; se: number }[]; comparisons: unknown[]; reliability: unknown[] };
    const fixture = readJson<{ design: unknown; estimates: { indicator: string; groups: object; se: number }[] }>('stratified.expected.json');
    expect(table.design).toEqual(fixture.design);
    const whole = table.estimates.find((row) => row.indicator === 'trust_fav' && Object.keys(row.groups).length === 0);
    const expected = fixture.estimates.find((row) => row.indicator === 'trust_fav' && Object.keys(row.groups).length === 0);
    expect(Math.abs((whole?.se as number) / (expected?.se as number) - 1)).toBeLessThan(1e-8);
    expect(table.comparisons.length).toBeGreaterThan(0);
    expect(table.reliability.length).toBeGreaterThan(0);
  });

  it('prints one CSV row per estimate', () => {
    const result = analyze(['--data', join(fixtureDir, 'srs.csv'), '--spec', join(fixtureDir, 'srs.spec.json'), '--by', 'region,channel', '--format', 'csv']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('indicator,region,channel,estimate,se,ciLow,ciHigh,n,nEffective,deff,flag');
    const fixture = readJson<{ estimates: unknown[] }>('srs.expected.json');
    expect(lines.length - 1).toBe(fixture.estimates.length);
  });

  it('a wrong column name: exit 2, one line naming the column, nothing on stdout', () => {
    const badSpec = join(work, 'bad-column.spec.json');
    const parsed = JSON.parse(readFileSync(spec, 'utf8')) as { indicators: { item?: string }[] };
    (parsed.indicators[0] as { item?: string }).item = 'trust_polise';
    writeFileSync(badSpec, JSON.stringify(parsed));
    expectOneLineError(analyze(['--data', join(fixtureDir, 'stratified.csv'), '--spec', badSpec]), /column "trust_polise" .*not in the data/);
  });

  it('a non-numeric value: exit 2, one line naming column and row', () => {
    const data = alteredCsv('text.csv', 'eff_prevent', 7, 'seven');
    expectOneLineError(analyze(['--data', data, '--spec', spec]), /column "eff_prevent", row 7: .*needs a number, got "seven"/);
  });

  it('a negative or a missing weight: exit 2, one line naming column and row', () => {
    expectOneLineError(analyze(['--data', alteredCsv('negative.csv', 'w', 12, '-3'), '--spec', spec]), /column "w", row 12: weight must be zero or a positive number/);
    expectOneLineError(analyze(['--data', alteredCsv('missing.csv', 'w', 3, ''), '--spec', spec]), /column "w", row 3: weight is missing/);
  });

  it('a PSU in two strata with nest off: exit 2, one line naming column and row', () => {
    const nestSpec = join(work, 'nest-off.spec.json');
    const parsed = JSON.parse(readFileSync(spec, 'utf8')) as { design: Record<string, unknown> };
    parsed.design.nest = false;
    writeFileSync(nestSpec, JSON.stringify(parsed));
    expectOneLineError(analyze(['--data', join(fixtureDir, 'stratified.csv'), '--spec', nestSpec]), /column "psu", row \d+: PSU "1" appears in strata "S1" and "S2"/);
  });
});

// The second edition through the command line: fixtures by make-second-edition.R and make-did.R.
describe('analyze command line, second edition', () => {
  const slow = { timeout: 300_000 };
  const second = join(fixtureDir, 'second.csv');
  const did = readJson<{ design: object; contrasts: object[]; did: { id: string; estimate: number; se: number; pValue: number; df: number }[] }>('second-did-fpc.expected.json');
  const models = readJson<{ design: object; models: { id: string; coefficients: { term: string; estimate: number; se: number; pValue: number }[] }[] }>('second-models-fpc.expected.json');
  /** second.spec.json on the fpc design, with the did contrasts, and `change` applied. */
  function secondSpec(name: string, change: (parsed: Record<string, unknown>) => void = () => {}): string {
    const parsed = JSON.parse(readFileSync(join(fixtureDir, 'second.spec.json'), 'utf8')) as Record<string, unknown>;
    parsed.design = did.design;
    parsed.contrasts = did.contrasts;
    change(parsed);
    const path = join(work, name);
    writeFileSync(path, JSON.stringify(parsed));
    return path;
  }
  const relative = (ours: number, r: number): number => Math.abs(ours / r - 1);

  it('JSON has `models` and the did rows among `comparisons`, equal to R (svyglm, svycontrast)', slow, () => {
    const result = analyze(['--data', second, '--spec', secondSpec('second.spec.json'), '--by', 'region', '--compare', 'year=2025,2024']);
    expect(result.status).toBe(0);
    const table = JSON.parse(result.stdout) as { comparisons: Record<string, unknown>[]; models: typeof models.models };
    const didRows = table.comparisons.filter((row) => row.type === 'did');
    expect(didRows.map((row) => row.id)).toEqual(did.did.map((row) => row.id));
    expect(table.comparisons.length).toBeGreaterThan(didRows.length);
    for (const expected of did.did) {
      const ours = didRows.find((row) => row.id === expected.id) as Record<string, number>;
      for (const field of ['estimate', 'se', 'pValue'] as const) expect(relative(ours[field] as number, expected[field])).toBeLessThan(1e-8);
      expect(ours.df).toBe(expected.df);
    }
    expect(table.models.map((model) => model.id)).toEqual(models.models.map((model) => model.id));
    const ours = table.models[0]?.coefficients.find((row) => row.term === 'pf_score');
    const r = models.models[0]?.coefficients.find((row) => row.term === 'pf_score');
    expect(relative(ours?.se as number, r?.se as number)).toBeLessThan(1e-8);
  });

  it('--format csv --table models prints one row per coefficient, and says on stderr what else there is', slow, () => {
    const result = analyze(['--data', second, '--spec', secondSpec('second-csv.spec.json'), '--format', 'csv', '--table', 'models']);
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('model,family,n,dfResidual,term,estimate,se,t,pValue,ciLow,ciHigh');
    const coefficients = models.models.flatMap((model) => model.coefficients.map((row) => ({ model: model.id, ...row })));
    expect(lines).toHaveLength(1 + coefficients.length);
    lines.slice(1).forEach((line, index) => {
      const [model, family, , , term, estimate] = line.split(',');
      const expected = coefficients[index];
      expect([model, term]).toEqual([expected?.model, expected?.term]);
      expect(family).toMatch(/^(gaussian|binomial)$/);
      expect(relative(Number(estimate), expected?.estimate as number)).toBeLessThan(1e-8);
    });
    expect(result.stderr).toMatch(/--table estimates prints the \d+ estimates, --table did prints the 4 did contrasts/);
  });

  it('--format csv --table did prints one row per did contrast', slow, () => {
    const result = analyze(['--data', second, '--spec', secondSpec('second-did.spec.json'), '--format=csv', '--table=did']);
    expect(result.status).toBe(0);
    const [header, ...rows] = result.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^id,indicator,estimate,se,ciLow,ciHigh,pValue,df,meanTreatedBefore,/);
    expect(rows.map((row) => row.split(',')[0])).toEqual(did.did.map((row) => row.id));
  });

  it('bad second-edition specs: exit 2, one line naming the key, column or row', slow, () => {
    const run = (spec: string, data = second) => analyze(['--data', data, '--spec', spec]);
    expectOneLineError(run(secondSpec('fcp.spec.json', (parsed) => { parsed.design = { ...did.design, fcp: 'fpc' }; })),
      /unknown key "spec\.design\.fcp"/);
    expectOneLineError(run(secondSpec('predictor.spec.json', (parsed) => {
      (parsed.models as { predictors: string[] }[])[0]!.predictors.push('income');
    })), /model "effectiveness_drivers": predictor "income" is neither an indicator of the spec nor a column of the data/);
    const replicates = secondSpec('jk1.spec.json', (parsed) => { parsed.design = { weight: 'w', replicates: { columns: ['jk1_01', 'jk1_02', 'jk1_03'], type: 'JK1' } }; });
    expectOneLineError(run(replicates, alteredCsv('negative-replicate.csv', 'jk1_02', 9, '-0.5', 'second.csv')),
      /column "jk1_02", row 9: replicate weight must not be negative, got -0\.5/);
    expectOneLineError(run(secondSpec('quantile.spec.json', (parsed) => {
      (parsed.indicators as { id: string; quantile?: number }[]).find((entry) => entry.id === 'arrival_median')!.quantile = 1.5;
    })), /indicator "arrival_median": "quantile" must be a number strictly between 0 and 1, got 1\.5/);
    expectOneLineError(run(secondSpec('did-group.spec.json', (parsed) => {
      (parsed.contrasts as { group: { treated: string } }[])[0]!.group.treated = 'si';
    })), /contrasts\[0\]\.group\.treated: dimension "programme" has no group "si"/);
  });
});
