import { goalProgress } from './goals.repository';

describe('goalProgress', () => {
  it('is the share of the way from baseline to target', () => {
    expect(goalProgress(100, 200, 150)).toBe(0.5);
    expect(goalProgress(20, 10, 15)).toBe(0.5); // decrease_to
    expect(goalProgress(100, 200, 90)).toBeCloseTo(-0.1);
    expect(goalProgress(100, 200, null)).toBeNull();
    expect(goalProgress(5, 5, 6)).toBe(1);
  });
});
