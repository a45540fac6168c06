import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSurveyFile } from '../../surveys/check.ts';
import { checkSurveyFolder, loadSurveyFiles, SurveyFileError } from '../../surveys/load.ts';
import type { SurveyFile } from '../../surveys/types.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/surveys/', import.meta.url));
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as SurveyFile;
const instrument = read(`${root}surveys/bih-police-trust.json`);
const broken = (change: (file: SurveyFile) => void) => {
  const copy = structuredClone(instrument);
  change(copy);
  return checkSurveyFile(copy);
};

describe('checking questionnaire files', () => {
  it('passes every published questionnaire and the good fixture', () => {
    expect(loadSurveyFiles(`${root}surveys`).map((file) => file.slug).sort()).toEqual(['bih-police-trust', 'bih-police-trust-short']);
    expect(checkSurveyFile(read(`${fixtures}good/fixture-good.json`))).toEqual([]);
  });

  it('reports every fault of the broken fixture once, with its JSON path', () => {
    expect(checkSurveyFile(read(`${fixtures}broken/fixture-broken.json`))).toEqual([
      { path: 'definition.pages[1].elements[3].name', message: 'question name "pf_respect" is also used at definition.pages[1].elements[1]' },
      { path: 'definition.pages[2].visibleIf', message: '"{trust_polise}" is not a question of this questionnaire' },
      { path: 'definition.pages[1].elements[0].title', message: 'text missing in bs' },
      { path: 'meta.indicators[0]', message: 'no question named "trust_polic"' },
      { path: 'meta.indicators[2].rescale.from', message: "[0, 10] is not the items' range of valid values [1, 4]" },
      { path: 'meta.indicators[3].favourable', message: '5 not among the values of "pf_fair"' },
    ]);
  });

  it('refuses a Serbian Cyrillic text that is missing from one choice', () => {
    const problems = broken((file) => {
      const pages = file.definition.pages as { elements: { choices?: { text: Record<string, string> }[] }[] }[];
      delete pages[2]!.elements[3]!.choices![0]!.text['sr-Cyrl'];
    });
    expect(problems).toEqual([{ path: 'definition.pages[2].elements[3].choices[0].text', message: 'text missing in sr-Cyrl' }]);
  });

  it('accepts the reserved response columns in meta and refuses unknown ones', () => {
    expect(instrument.meta.design).toEqual({ weight: 'weight', strata: 'stratum', cluster: 'psu', lonelyPsu: 'adjust' });
    expect(broken((file) => { file.meta.design!.cluster = 'sampling_point'; })).toEqual([
      { path: 'meta.design.cluster', message: '"sampling_point" is neither a question nor a response column (weight, stratum, psu, wave, mode, language)' },
    ]);
  });

  it('refuses raking margins for regions that do not exist, or that leave a region out', () => {
    const problems = broken((file) => {
      const region = file.meta.weighting!.rake!.region!;
      region.sarajevo_canton = region.sarajevo!;
      delete region.sarajevo;
    });
    expect(problems).toEqual([
      { path: 'meta.weighting.rake.region.sarajevo_canton', message: '"sarajevo_canton" is not a value of "region"' },
      { path: 'meta.weighting.rake.region', message: 'no population for sarajevo' },
    ]);
  });

  it('refuses a scale indicator whose reversed item is not one of its items, and a mean over text answers', () => {
    const problems = broken((file) => {
      const indicators = file.meta.indicators!;
      indicators.find((indicator) => indicator.id === 'integrity_score')!.reverse = ['int_bribes', 'pf_fair'];
      indicators.push({ id: 'age_mean', type: 'mean', item: 'age_group' });
    });
    expect(problems).toEqual([
      { path: 'meta.indicators[10].reverse', message: "pf_fair not among the scale's items" },
      { path: 'meta.indicators[25]', message: '"age_group" has non-numeric values (18_29, 30_44, 45_59, 60_plus) that are not declared missing' },
    ]);
  });

  it('refuses a favourable value that is also declared missing, and an expression that does not parse', () => {
    const problems = broken((file) => {
      file.meta.indicators!.find((indicator) => indicator.id === 'confidence_fav')!.favourable = [1, 2, 8];
      (file.definition.pages as { visibleIf?: string }[])[3]!.visibleIf = '{consent} = = 1';
    });
    expect(problems).toEqual([
      { path: 'definition.pages[3].visibleIf', message: 'cannot parse the expression "{consent} = = 1"' },
      { path: 'meta.indicators[5].favourable', message: '8 also declared missing' },
    ]);
  });
});

describe('refusing to serve a broken questionnaire', () => {
  it('the loader the server uses throws, naming the file and each problem', () => {
    expect(() => loadSurveyFiles(`${fixtures}broken`)).toThrow(SurveyFileError);
    expect(() => loadSurveyFiles(`${fixtures}broken`)).toThrow(/fixture-broken\.json is not a valid questionnaire:\n {2}- definition\.pages\[1\]\.elements\[3\]\.name: question name "pf_respect"/);
  });

  it('npm run surveys:check prints one line per problem and exits non-zero', () => {
    let output = '';
    let status = 0;
    try {
      execFileSync('npx', ['tsx', 'surveys/check-cli.ts', `${fixtures}broken`, `${fixtures}good`], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const failure = error as { status: number; stderr: string };
      status = failure.status;
      output = failure.stderr;
    }
    expect(status).toBe(1);
    const lines = output.split('\n').filter((line) => line.includes('fixture-'));
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('test/fixtures/surveys/broken/fixture-broken.json: definition.pages[1].elements[3].name: question name "pf_respect" is also used at definition.pages[1].elements[1]');
    const ok = execFileSync('npx', ['tsx', 'surveys/check-cli.ts'], { cwd: root, encoding: 'utf8' });
    expect(ok).toMatch(/item bank \(\d+ items\) and 2 questionnaire\(s\) OK/);
  }, 30_000);

  it('the check and the loader both refuse a folder where two files use the same slug', () => {
    // The same questionnaire copied under a second name: each file is valid on its own.
    const folder = mkdtempSync(join(tmpdir(), 'trustlens-slugs-'));
    try {
      copyFileSync(`${fixtures}good/fixture-good.json`, join(folder, 'a-survey.json'));
      copyFileSync(`${fixtures}good/fixture-good.json`, join(folder, 'b-copy.json'));
      const clash = { path: 'slug', message: 'slug "fixture-good" is also used by a-survey.json' };
      expect(checkSurveyFolder(folder).map((file) => file.problems)).toEqual([[], [clash]]);
      expect(() => loadSurveyFiles(folder)).toThrow(/b-copy\.json is not a valid questionnaire:\n {2}- slug: slug "fixture-good" is also used by a-survey\.json/);
      let output = '';
      let status = 0;
      try {
        execFileSync('npx', ['tsx', 'surveys/check-cli.ts', folder], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        const failure = error as { status: number; stderr: string };
        status = failure.status;
        output = failure.stderr;
      }
      expect(status).toBe(1);
      expect(output.split('\n').filter((line) => line.includes('.json: '))).toEqual([
        expect.stringMatching(/b-copy\.json: slug: slug "fixture-good" is also used by a-survey\.json$/),
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 30_000);
});
