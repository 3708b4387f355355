import { randomUUID } from 'node:crypto';
import { loadConfig } from '@hubpulse/config';
import { SignInThrottleRepository } from '../../apps/api/src/auth/sign-in-throttle.repository';

/**
 * The account throttle's time rules against the real Redis, with the windows shrunk to seconds:
 * the failure count is forgotten after a quiet window, the doubling lock stops at its cap, and a
 * lock longer than the window outlives the window (the e2e covers the lock itself and the address).
 */
describe('SignInThrottleRepository (Redis)', () => {
  const throttle = new SignInThrottleRepository(
    loadConfig({
      HUBPULSE_QUEUE_PREFIX: `throttle-${randomUUID()}`,
      HUBPULSE_SIGNIN_ACCOUNT_FAILURES: '2',
      HUBPULSE_SIGNIN_ACCOUNT_WINDOW_SECONDS: '1',
      HUBPULSE_SIGNIN_LOCK_SECONDS: '1',
      HUBPULSE_SIGNIN_LOCK_MAX_SECONDS: '2',
      HUBPULSE_SIGNIN_ADDRESS_FAILURES: '1000',
    }),
  );
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const email = () => `${randomUUID()}@corp.example`;

  afterAll(() => throttle.onModuleDestroy());

  it('forgets an account failure after the quiet window, so the next one does not lock', async () => {
    const a = email();
    await throttle.recordFailure(a, '10.0.0.1');
    expect(await throttle.waitMs(a, '10.0.0.1')).toBe(0);
    await sleep(1_300);
    await throttle.recordFailure(a, '10.0.0.1');
    expect(await throttle.waitMs(a, '10.0.0.1')).toBe(0);
    // without the pause the second failure reaches the limit and locks
    const b = email();
    await throttle.recordFailure(b, '10.0.0.2');
    await throttle.recordFailure(b, '10.0.0.2');
    expect(await throttle.waitMs(b, '10.0.0.2')).toBeGreaterThan(500);
  });

  it('doubles the lock with each failure up to the cap, and a lock longer than the window outlives it', async () => {
    const a = email();
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      await throttle.recordFailure(a, '10.0.0.3');
      waits.push(await throttle.waitMs(a, '10.0.0.3'));
    }
    expect(waits[0]).toBe(0); // below the limit
    expect(waits[1]).toBeGreaterThan(500); // 1 s
    expect(waits[1]).toBeLessThanOrEqual(1_000);
    for (const w of waits.slice(2)) {
      expect(w).toBeGreaterThan(1_500); // 2 s, then capped at 2 s (not 4 s, 8 s)
      expect(w).toBeLessThanOrEqual(2_000);
    }
    await sleep(1_300); // past the 1 s window, inside the 2 s lock
    expect(await throttle.waitMs(a, '10.0.0.3')).toBeGreaterThan(0);
    await sleep(900);
    expect(await throttle.waitMs(a, '10.0.0.3')).toBe(0);
  });

  it('a successful sign-in forgets the account at once', async () => {
    const a = email();
    await throttle.recordFailure(a, '10.0.0.4');
    await throttle.recordFailure(a, '10.0.0.4');
    expect(await throttle.waitMs(a, '10.0.0.4')).toBeGreaterThan(0);
    await throttle.reset(a);
    expect(await throttle.waitMs(a, '10.0.0.4')).toBe(0);
  });
});
