import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { paradataAtSending, recordParadata, type Paradata } from '../../web/src/lib/paradata.ts';
import packageJson from '../../package.json' with { type: 'json' };

const definition = {
  pages: [
    { name: 'first', elements: [{ type: 'text', name: 'a' }] },
    { name: 'second', elements: [{ type: 'text', name: 'b' }] },
    { name: 'third', elements: [{ type: 'text', name: 'c' }] },
  ],
};

describe('paradata recorded while answering', () => {
  it('times each page, summed over visits, and each change of language', () => {
    let now = 1000;
    const model = new Model(definition);
    const recorder = recordParadata(model, () => now);
    now += 5000;
    model.nextPage(); // first: 5 s
    now += 2000;
    model.locale = 'bs';
    now += 1000;
    model.prevPage(); // second: 3 s
    now += 1500;
    model.nextPage(); // first again: +1.5 s
    now += 500;
    model.nextPage(); // second again: +0.5 s
    now += 4000;
    model.locale = 'bs'; // not a change
    model.locale = '';
    const paradata = recorder.finish(); // third: 4 s
    expect(paradata.pages).toEqual([{ name: 'first', seconds: 6.5 }, { name: 'second', seconds: 3.5 }, { name: 'third', seconds: 4 }]);
    expect(paradata.languageSwitches).toEqual([{ from: 'en', to: 'bs', atSeconds: 7 }, { from: 'bs', to: 'en', atSeconds: 14 }]);
    expect(paradata.appVersion).toBe(packageJson.version);
    expect(paradata.offlineSeconds).toBe(0);
  });

  it('at sending, says how long the submission waited on the device since completion', () => {
    const completedAt = '2026-05-01T10:00:00.000Z';
    const sent = paradataAtSending({ completedAt, paradata: { offlineSeconds: 3 } }, Date.parse(completedAt) + 90_500);
    expect(sent.paradata).toEqual({ offlineSeconds: 3, queuedSeconds: 90.5 });
    // A device clock set back since completion never gives negative seconds (the server would refuse them).
    expect(paradataAtSending({ completedAt, paradata: {} as Paradata }, Date.parse(completedAt) - 60_000).paradata?.queuedSeconds).toBe(0);
    expect(paradataAtSending({ completedAt })).toEqual({ completedAt });
  });
});
