import { countRule, meanRule, shareRule } from './rules';

const K = 5;

describe('primary rules', () => {
  it('a count needs k people; zero is below k', () => {
    expect(countRule(0, K)).toBe('below_minimum');
    expect(countRule(4, K)).toBe('below_minimum');
    expect(countRule(5, K)).toBeNull();
  });

  it('a share needs k counted and k not counted', () => {
    expect(shareRule(3, 4, K)).toBe('below_minimum');
    expect(shareRule(4, 20, K)).toBe('numerator');
    expect(shareRule(0, 20, K)).toBe('numerator');
    expect(shareRule(16, 20, K)).toBe('complement');
    expect(shareRule(20, 20, K)).toBe('complement');
    expect(shareRule(15, 20, K)).toBeNull();
    expect(shareRule(5, 10, K)).toBeNull();
  });

  it('a mean needs k people and k contributors', () => {
    expect(meanRule(4, 4, K)).toBe('below_minimum');
    // 12 people, one of whom scored: the mean is that person's score over 12.
    expect(meanRule(12, 1, K)).toBe('numerator');
    expect(meanRule(12, 12, K)).toBeNull();
  });
});
