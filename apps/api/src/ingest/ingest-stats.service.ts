import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { round, type IngestionSource, type IngestionSourcesResponse } from '@hubpulse/contracts';
import { WriteKeysRepository } from '@hubpulse/database';
import { Metrics, rejectReason } from '@hubpulse/metrics';
import { z } from 'zod';
import { IngestStatsRepository } from './ingest-stats.repository';

/** `?window=` of GET /api/ingestion/sources (and its export): minutes up to now, 1 to a week. */
export const sourcesWindowSchema = z.object({ window: z.coerce.number({ error: 'must be a number of minutes' }).int().min(1).max(7 * 24 * 60).default(60) });

const FLUSH_MS = 5000;

/** The first error of a rejected event is its reason; capped so one odd value cannot bloat the table. */
function reasonOf(error: string): string {
  return error.length > 200 ? `${error.slice(0, 199)}…` : error;
}

/**
 * Visibility of ingestion per write key and wire format. Accepted events, freshness and lag come
 * from the `events` table itself (deduplicated: a retried event counts once, at its latest arrival); rejects are counted in memory per minute and flushed to
 * `ingest_rejects` every few seconds.
 */
@Injectable()
export class IngestStatsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('IngestStats');
  private rejects = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repo: IngestStatsRepository,
    private readonly writeKeys: WriteKeysRepository,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  /** Counts accepted events (for /metrics; the view counts them from the events table). */
  accept(format: string, n: number): void {
    if (n > 0) this.metrics.ingestAccepted.inc({ source: format }, n);
  }

  /**
   * Counts rejected events (or whole requests) by reason: in /metrics always, in the per-key view
   * (ingest_rejects) when the key is known.
   */
  reject(keyId: string | undefined, format: string, errors: string[][]): void {
    if (errors.length === 0) return;
    for (const e of errors) this.metrics.ingestRejected.inc({ source: format, reason: rejectReason(e[0]) });
    if (!keyId) return;
    const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString().slice(0, 19).replace('T', ' ');
    for (const e of errors) {
      const k = `${minute}\u0000${keyId}\u0000${format}\u0000${reasonOf(e[0] ?? 'unknown')}`;
      this.rejects.set(k, (this.rejects.get(k) ?? 0) + 1);
    }
  }

  async flush(): Promise<void> {
    if (this.rejects.size === 0) return;
    const rows = [...this.rejects].map(([k, count]) => {
      const [minute, key_id, source, reason] = k.split('\u0000');
      return { minute, key_id, source, reason, count };
    });
    this.rejects = new Map();
    try {
      await this.repo.addRejects(rows);
    } catch (err) {
      this.logger.warn(`could not store ${rows.length} reject counters: ${(err as Error).message}`);
    }
  }

  async sources(windowMinutes: number): Promise<IngestionSourcesResponse> {
    await this.flush();
    const [accepted, rejected, keys] = await Promise.all([
      this.repo.accepted(windowMinutes),
      this.repo.rejected(windowMinutes),
      this.writeKeys.list(), // names and prefixes for the view
    ]);
    const freshness = await this.repo.freshness(windowMinutes);
    const byKey = new Map(keys.map((k) => [k.id, k]));
    const sources = new Map<string, IngestionSource>();
    const get = (keyId: string, format: string) => {
      const id = `${keyId}\u0000${format}`;
      let s = sources.get(id);
      if (!s) {
        const key = byKey.get(keyId);
        s = {
          key_id: keyId,
          key_name: key?.name ?? null,
          key_prefix: key?.prefix ?? null,
          format,
          per_minute: [],
          accepted: 0,
          rejected: 0,
          events_per_minute: 0,
          rejects_by_reason: [],
          last_event_at: null,
          lag_seconds: { p50: null, p95: null },
        };
        sources.set(id, s);
      }
      return s;
    };
    const minuteOf = (s: IngestionSource, minute: string) => {
      let m = s.per_minute.find((p) => p.minute === minute);
      if (!m) s.per_minute.push((m = { minute, accepted: 0, rejected: 0 }));
      return m;
    };
    for (const r of accepted) {
      const s = get(r.key_id, r.source);
      minuteOf(s, r.minute).accepted += Number(r.n);
      s.accepted += Number(r.n);
    }
    for (const r of rejected) {
      const s = get(r.key_id, r.source);
      minuteOf(s, r.at).rejected += Number(r.n);
      s.rejected += Number(r.n);
      const reason = s.rejects_by_reason.find((x) => x.reason === r.reason);
      if (reason) reason.count += Number(r.n);
      else s.rejects_by_reason.push({ reason: r.reason, count: Number(r.n) });
    }
    for (const f of freshness) {
      const s = get(f.key_id, f.source);
      s.last_event_at = f.last;
      s.lag_seconds = { p50: Number(f.p50), p95: Number(f.p95) };
    }
    for (const s of sources.values()) {
      s.per_minute.sort((a, b) => a.minute.localeCompare(b.minute));
      s.rejects_by_reason.sort((a, b) => b.count - a.count);
      s.events_per_minute = round(s.accepted / windowMinutes, 1);
    }
    return {
      generated_at: new Date().toISOString(),
      window_minutes: windowMinutes,
      sources: [...sources.values()].sort((a, b) => b.accepted - a.accepted),
    };
  }
}
