import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit, Optional } from '@nestjs/common';
import { Counter } from 'prom-client';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { DataVersions, type TableName } from '@hubpulse/clickhouse';
import { Metrics } from '@hubpulse/metrics';

/** One read to answer through the cache. */
export interface CachedRead<T> {
  /** Names the read (metrics, logs) and, with `params`, the entry. */
  name: string;
  /** What the answer depends on besides the tables' data: JSON-serialisable (a range, a grouping, a plan's fingerprint). */
  params: unknown;
  /** The ClickHouse tables the answer is computed from: their data version keys it. */
  tables: readonly TableName[];
  compute: () => Promise<T>;
}

interface Entry {
  read: CachedRead<unknown>;
  version: string;
  /** When a reader last asked for it (refreshAhead keeps only recently asked entries fresh). */
  usedAt: number;
  value: Promise<unknown>;
  settled: boolean;
  /** When the entry's version was last seen to be the data's: a change it misses is younger than now − this. */
  confirmedAt: number;
  refreshing: boolean;
  /** The background recomputation in flight, with the version it computes: a reader that must wait for that version joins it. */
  pending: { version: string; value: Promise<unknown> } | null;
}

export type CacheOutcome = 'hit' | 'stale' | 'miss';

/**
 * Read-through cache of answers computed from ClickHouse data (the pure part: versions and the clock
 * are given). An entry is keyed by its read's name and parameters and carries the data version it was
 * computed on (DataVersions: the tables' active parts).
 *
 * - Same version: the answer is the data's — served (`hit`).
 * - The data changed since, but the entry was confirmed current at most `maxStaleMs` ago: served
 *   (`stale`: it misses only changes younger than that) while one recomputation runs in the background
 *   and replaces it. So with events arriving every second, readers still get an answer at once and
 *   the numbers follow the data within maxStaleMs plus one computation.
 * - Otherwise computed now (`miss`), and concurrent readers of that version share the computation —
 *   the background refresh's too, when it is computing that version.
 *
 * A failed computation is never kept. Least recently used entries go first past `maxEntries`.
 */
