import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hubEvent, spawnApi, uniqueName, waitFor, type SpawnedApi } from '@hubpulse/testing';
import { signIn } from '../../tools/import-file';

jest.setTimeout(180_000);

const KEY = 'hp_wk_read_cache_0123456789abcdef';
const TOKEN = 'read-cache-metrics-token-0123456789';
const ADMIN = { email: 'admin@read-cache.local', password: 'correct horse battery staple' };
const DAY = '2026-11-20';
/** Seconds the cache may answer behind the data (the product's default is 15; longer here so a loaded machine cannot turn a stale answer into a miss). */
const MAX_STALE = 60;

/**
 * The read cache in the production build, with staleness on as in production (tests elsewhere run
 * with HUBPULSE_READ_MAX_STALE_SECONDS=0): a repeated read is answered from the cache; after new
 * events are acknowledged, the next read is the old answer (at once) while the new one is computed,
 * and the new numbers follow within the staleness bound; outcomes are counted in /metrics.
 */
describe('read cache (production build)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-read-cache-'));
  let api: SpawnedApi;
  let cookie: string;

  beforeAll(async () => {
    api = await spawnApi({
      HUBPULSE_DATA_DIR: dataDir,
      HUBPULSE_QUEUE_PREFIX: `hptest:${uniqueName('readcache')}`,
      HUBPULSE_BOOTSTRAP_WRITE_KEY: KEY,
      HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
      HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      HUBPULSE_METRICS_TOKEN: TOKEN,
      HUBPULSE_READ_MAX_STALE_SECONDS: String(MAX_STALE),
    });
    cookie = await signIn(api.url, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await api?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const ingest = async (actors: string[]) => {
    const res = await fetch(`${api.url}/v1/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ events: actors.map((a) => hubEvent({ actor_id: a, occurred_at: `${DAY}T10:00:00Z` })) }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accepted: actors.length });
  };
  const overviewEvents = async (): Promise<number | null> => {
    const res = await fetch(`${api.url}/api/overview?from=${DAY}&to=${DAY}`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { totals: { events: number | null } }).totals.events;
  };
  const outcomes = async () => {
    const text = await (await fetch(`${api.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).text();
    const count = (outcome: string) => Number(new RegExp(`^hubpulse_read_cache_total\\{read="overview",outcome="${outcome}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    return { hit: count('hit'), stale: count('stale'), miss: count('miss') };
  };

  it('answers a repeated read from the cache, then follows new events within the staleness bound', async () => {
    await ingest(Array.from({ length: 12 }, (_, i) => `p-rc-${i}`));
    expect(await overviewEvents()).toBe(12);
    expect(await outcomes()).toEqual({ hit: 0, stale: 0, miss: 1 });
    expect(await overviewEvents()).toBe(12);
    expect(await outcomes()).toEqual({ hit: 1, stale: 0, miss: 1 });

    await ingest(Array.from({ length: 6 }, (_, i) => `p-rc-new-${i}`));
    const acknowledged = Date.now();
    // The data changed: the next answer is the previous one, served while the new one is computed.
    expect(await overviewEvents()).toBe(12);
    expect((await outcomes()).stale).toBe(1);
    await waitFor(async () => (await overviewEvents()) === 18, 'the 6 new events in the overview', MAX_STALE * 1000);
    expect(Date.now() - acknowledged).toBeLessThan(MAX_STALE * 1000);
    const after = await outcomes();
    expect(after.miss).toBe(1); // every answer since the first came from the cache (hit or stale)
    expect(after.hit).toBeGreaterThanOrEqual(2);
  });
});
