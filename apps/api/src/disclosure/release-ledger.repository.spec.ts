import IORedis from 'ioredis';
import { checkWindows, type WindowedNumber } from '@hubpulse/disclosure';
import type { HubpulseConfig } from '@hubpulse/config';
import { formatDayKey } from '@hubpulse/contracts';
import { LEDGER_KEEP_DAYS, ReleaseLedgerRepository } from './release-ledger.repository';

// A real Redis (127.0.0.1:6379), under a prefix of this run's own.
const prefix = `ledger-spec-${process.pid}-${Date.now()}`;
// the windows end today, so they are never old enough to be forgotten
const today = formatDayKey(Date.now());
const config = { redis: { url: 'redis://127.0.0.1:6379', isDefault: true, prefix } } as HubpulseConfig;

describe('ReleaseLedgerRepository', () => {
  const ledger = new ReleaseLedgerRepository(config);
  afterAll(async () => {
    const redis = new IORedis(config.redis.url);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await ledger.onModuleDestroy();
  });

  const read = (value: number, actors?: number) => {
    const stat = actors === undefined ? 'content_author_readers:a1' : 'content_comments:c1';
    const n: WindowedNumber = { stat, group: 'population', from: '2026-01-01', to: today, value, ...(actors === undefined ? {} : { actors }) };
    return ledger.withLedger('u1', [n.stat], (seen) => {
      const [verdict] = checkWindows(seen, [n], 5);
      return { result: verdict, released: verdict === null ? [n] : [] };
    });
  };

  it('keeps every value released under one window: 300, then 200, then 302 is checked against 300 too', async () => {
    expect(await read(300)).toBeNull();
    expect(await read(200)).toBeNull();
    expect(await read(302)).toBe('earlier_release');
    expect(await read(300)).toBeNull();
  });

  it('keeps the people behind a count of actions with it: 6 comments more by the same 12 are refused, by 5 more people shown', async () => {
    expect(await read(40, 12)).toBeNull();
    expect(await read(46, 12)).toBe('earlier_release');
    expect(await read(60, 17)).toBeNull();
  });

  it(`forgets windows that ended more than ${LEDGER_KEEP_DAYS} days ago`, async () => {
    const redis = new IORedis(config.redis.url);
    const key = `${prefix}:disclosure:ledger:u1`;
    await redis.hset(key, 'content_readers:c9|population|2020-01-01|2020-02-01', '30');
    expect(await read(300)).toBeNull();
    expect(await redis.hexists(key, 'content_readers:c9|population|2020-01-01|2020-02-01')).toBe(0);
    expect(await redis.hexists(key, `content_author_readers:a1|population|2026-01-01|${today}`)).toBe(1);
    redis.disconnect();
  });
});
