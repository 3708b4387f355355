import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { ReadCache } from './read-cache';

/** One default read of a dashboard page, done in the background through the read cache. */
export interface WarmRead {
  /** In the log ("goal link analyses 12.4 s"). */
  name: string;
  /** Lower first (WARM_ORDER): the pages people open first, and the quick ones before the long ones. */
  order: number;
  read: () => Promise<unknown>;
  /**
   * Also recompute it when its data changed (a version check each round): for the reads that take
   * minutes (the pattern views, whose tables change with each pattern run). Otherwise it is computed
   * only when the cache has no answer for it at all (ReadCache.ifMissing: after a start, under a new
   * plan), and answers of older data are left to refresh-ahead and the readers, so that background
   * rounds do not recompute, every minute, reads nobody asked for while the data keeps changing.
   */
  followData?: boolean;
}

/** The order of the registered reads: the overview first, the pattern views (minutes cold, at enterprise size) last. */
export const WARM_ORDER = { overview: 10, engagement: 20, goals: 30, segments: 40, patterns: 50 } as const;

/** After start-up, the first round waits this long (the plans and the first requests go first). */
const FIRST_AFTER_MS = 10_000;

/**
 * Reads the views each dashboard page asks for first through the read cache in the background, 10 s
 * after start-up and then every HUBPULSE_WARM_READS_MINUTES (1). Feature modules register their
 * default reads (register, at module init).
 *
 * Why: the read cache lives in the API process, so after a restart every heavy read is cold again (at
 * 100,000 people the goal link analysis took 15 s, the engagement groups 10 s, the personas minutes),
 * and a change of the disclosure plan's content (a new segment, a segment run that moved people) makes
 * the reads keyed by it cold too. Refresh-ahead (ReadCache) only keeps fresh what readers asked for
 * under the current keys. With this, the first reader after one of those finds the answer computed,
 * or joins the computation in flight. A read the cache already holds costs nothing (the pattern
 * views, which follow their data: a data-version check).
 *
 * One round at a time, one read after another (embedded chDB runs one parameterised statement at a
 * time anyway); a read that fails is logged and the next one goes on.
 */
@Injectable()
export class ReadWarmup implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly log = new Logger('ReadWarmup');
  private readonly reads: WarmRead[] = [];
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** When the last complete round started and ended (epoch ms; null before the first). */
  lastRound: { startedAt: number; endedAt: number } | null = null;

  constructor(@Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig) {}

  /** Adds a default read (kept in WarmRead.order, then registration order). */
  register(read: WarmRead): void {
    this.reads.push(read);
    this.reads.sort((a, b) => a.order - b.order);
  }

  /** The registered reads' names, in the order a round reads them. */
  get names(): string[] {
    return this.reads.map((r) => r.name);
  }

  onApplicationBootstrap(): void {
    const every = this.config.readCache.warmEveryMs;
    if (every === 0 || this.config.readCache.entries === 0) return;
    const tick = () => {
      this.running ??= this.warm().finally(() => (this.running = null));
    };
    this.timer = setTimeout(() => {
      tick();
      this.timer = setInterval(tick, every).unref();
    }, Math.min(FIRST_AFTER_MS, every)).unref();
  }

  /** First of the shutdown hooks: no read starts after it (the release thread stops in the same phase, failing a pattern read in flight). */
  onModuleDestroy(): void {
    this.stopped = true;
    clearTimeout(this.timer); // clears the interval too (Node's timers are one kind)
  }

  /** Waits for the read in flight, so the connections close under no query. */
  async onApplicationShutdown(): Promise<void> {
    await this.running;
  }

  /** One round: every registered read once, in order. Resolves when done (never rejects). */
  async warm(): Promise<void> {
    const took: string[] = [];
    const startedAt = Date.now();
    for (const { name, read, followData } of [...this.reads]) {
      if (this.stopped) return;
      const started = Date.now();
      try {
        await (followData ? read() : ReadCache.ifMissing(read));
      } catch (err) {
        if (!this.stopped) this.log.warn(`reading ${name} in the background failed: ${err instanceof Error ? err.message : String(err)}`);
        continue;
      }
      const ms = Date.now() - started;
      if (ms >= 1000) took.push(`${name} ${(ms / 1000).toFixed(1)} s`);
    }
    this.lastRound = { startedAt, endedAt: Date.now() };
    // Quiet when everything was cached already.
    if (took.length > 0) this.log.log(`read in the background: ${took.join(', ')}`);
  }
}
