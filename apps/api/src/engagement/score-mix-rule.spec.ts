import { releaseMix, type MixPart } from './score-mix-rule';

const r = (x: number) => Math.round(x * 1e4) / 1e4;

describe('releaseMix', () => {
  it('shows every type when each passes and nothing is merged', () => {
    const parts: MixPart[] = [
      { type: 'post', points: 30, passes: true },
      { type: 'view', points: 70, passes: true },
    ];
    expect(releaseMix(parts, () => 0, 5, r)).toEqual({ shares: { post: 0.3, view: 0.7 }, other: null, hidden: null });
  });

  it('merges a failing type into other when the merged part has k contributors', () => {
    const parts: MixPart[] = [
      { type: 'post', points: 10, passes: false },
      { type: 'comment', points: 20, passes: true },
      { type: 'view', points: 70, passes: true },
    ];
    expect(releaseMix(parts, () => 6, 5, r)).toEqual({ shares: { comment: 0.2, view: 0.7 }, other: 0.1, hidden: 'numerator' });
  });

  it('merges the smallest shown type too when other alone would describe fewer than k people', () => {
    const parts: MixPart[] = [
      { type: 'post', points: 10, passes: false },
      { type: 'comment', points: 20, passes: true },
      { type: 'view', points: 70, passes: true },
    ];
    // post alone: 2 people; post + comment: 7 people
    const mix = releaseMix(parts, (types) => (types.has('comment') ? 7 : 2), 5, r);
    expect(mix).toEqual({ shares: { view: 0.7 }, other: 0.3, hidden: 'numerator' });
  });

  it('hides the whole mix when merging leaves nothing', () => {
    const parts: MixPart[] = [
      { type: 'post', points: 10, passes: false },
      { type: 'view', points: 70, passes: true },
    ];
    expect(releaseMix(parts, () => 1, 5, r)).toEqual({ shares: null, other: null, hidden: 'numerator' });
    expect(releaseMix([{ type: 'view', points: 0, passes: false }], () => 0, 5, r).shares).toBeNull();
  });

  it('never shows a zero share, without calling it hidden', () => {
    const parts: MixPart[] = [
      { type: 'post', points: 0, passes: false },
      { type: 'view', points: 50, passes: true },
    ];
    expect(releaseMix(parts, () => 0, 5, r)).toEqual({ shares: { view: 1 }, other: null, hidden: null });
  });
});
