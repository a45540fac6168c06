import { describe, expect, it } from 'vitest';
import { compareDontKnow, fieldworkQuality, identicalPatterns, median, shortInterviews, straightLiners, type QualityInterview, type QualitySpec } from '../../analysis/quality/index.ts';

const SPEC: QualitySpec = {
  constructs: [{ id: 'fairness', items: ['f1', 'f2', 'f3'] }, { id: 'integrity', items: ['i1', 'i2', 'i3'] }, { id: 'pair', items: ['p1', 'p2'] }],
  dontKnow: { f1: [8], f2: [8], f3: [8], i1: [8], i2: [8], i3: [8] },
  patternItems: ['f1', 'f2', 'f3', 'i1', 'i2', 'i3'],
};

let next = 0;
function interview(enumerator: string | null, answers: Record<string, unknown>, durationSeconds: number | null = 600, day = '2026-05-01'): QualityInterview {
  next++;
  return { id: `r${next}`, enumerator, day, durationSeconds, answers };
}
/** Varied, honest-looking answers: no straight lines, no "don't know", different from one to the next. */
const varied = (seed: number) => ({ f1: 1 + (seed % 4), f2: 1 + ((seed + 1) % 4), f3: 1 + ((seed * 3 + 2) % 4), i1: 1 + ((seed * 7) % 4), i2: 1 + ((seed + 3) % 4), i3: 1 + ((seed * 5 + 1) % 3) });

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones, as R median()', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('interviews much shorter than the median', () => {
  it('flags those under half the median of their mode, once five durations are known', () => {
    const list = [600, 620, 580, 640, 610, 200].map((seconds) => interview('1', {}, seconds));
    const result = shortInterviews(list, 0.5, 5);
    expect(result.medianSeconds).toBe(605);
    expect(result.thresholdSeconds).toBe(302.5);
    expect(result.ids).toEqual([list[5]!.id]);
    // Four durations are too few to say what is usual.
    expect(shortInterviews(list.slice(2), 0.5, 5).ids).toEqual([]);
  });
});

describe('straight-lining', () => {
  it('flags one answer down every complete battery of three or more items, not one consistent battery', () => {
    const liner = interview('1', { f1: 4, f2: 4, f3: 4, i1: 2, i2: 2, i3: 2 });
    const consistent = interview('1', { f1: 4, f2: 4, f3: 4, i1: 1, i2: 3, i3: 2 });
    const withDontKnow = interview('1', { f1: 8, f2: 8, f3: 8, i1: 8, i2: 8, i3: 8 });
    const oneBattery = interview('1', { f1: 3, f2: 3, f3: 3, p1: 1, p2: 1 });
    expect(straightLiners([liner, consistent, withDontKnow, oneBattery], SPEC, 3)).toEqual([liner.id]);
  });
});

describe('"don\'t know" far from the other enumerators', () => {
  it('flags a share 10 points or more and 3 standard errors away', () => {
    expect(compareDontKnow([0.5, 0.6, 0.4, 0.5, 0.5], [0, 0.1, 0, 0, 0.1, 0], 0.1, 3).flagged).toBe(true);
    // Far in points, but too noisy to tell apart.
    expect(compareDontKnow([0, 1, 0, 1, 0], [0, 0.5, 0, 0.5, 0], 0.1, 3).flagged).toBe(false);
    // Certain but small.
    expect(compareDontKnow([0.05, 0.05, 0.05, 0.05, 0.05], [0, 0, 0, 0, 0], 0.1, 3).flagged).toBe(false);
    // Too few interviews to compare.
    expect(compareDontKnow([1, 1, 1], [0, 0, 0, 0, 0], 0.1, 3)).toMatchObject({ flagged: false, z: null });
  });
});

describe('identical answer patterns', () => {
  it('groups interviews of one enumerator with the same answers, never across enumerators or the web', () => {
    const answers = varied(3);
    const first = interview('1', answers);
    const copy = interview('1', { ...answers });
    const otherEnumerator = interview('2', { ...answers });
    const web = interview(null, { ...answers });
    const sparse = [interview('1', { f1: 1 }), interview('1', { f1: 1 })];
    expect(identicalPatterns([first, copy, otherEnumerator, web, ...sparse, interview('1', varied(4))], SPEC.patternItems, 5)).toEqual([[first.id, copy.id]]);
  });
});

describe('fieldworkQuality', () => {
  it('finds each pattern made into the data, in the right enumerator, with the responses behind it', () => {
    const honest = (enumerator: string, count: number, from: number) => Array.from({ length: count }, (_, index) => interview(enumerator, varied(from + index), 600 + index * 10, index % 2 ? '2026-05-01' : '2026-05-02'));
    const one = honest('1', 8, 0);
    const two = honest('2', 8, 20);
    // Enumerator 3: a speeder, a straight-liner, two copies, and "don't know" on almost everything.
    const three = [
      interview('3', { ...varied(40), f1: 8, f2: 8 }, 150),
      interview('3', { f1: 3, f2: 3, f3: 3, i1: 1, i2: 1, i3: 1 }, 620),
      interview('3', { ...varied(41), f1: 8, i1: 8 }, 610),
      interview('3', { ...varied(41), f1: 8, i1: 8 }, 630),
      interview('3', { ...varied(42), f1: 8, f2: 8, f3: 8 }, 640),
      interview('3', { ...varied(43), i1: 8, i2: 8 }, 650),
    ];
    const web = [interview(null, varied(60), 300), interview(null, varied(61), 320)];
    const report = fieldworkQuality([...one, ...two, ...three, ...web], SPEC);
    const group = (key: string | null) => report.groups.find((entry) => entry.enumerator === key)!;
    expect(report.groups.map((entry) => entry.enumerator)).toEqual(['1', '2', '3', null]);
    expect(report.overall.interviews).toBe(24);
    expect(group('1').perDay).toEqual([{ day: '2026-05-01', interviews: 4 }, { day: '2026-05-02', interviews: 4 }]);
    expect(group('1').medianDurationSeconds).toBe(635);
    for (const key of ['1', '2']) {
      expect(group(key)).toMatchObject({ short: [], straightLining: [], identical: [], dontKnow: { flagged: false } });
    }
    expect(group('3').short).toEqual([three[0]!.id]);
    expect(group('3').straightLining).toEqual([three[1]!.id]);
    expect(group('3').identical).toEqual([[three[2]!.id, three[3]!.id]]);
    expect(group('3').dontKnow.flagged).toBe(true);
    expect(group('3').dontKnow.othersShare).toBe(0);
    expect(group('3').dontKnow.ids).toEqual([three[0]!.id, three[2]!.id, three[3]!.id, three[4]!.id, three[5]!.id]);
    // The web is timed against the web: two durations are too few to judge.
    expect(report.shortThresholdSeconds.web).toBeNull();
    expect(report.shortThresholdSeconds.enumerator).toBeCloseTo(0.5 * median([...one, ...two, ...three].map((entry) => entry.durationSeconds!))!, 10);
    expect(report.overall.short).toEqual([three[0]!.id]);
  });
});
