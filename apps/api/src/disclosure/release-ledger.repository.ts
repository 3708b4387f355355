import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import IORedis from 'ioredis';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import type { WindowedNumber } from '@hubpulse/disclosure';
import { addDays, formatDayKey } from '@hubpulse/contracts';

const LOCK_MS = 5000;
/** Windows that ended longer ago than this are forgotten, so a reader's hash stops growing (read whole on every request). */
export const LEDGER_KEEP_DAYS = 400;

/**
 * What each user has been shown of numbers over chosen windows (periods.ts rule 3), in Redis under
 * the install's prefix: one hash per user, field `stat|group|from|to` → every value released under it
 * (comma-separated; a count of actions as `value@actors`). Never overwritten: a number read again with another value (the period read
 * wider, then narrower, then wider again) is checked against all it was, else 300, then 200, then
 * 302 would pass against 200 alone and give 302 − 300 = 2. Kept as long as Redis keeps data: in
 * production the queues' Redis must persist anyway, except windows that ended more than
 * LEDGER_KEEP_DAYS ago: a number compared with one shown over a year before is then not checked
 * (README, Content privacy limits). Each check-and-record runs under a
 * per-user lock, so two requests of one user in parallel (or in two API processes) are decided one
 * after the other.
 */
@Injectable()
export class ReleaseLedgerRepository implements OnModuleDestroy {
  private readonly redis: IORedis;
  private readonly prefix: string;

  constructor(@Inject(HUBPULSE_CONFIG) config: HubpulseConfig) {
    this.redis = new IORedis(config.redis.url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    this.prefix = `${config.redis.prefix}:disclosure:ledger`;
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }

  /** Runs `decide` on what `userId` was shown of `stats`, then records what it returns as released. */
  async withLedger<T>(userId: string, stats: readonly string[], decide: (seen: WindowedNumber[]) => { result: T; released: WindowedNumber[] }): Promise<T> {
    if (this.redis.status === 'wait') await this.redis.connect();
    const key = `${this.prefix}:${userId}`;
    const lock = `${key}:lock`;
    const token = `${process.pid}-${Math.random()}`;
    for (let i = 0; ; i++) {
      if ((await this.redis.set(lock, token, 'PX', LOCK_MS, 'NX')) === 'OK') break;
      if (i > 200) throw new Error('disclosure ledger: lock not acquired in 4 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    try {
      const fields = await this.redis.hgetall(key);
      const wanted = new Set(stats);
      const seen: WindowedNumber[] = [];
      const oldest = addDays(formatDayKey(Date.now()), -LEDGER_KEEP_DAYS);
      const stale: string[] = [];
      for (const [field, value] of Object.entries(fields)) {
        const [stat, group, from, to] = field.split('|');
        if (to < oldest) stale.push(field);
        if (!wanted.has(stat) || to < oldest) continue;
        for (const v of value.split(',')) {
          const [n, actors] = v.split('@');
          seen.push({ stat, group, from, to, value: Number(n), ...(actors === undefined ? {} : { actors: Number(actors) }) });
        }
      }
      const { result, released } = decide(seen);
      // only what is new: a page read again records the same numbers again
      const added = new Map<string, string>();
      for (const n of released) {
        const field = `${n.stat}|${n.group}|${n.from}|${n.to}`;
        const values = (added.get(field) ?? fields[field])?.split(',') ?? [];
        const value = typeof n.actors === 'number' ? `${n.value}@${n.actors}` : String(n.value);
        if (!values.includes(value)) added.set(field, [...values, value].join(','));
      }
      if (added.size) await this.redis.hset(key, Object.fromEntries(added));
      if (stale.length) await this.redis.hdel(key, ...stale);
      return result;
    } finally {
      if ((await this.redis.get(lock)) === token) await this.redis.del(lock);
    }
  }
}
