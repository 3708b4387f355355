import { EventRateLimiter } from './rate-limiter';

describe('EventRateLimiter', () => {
  it('allows bursts, refills at the rate and says how long to wait', () => {
    const l = new EventRateLimiter(100, 200);
    expect(l.take('k', 150, 0)).toBe(0);
    expect(l.take('k', 100, 0)).toBe(1); // 50 left, 50 short → 0.5 s → 1
    expect(l.take('k', 100, 500)).toBe(0); // +50 after half a second
    expect(l.take('k', 1000, 500)).toBe(10);
    expect(l.take('other', 200, 500)).toBe(0); // keys are separate
  });

  it('is off at rate 0', () => {
    expect(new EventRateLimiter(0, 0).take('k', 1e9)).toBe(0);
  });
});
