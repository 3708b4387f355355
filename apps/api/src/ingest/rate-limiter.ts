/**
 * Per-write-key token bucket over events (not requests): `rate` events a second with bursts up to
 * `burst`. In memory, per API process — with N processes behind a balancer a key gets N × rate.
 */
export class EventRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {}

  /** Takes `n` tokens; returns 0 when allowed, else the seconds to wait before retrying. */
  take(key: string, n: number, now = Date.now()): number {
    if (this.rate <= 0) return 0;
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.rate);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= n) {
      b.tokens -= n;
      return 0;
    }
    return Math.max(1, Math.ceil((n - b.tokens) / this.rate));
  }
}
