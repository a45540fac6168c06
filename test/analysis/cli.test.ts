import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureDir, readJson } from './fixtures.ts';

const root = new URL('../../', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'trustlens-cli-'));

function analyze(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npx', ['tsx', 'analysis/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The stratified fixture with one cell changed, written to a temporary file. */
function alteredCsv(name: string, column: string, dataRow: number, value: string): string {
  const lines = readFileSync(join(fixtureDir, 'stratified.csv'), 'utf8').trimEnd().split('\n');
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
