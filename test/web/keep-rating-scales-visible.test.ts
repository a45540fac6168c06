import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { keepRatingScalesVisible } from '../../web/src/lib/keep-rating-scales-visible.ts';

describe('rating scales on a phone', () => {
  it('shows ratings as buttons, so the end labels stay visible, unless a question asks for a dropdown', () => {
    const model = new Model({ pages: [{ elements: [
      { type: 'rating', name: 'trust_police', rateMin: 0, rateMax: 10, minRateDescription: 'No trust at all', maxRateDescription: 'Complete trust' },
      { type: 'rating', name: 'pf_respect', displayMode: 'dropdown' },
      { type: 'text', name: 'comment' },
    ] }] });
    keepRatingScalesVisible(model);
    expect(model.getQuestionByName('trust_police').getPropertyValue('displayMode')).toBe('buttons');
    expect(model.getQuestionByName('pf_respect').getPropertyValue('displayMode')).toBe('dropdown');
    expect(model.getQuestionByName('comment').getPropertyValue('displayMode')).toBeUndefined();
  });
});
