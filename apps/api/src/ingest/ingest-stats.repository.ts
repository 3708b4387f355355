import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '@hubpulse/clickhouse';

/** One minute's count of rejected events for a key, wire format and reason. */
interface RejectCounter {
  minute: string;
  key_id: string;
  source: string;
  reason: string;
  count: number;
}

/**
 * `ingest_rejects` (reject counters per minute) and the ingestion-visibility reads of `events`
 * (deduplicated: a retried event counts once, at its latest arrival). The write keys' names come
 * from their owner, WriteKeysRepository.
 */
@Injectable()
export class IngestStatsRepository {
  constructor(private readonly ch: ClickHouseService) {}

  async addRejects(rows: RejectCounter[]): Promise<void> {
    await this.ch.client.insert({ table: this.ch.tables.ingest_rejects, values: rows, format: 'JSONEachRow' });
  }

  /** Accepted events per key, format and minute of the last `window` minutes. */
  accepted(window: number) {
    return this.ch.rows<{ key_id: string; source: string; minute: string; n: string }>(
      `SELECT key_id, source, formatDateTime(toStartOfMinute(ingested_at), '%Y-%m-%dT%H:%i:00Z') AS minute, count() AS n
       FROM ${this.ch.tables.events} FINAL
       WHERE ingested_at >= now64(3) - INTERVAL {window:UInt32} MINUTE
       GROUP BY key_id, source, minute ORDER BY minute`,
      { window },
    );
  }

  /** Rejected events per key, format, minute and reason of the last `window` minutes. */
  rejected(window: number) {
    return this.ch.rows<{ key_id: string; source: string; at: string; reason: string; n: string }>(
      `SELECT key_id, source, formatDateTime(r.minute, '%Y-%m-%dT%H:%i:00Z') AS at, reason, sum(count) AS n
       FROM ${this.ch.tables.ingest_rejects} AS r
       WHERE r.minute >= now() - INTERVAL {window:UInt32} MINUTE
       GROUP BY key_id, source, at, reason ORDER BY at`,
      { window },
    );
  }

  /** Per key and format: the newest arrival and the lag percentiles (seconds) of the last `window` minutes. */
  freshness(window: number) {
    return this.ch.rows<{ key_id: string; source: string; last: string; p50: number; p95: number }>(
      `SELECT key_id, source, formatDateTime(max(ingested_at), '%Y-%m-%dT%H:%i:%SZ') AS last,
              quantile(0.5)(dateDiff('millisecond', occurred_at, ingested_at)) / 1000 AS p50,
              quantile(0.95)(dateDiff('millisecond', occurred_at, ingested_at)) / 1000 AS p95
       FROM ${this.ch.tables.events} FINAL
       WHERE ingested_at >= now64(3) - INTERVAL {window:UInt32} MINUTE
       GROUP BY key_id, source`,
      { window },
    );
  }
}
