import { type CacheOutcome, VersionedCache } from './read-cache';

const flush = () => new Promise((r) => setImmediate(r));

/** A computation the test settles by hand, counting how often it was started. */
function controllable() {
  const started: { resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const compute = () =>
    new Promise<string>((resolve, reject) => {
      started.push({ resolve, reject });
    });
  /** Settles the i-th computation once it has started (the cache reads the version first). */
  const settle = async (i: number, v: string | Error) => {
    while (started.length <= i) await flush();
    if (v instanceof Error) started[i].reject(v);
    else started[i].resolve(v);
  };
  return { started, compute, settle };
}

type Read<T> = { name: string; params: unknown; compute: () => Promise<T> };

describe('VersionedCache', () => {
  let now = 0;
  let outcomes: CacheOutcome[];
  let version = 'v1';
  const cache = (maxStaleMs = 0, maxEntries = 10) => new VersionedCache({ maxEntries, maxStaleMs, version: async () => version, now: () => now, onOutcome: (_, o) => outcomes.push(o) });
  /** c.get of `read` while the data's version is `v`. */
  const at = <T,>(v: string, c: VersionedCache, read: Read<T>) => {
    version = v;
    return c.get({ ...read, tables: ['events'] });
  };
  beforeEach(() => {
    now = 1_000;
    outcomes = [];
    version = 'v1';
  });

  it('answers the same version from the entry, a new version by computing again', async () => {
    const c = cache();
    const { started, compute, settle } = controllable();
    const first = at('v1', c, { name: 'r', params: { a: 1 }, compute });
    await settle(0, 'one');
    expect(await first).toBe('one');
    expect(await at('v1', c, { name: 'r', params: { a: 1 }, compute })).toBe('one');
    expect(started).toHaveLength(1);
    const second = at('v2', c, { name: 'r', params: { a: 1 }, compute });
    await settle(1, 'two');
    expect(await second).toBe('two');
    expect(outcomes).toEqual(['miss', 'hit', 'miss']);
  });

  it('keys entries by name and parameters', async () => {
    const c = cache();
    let n = 0;
    const compute = async () => ++n;
    expect(await at('v', c, { name: 'r', params: { a: 1 }, compute })).toBe(1);
    expect(await at('v', c, { name: 'r', params: { a: 2 }, compute })).toBe(2);
    expect(await at('v', c, { name: 's', params: { a: 1 }, compute })).toBe(3);
    expect(await at('v', c, { name: 'r', params: { a: 1 }, compute })).toBe(1);
  });

  it('shares one computation between concurrent readers of a version', async () => {
    const c = cache();
    const { started, compute, settle } = controllable();
    const a = at('v1', c, { name: 'r', params: {}, compute });
    const b = at('v1', c, { name: 'r', params: {}, compute });
    await settle(0, 'x');
    expect([await a, await b]).toEqual(['x', 'x']);
    expect(started).toHaveLength(1);
  });

  it('never keeps a failed computation', async () => {
    const c = cache();
    const { started, compute, settle } = controllable();
    const a = at('v1', c, { name: 'r', params: {}, compute });
    await settle(0, new Error('ClickHouse down'));
    await expect(a).rejects.toThrow('ClickHouse down');
    const b = at('v1', c, { name: 'r', params: {}, compute });
    await settle(1, 'back');
    expect(await b).toBe('back');
  });

  it('with no staleness allowed, a changed version is always computed before answering', async () => {
    const c = cache(0);
    let n = 0;
    const compute = async () => ++n;
    await at('v1', c, { name: 'r', params: {}, compute });
    expect(await at('v2', c, { name: 'r', params: {}, compute })).toBe(2);
  });

  it('within maxStaleMs of the last confirmation, serves the old answer while one background refresh replaces it', async () => {
    const c = cache(15_000);
    const { started, compute, settle } = controllable();
    const first = at('v1', c, { name: 'r', params: {}, compute });
    await settle(0, 'old');
    await first;
    now += 10_000;
    expect(await at('v1', c, { name: 'r', params: {}, compute })).toBe('old'); // confirmed at 11 000
    now += 14_000; // 14 s after the last confirmation: the change it misses is younger than that
    expect(await at('v2', c, { name: 'r', params: {}, compute })).toBe('old');
    expect(await at('v2', c, { name: 'r', params: {}, compute })).toBe('old');
    expect(started).toHaveLength(2); // one refresh, not one per reader
    await settle(1, 'new');
    await flush();
    expect(await at('v2', c, { name: 'r', params: {}, compute })).toBe('new');
    expect(outcomes).toEqual(['miss', 'hit', 'stale', 'stale', 'hit']);
  });

  it('past maxStaleMs since the last confirmation, computes before answering', async () => {
    const c = cache(15_000);
    let n = 0;
    const compute = async () => ++n;
    await at('v1', c, { name: 'r', params: {}, compute });
    now += 15_001;
    expect(await at('v2', c, { name: 'r', params: {}, compute })).toBe(2);
    expect(outcomes).toEqual(['miss', 'miss']);
  });

  it('past maxStaleMs, a reader of the version a background refresh is computing waits for that refresh instead of computing again', async () => {
    const c = cache(15_000);
    const { started, compute, settle } = controllable();
    const first = at('v1', c, { name: 'r', params: {}, compute });
    await settle(0, 'old');
    await first;
    expect(await at('v2', c, { name: 'r', params: {}, compute })).toBe('old'); // starts the refresh of v2
    now += 15_001;
    const waiting = at('v2', c, { name: 'r', params: {}, compute });
    await flush();
    expect(started).toHaveLength(2); // joined, not a second computation
    await settle(1, 'new');
    expect(await waiting).toBe('new');
    expect(await at('v2', c, { name: 'r', params: {}, compute })).toBe('new');
    // A newer version than the refresh's is computed afresh.
    now += 15_001;
    const newer = at('v3', c, { name: 'r', params: {}, compute });
    await settle(2, 'newer');
    expect(await newer).toBe('newer');
    expect(outcomes).toEqual(['miss', 'stale', 'miss', 'hit', 'miss']);
  });

  it('keeps the stale answer when its refresh fails, and tries again on the next read', async () => {
    const c = cache(15_000);
    const { started, compute, settle } = controllable();
    const first = at('v1', c, { name: 'r', params: {}, compute });
    await settle(0, 'old');
    await first;
    expect(await at('v2', c, { name: 'r', params: {}, compute })).toBe('old');
    await settle(1, new Error('timeout'));
    await flush();
    expect(await at('v2', c, { name: 'r', params: {}, compute })).toBe('old');
    expect(started).toHaveLength(3);
  });

  it('drops the least recently used entry past maxEntries', async () => {
    const c = cache(0, 2);
    let n = 0;
    const compute = async () => ++n;
    await at('v', c, { name: 'a', params: {}, compute }); // 1
    await at('v', c, { name: 'b', params: {}, compute }); // 2
    await at('v', c, { name: 'a', params: {}, compute }); // hit: a is the most recent
    await at('v', c, { name: 'c', params: {}, compute }); // 3: b goes
    expect(c.size).toBe(2);
    expect(await at('v', c, { name: 'a', params: {}, compute })).toBe(1);
    expect(await at('v', c, { name: 'b', params: {}, compute })).toBe(4);
  });

  it('with maxEntries 0, computes every read', async () => {
    const c = cache(15_000, 0);
    let n = 0;
    const compute = async () => ++n;
    await at('v', c, { name: 'r', params: {}, compute });
    expect(await at('v', c, { name: 'r', params: {}, compute })).toBe(2);
  });

  it('refreshAhead recomputes recently asked entries whose data changed, and no others', async () => {
    const c = cache(15_000);
    let n = 0;
    const compute = async () => ++n;
    await at('v1', c, { name: 'old', params: {}, compute }); // 1, asked at 1 000
    now += 3_600_001;
    await at('v1', c, { name: 'fresh', params: {}, compute }); // 2
    await at('v1', c, { name: 'same', params: {}, compute }); // 3
    version = 'v1';
    expect(await c.refreshAhead(3_600_000)).toBe(0); // nothing changed
    version = 'v2';
    expect(await c.refreshAhead(3_600_000)).toBe(2); // fresh and same; old was not asked for in the hour
    outcomes = [];
    expect(await at('v2', c, { name: 'fresh', params: {}, compute })).toBe(4);
    expect(await at('v2', c, { name: 'same', params: {}, compute })).toBe(5);
    expect(outcomes).toEqual(['hit', 'hit']);
    expect(await at('v2', c, { name: 'old', params: {}, compute })).toBe(6); // past the staleness bound: computed
  });

  it('ifMissing computes only what is not kept under any version, and does not mark it as asked for', async () => {
    const c = cache(15_000);
    let n = 0;
    const compute = async () => ++n;
    const warm = (v: string, name: string) => {
      version = v;
      return c.get({ name, params: {}, tables: ['events'], compute }, { ifMissing: true });
    };
    expect(await warm('v1', 'a')).toBe(1); // nothing kept: computed
    expect(await warm('v2', 'a')).toBe(1); // kept of older data: taken as it is, not computed again
    expect(outcomes).toEqual(['miss']);
    version = 'v3';
    expect(await c.refreshAhead(3_600_000)).toBe(0); // nobody asked for it: left to the next reader
    outcomes = [];
    expect(await at('v3', c, { name: 'a', params: {}, compute })).toBe(1); // confirmed within the bound: stale while refreshed
    expect(outcomes).toEqual(['stale']);
    await flush();
    expect(await at('v3', c, { name: 'a', params: {}, compute })).toBe(2);
    expect(await c.refreshAhead(3_600_000)).toBe(0); // asked for now, and current
  });
});
