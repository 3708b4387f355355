import type { GroupDecision } from '@hubpulse/disclosure';
import { didHidden, didTargetGap } from './link-release';

const K = 5;
const group = (size: number, shown = true): GroupDecision => ({ key: 'segment:s', family: 'segment', size, shown, reason: shown ? null : 'below_minimum', against: null });
const panel = (t: number, c: number) => [
  ...Array.from({ length: t }, () => ({ g: 'T' as const, before_sum: 1, after_sum: 1 })),
  ...Array.from({ length: c }, () => ({ g: 'C' as const, before_sum: 1, after_sum: 1 })),
];

describe('difference in differences: what may be shown', () => {
  it('hides everything for a hidden audience, too few contributors, or departments left with 1..k−1 recent hires', () => {
    expect(didHidden(K, group(20, false), panel(20, 30), 50)).toBe('below_minimum');
    expect(didHidden(K, group(20), [...panel(0, 30), ...Array.from({ length: 20 }, () => ({ g: 'T' as const, before_sum: 0, after_sum: 1 }))], 50)).toBe('numerator');
    expect(didHidden(K, group(20), panel(20, 27), 50)).toBe('remainder'); // 3 recent hires in the departments
    expect(didHidden(K, group(20), panel(20, 30), 50)).toBeNull();
  });

  it('hides only the targeted size and monthly means when 1..k−1 targeted people were hired too late to compare', () => {
    expect(didTargetGap(K, group(121), panel(118, 300))).toBe('difference');
    expect(didTargetGap(K, group(121), panel(121, 300))).toBeNull();
    expect(didTargetGap(K, group(121), panel(110, 300))).toBeNull(); // 11 left out: a group of its own size
  });
});
