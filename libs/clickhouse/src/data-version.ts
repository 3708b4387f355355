import { AsyncLocalStorage } from 'node:async_hooks';
import type { ClickHouseService } from './clickhouse.service';
import { TABLE_NAMES, type TableName } from './tables';

/**
 * Since when (performance.now()) the versions read in this async context may have been read: a GET
 * request's arrival (the API sets it). Outside one, every caller reads versions anew.
 */
export const versionsSince = new AsyncLocalStorage<number>();

/** The oldest a version read reused inside a request may be (see DataVersions.parts). */
const REUSE_MS = 1_000;

/**
 * What the data of some tables is right now, as a short string that changes whenever any of their
 * rows may have: a hash of the names of their active parts. ClickHouse writes every INSERT as a new
 * part whose name carries a new block number, and a merge or a mutation replaces parts by parts of
 * new names, so equal versions mean the same rows (the reverse is not needed: a merge changes the
 * version without changing an answer, which costs a recomputation, never a wrong number).
 *
 * One `system.parts` query reads every table's version at once (1–9 ms embedded at 100,000 people,
 * most of it the statement's own cost, whatever the tables). A caller uses the newest such read that
 * started after it asked, or after its request arrived (`versionsSince`): the callers of one turn of
 * the event loop share one read, and so do the plan, the small facts and the read cache of one
 * request, and concurrent requests. Either way the versions reflect every change stored before the
 * request arrived (an acknowledged event is counted by a read asked after its acknowledgement).
 * Read-through caches key their entries by it (ReadCache in the API): a read over events answers
 * from the cache until the next acknowledged event is stored, then from the data again — so the
 * freshness of a number is that of the data, without a time-to-live. `memo` keeps a small fact (a
 * fingerprint, the newest day) the same way.
 *
 * Built by ClickHouseService (`ch.versions`), which Nest provides it from.
 */
export class DataVersions {
  /** The newest read of every table's version, with when its query started (performance.now()). */
  private latest: { startedAt: number; parts: Promise<Map<string, string>> } | null = null;
  /** The read that will start at the next turn of the event loop, for callers whose `since` is after the latest's start. */
  private next: Promise<Map<string, string>> | null = null;

  constructor(private readonly ch: Pick<ClickHouseService, 'rows' | 'database'>) {}

  async of(tables: readonly TableName[]): Promise<string> {
    const names = [...new Set(tables)].sort().filter((t) => (TABLE_NAMES as readonly string[]).includes(t));
    if (!names.length) return '';
    const got = await this.parts();
    return names.map((n) => got.get(n) ?? '0').join('/');
  }

  /**
   * `compute` (a small query over `tables`: a fingerprint, the newest day), asked of ClickHouse
   * again only when their data version changed; otherwise its last answer, shared (callers must not
   * change it). As exact as `compute` itself: equal versions mean the same rows. A failed answer is
   * not kept.
   */
  memo<T>(tables: readonly TableName[], compute: () => Promise<T>): () => Promise<T> {
    const unknown = tables.filter((t) => !(TABLE_NAMES as readonly string[]).includes(t));
    if (unknown.length || !tables.length) throw new Error(`DataVersions.memo: not Hubpulse tables: ${unknown.join(', ') || '(none)'}`);
    let last: { version: string; value: Promise<T> } | null = null;
    return async () => {
      const version = await this.of(tables);
      if (last?.version === version) return last.value;
      // Computed after the version was read: the answer is at least as new as the version it is kept under.
      const value = compute();
      last = { version, value };
      value.catch(() => {
        if (last?.value === value) last = null;
      });
      return value;
    };
  }

  /**
   * Every table's part digest, from a read that started at or after the request's arrival (else now),
   * and at most REUSE_MS before now: work that outlives its request (a computation it started, a
   * timer set inside one) reads versions at least that fresh.
   */
  private parts(): Promise<Map<string, string>> {
    const now = performance.now();
    const since = Math.max(versionsSince.getStore() ?? now, now - REUSE_MS);
    if (this.latest && this.latest.startedAt >= since) return this.latest.parts;
    this.next ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      const latest = { startedAt: performance.now(), parts: this.read() };
      this.latest = latest;
      this.next = null;
      latest.parts.catch(() => {
        if (this.latest === latest) this.latest = null;
      });
      return latest.parts;
    });
    return this.next;
  }

  private async read(): Promise<Map<string, string>> {
    // Not parameterised, on purpose: embedded chDB runs parameterised statements one at a time per
    // process, so a version read with parameters would wait behind every heavy read in flight — the
    // very answers it lets readers skip. The database name is checked to be an identifier (tablesFor)
    // and the table names are Hubpulse's own constants.
    const list = TABLE_NAMES.map((n) => `'${n}'`).join(', ');
    const rows = await this.ch.rows<{ t: string; h: string; n: string }>(
      `SELECT table AS t, toString(groupBitXor(cityHash64(partition_id, name))) AS h, toString(count()) AS n
       FROM system.parts
       WHERE database = '${this.ch.database}' AND active AND table IN (${list})
       GROUP BY table ORDER BY table`,
      {},
      'system.parts.version',
    );
    return new Map(rows.map((r) => [r.t, `${r.n}.${r.h}`]));
  }
}
