import { LAST_USED_EVERY_MS, WriteKeyUsage } from './write-key-usage';

/** The coalescing of "last used" writes, with a clock and a write function of the test's own. */
describe('WriteKeyUsage', () => {
  const T0 = Date.parse('2026-11-01T10:00:00.000Z');
  const setup = (write: (id: string, at: string, staleBefore: string) => Promise<unknown> = async () => true) => {
    let now = T0;
    const calls: [string, string, string][] = [];
    const errors: [string, unknown][] = [];
    const usage = new WriteKeyUsage(
      (id, at, staleBefore) => {
        calls.push([id, at, staleBefore]);
        return write(id, at, staleBefore);
      },
      (id, err) => errors.push([id, err]),
      () => now,
    );
    return { usage, calls, errors, advance: (ms: number) => (now += ms) };
  };

  it('writes a key once per minute however often it is used, each key on its own', async () => {
    const { usage, calls, advance } = setup();
    usage.used('a');
    usage.used('a');
    usage.used('b');
    advance(LAST_USED_EVERY_MS - 1);
    usage.used('a');
    expect(calls).toEqual([
      ['a', '2026-11-01T10:00:00.000Z', '2026-11-01T09:59:00.000Z'],
      ['b', '2026-11-01T10:00:00.000Z', '2026-11-01T09:59:00.000Z'],
    ]);
    advance(1);
    usage.used('a');
    usage.used('a');
    expect(calls.map((c) => c[0])).toEqual(['a', 'b', 'a']);
    expect(calls[2][1]).toBe('2026-11-01T10:01:00.000Z');
    await usage.settle();
  });

  it('does not write when the store already holds a use from the last minute (another process, a restart)', async () => {
    const { usage, calls, advance } = setup();
    usage.known('a', '2026-11-01T09:59:30.000Z');
    usage.known('b', null);
    usage.used('a');
    usage.used('b');
    expect(calls.map((c) => c[0])).toEqual(['b']);
    advance(30_000);
    usage.used('a');
    expect(calls.map((c) => c[0])).toEqual(['b', 'a']);
    // an older stored value never moves the known one back
    usage.known('a', '2026-11-01T09:00:00.000Z');
    usage.used('a');
    expect(calls).toHaveLength(2);
    await usage.settle();
  });

  it('returns before the write finishes, and a failed write is reported, not thrown, and tried again a minute later', async () => {
    let release!: () => void;
    const pending = new Promise<void>((r) => (release = r));
    const { usage, calls, errors, advance } = setup(async () => {
      await pending;
      throw new Error('database is locked');
    });
    expect(() => usage.used('a')).not.toThrow();
    expect(calls).toHaveLength(1);
    let settled = false;
    const done = usage.settle().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false); // the write is still under way; used() did not wait for it
    release();
    await done;
    expect(errors).toEqual([['a', new Error('database is locked')]]);
    usage.used('a');
    expect(calls).toHaveLength(1); // not hammering a failing store
    advance(LAST_USED_EVERY_MS);
    usage.used('a');
    expect(calls).toHaveLength(2);
    await usage.settle();
    expect(errors).toHaveLength(2);
  });

  it('reports a write function that throws at once like one that rejects', async () => {
    const { usage, errors } = setup(() => {
      throw new Error('no connection');
    });
    expect(() => usage.used('a')).not.toThrow();
    await usage.settle();
    expect(errors).toEqual([['a', new Error('no connection')]]);
  });
});
