import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';

/** Deletes the lock only while this holder still owns it. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
/** Extends the lock only while this holder still owns it. */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

export interface RedisLockOptions {
  /** How long the lock lives without renewal: a holder that dies frees it after this. */
  ttlMs?: number;
  /** Give up waiting after this long. */
  waitMs?: number;
  /** Told once when another process holds the lock. */
  onWait?: () => void;
}

/**
 * Runs `work` while holding a Redis lock shared by every process of the install: ClickHouse
 * migrations on a server, where API and worker processes start together and a migration such as
 * 014's table exchange must run once. The lock is renewed while `work` runs and released after.
 */
export async function withRedisLock<T>(redisUrl: string, key: string, work: () => Promise<T>, opts: RedisLockOptions = {}): Promise<T> {
  const ttlMs = opts.ttlMs ?? 30_000;
  const redis = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();
  const token = randomUUID();
  const giveUpAt = Date.now() + (opts.waitMs ?? 15 * 60_000);
  let told = false;
  try {
    while ((await redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') {
      if (!told) opts.onWait?.();
      told = true;
      if (Date.now() > giveUpAt) throw new Error(`Timed out waiting for the lock ${key} (another process is migrating, or died holding it for its last ${ttlMs} ms)`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const renew = setInterval(() => void redis.eval(RENEW, 1, key, token, ttlMs).catch(() => undefined), ttlMs / 3);
    try {
      return await work();
    } finally {
      clearInterval(renew);
      await redis.eval(RELEASE, 1, key, token);
    }
  } finally {
    redis.disconnect();
  }
}