export class VersionedCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly opts: {
      maxEntries: number;
      maxStaleMs: number;
      /** The current data version of some tables. */
      version: (tables: readonly TableName[]) => Promise<string>;
      now?: () => number;
      onOutcome?: (name: string, outcome: CacheOutcome) => void;
      onRefreshError?: (name: string, err: unknown) => void;
    },
  ) {}

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  get disabled(): boolean {
    return this.opts.maxEntries <= 0;
  }

  get size(): number {
    return this.entries.size;
  }

  async get<T>(read: CachedRead<T>, opts: { ifMissing?: boolean } = {}): Promise<T> {
    if (this.disabled) return read.compute();
    const key = `${read.name}\u0000${JSON.stringify(read.params)}`;
    // ifMissing (ReadWarmup): any answer kept will do, of whatever data; it is not marked as asked for,
    // so refresh-ahead keeps it fresh only once a reader asks. Computed only when there is none.
    const kept = opts.ifMissing ? this.entries.get(key) : undefined;
    if (kept) return kept.value as Promise<T>;
    const version = await this.opts.version(read.tables);
    const now = this.now();
    if (opts.ifMissing && !this.entries.has(key)) {
      this.opts.onOutcome?.(read.name, 'miss');
      return this.store(key, read as CachedRead<unknown>, read.compute(), version, now, Number.NEGATIVE_INFINITY) as Promise<T>;
    }
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, entry);
      entry.usedAt = now;
      if (entry.version === version) {
        entry.confirmedAt = now;
        this.opts.onOutcome?.(read.name, 'hit');
        return entry.value as Promise<T>;
      }
      if (entry.settled && this.opts.maxStaleMs > 0 && now - entry.confirmedAt <= this.opts.maxStaleMs) {
        if (!entry.refreshing) void this.refresh(key, entry, version, now).catch(() => undefined);
        this.opts.onOutcome?.(read.name, 'stale');
        return entry.value as Promise<T>;
      }
      // Too stale to serve, but the new answer is already being computed in the background: wait for that one.
      if (entry.pending?.version === version) {
        this.opts.onOutcome?.(read.name, 'miss');
        return entry.pending.value as Promise<T>;
      }
    }
    this.opts.onOutcome?.(read.name, 'miss');
    return this.store(key, read as CachedRead<unknown>, read.compute(), version, now, now) as Promise<T>;
  }

  /**
   * Refresh-ahead: recomputes, one at a time, the entries asked for in the last `usedWithinMs` whose
   * tables' data changed, so the next reader of a view people look at gets the new numbers without
   * waiting. Resolves when done; returns how many it recomputed.
   */
  async refreshAhead(usedWithinMs: number): Promise<number> {
    if (this.disabled) return 0;
    const now = this.now();
    const due = [...this.entries].filter(([, e]) => e.settled && !e.refreshing && now - e.usedAt <= usedWithinMs);
    const versions = new Map<string, Promise<string>>();
    let refreshed = 0;
    for (const [key, entry] of due) {
      const tablesKey = [...entry.read.tables].sort().join(',');
      if (!versions.has(tablesKey)) versions.set(tablesKey, this.opts.version(entry.read.tables));
      const version = await versions.get(tablesKey)!;
      if (version === entry.version || this.entries.get(key) !== entry) continue;
      await this.refresh(key, entry, version, this.now()).catch(() => undefined);
      refreshed++;
    }
    return refreshed;
  }

  private refresh(key: string, entry: Entry, version: string, now: number): Promise<unknown> {
    entry.refreshing = true;
    const value = entry.read.compute();
    entry.pending = { version, value };
    return value.then(
      () => {
        // Replace only what it refreshes (a miss may have stored a newer computation meanwhile).
        if (this.entries.get(key) === entry) this.store(key, entry.read, value, version, now, entry.usedAt);
      },
      (err: unknown) => {
        entry.refreshing = false;
        entry.pending = null;
        this.opts.onRefreshError?.(entry.read.name, err);
        throw err;
      },
    );
  }

  private store(key: string, read: CachedRead<unknown>, value: Promise<unknown>, version: string, now: number, usedAt: number): Promise<unknown> {
    const entry: Entry = { read, version, value, settled: false, confirmedAt: now, usedAt, refreshing: false, pending: null };
    this.entries.delete(key);
    this.entries.set(key, entry);
    value.then(
      () => {
        entry.settled = true;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    while (this.entries.size > this.opts.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}

/** How often the API looks for cached answers whose data changed, to recompute them ahead of their readers. */
const REFRESH_EVERY_MS = 5_000;
/** Entries nobody asked for in this long are left to go stale (and, past maxEntries, dropped). */
const KEEP_WARM_MS = 60 * 60_000;

/**
 * The API's read cache (see VersionedCache): heavy dashboard reads whose answer is the same for every
 * user — facts computed from ClickHouse before any per-user disclosure step — are answered from it,
 * keyed by the data version of the tables they read (DataVersions: one `system.parts` query a
 * request). What a user may see of them is still decided per request, after the cache (the ledger,
 * the plans). Where staleness is allowed (HUBPULSE_READ_MAX_STALE_SECONDS > 0), every REFRESH_EVERY_MS
 * the answers asked for in the last hour whose data changed are recomputed in the background, so
 * readers of the views people look at rarely wait. Per process: each API replica keeps its own.
 */
@Injectable()
export class ReadCache implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger(ReadCache.name);
  private readonly cache: VersionedCache;
  private timer?: NodeJS.Timeout;
  private refreshing: Promise<unknown> | null = null;

  constructor(
    versions: DataVersions,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
    @Optional() metrics?: Metrics,
  ) {
    const outcomes = metrics
      ? new Counter({ name: 'hubpulse_read_cache_total', help: 'Dashboard reads answered through the read cache, by read and outcome (hit, stale: served while recomputed, miss: computed)', labelNames: ['read', 'outcome'], registers: [metrics.registry] })
      : null;
    this.cache = new VersionedCache({
      maxEntries: config.readCache.entries,
      maxStaleMs: config.readCache.maxStaleMs,
      version: (tables) => versions.of(tables),
      onOutcome: (read, outcome) => outcomes?.inc({ read, outcome }),
      onRefreshError: (read, err) => this.log.warn(`recomputing ${read} in the background failed: ${err instanceof Error ? err.message : String(err)}`),
    });
  }

  onModuleInit(): void {
    if (this.cache.disabled || this.config.readCache.maxStaleMs === 0) return;
    this.timer = setInterval(() => {
      if (this.refreshing) return;
      this.refreshing = this.cache
        .refreshAhead(KEEP_WARM_MS)
        .catch((err: unknown) => this.log.warn(`refresh-ahead failed: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => (this.refreshing = null));
    }, REFRESH_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.refreshing;
  }

  /**
   * One answer shared by every reader: frozen, so a caller that changed it would fail loudly instead
   * of changing the others'. Inside ReadCache.ifMissing, an answer kept of any data is taken as it is.
   */
  get<T>(read: CachedRead<T>): Promise<T> {
    // A computation runs as a reader's would, whoever starts it: a read it makes must not take an
    // answer of older data (it is kept under the current version and shared with every reader).
    const compute = () => missingOnly.run(false, () => read.compute()).then(deepFreeze);
    return this.cache.get({ ...read, compute }, { ifMissing: missingOnly.getStore() === true });
  }

  /**
   * Runs `fn` (a background read through the services) so that each cached read in it is computed
   * only when the cache holds no answer for it at all: after a start or under a new plan, not
   * because the data changed since (merges change the data version too). Refresh-ahead and the
   * readers take care of those.
   */
  static ifMissing<T>(fn: () => Promise<T>): Promise<T> {
    return missingOnly.run(true, fn);
  }
}

const missingOnly = new AsyncLocalStorage<boolean>();

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  // Typed arrays cannot be frozen (their elements stay writable): kept as they are.
  if (ArrayBuffer.isView(value)) return value;
  if (value instanceof Map || value instanceof Set) {
    for (const v of value.values()) deepFreeze(v);
    if (value instanceof Map) for (const k of value.keys()) deepFreeze(k);
  } else for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}
