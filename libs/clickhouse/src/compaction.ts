import { Injectable, Logger } from '@nestjs/common';
import { ClickHouseService } from './clickhouse.service';
import type { TableName } from './tables';

/** The deduplicating tables reads take FINAL of (ReplacingMergeTree): what compaction merges. */
export const COMPACTED_TABLES: readonly TableName[] = ['events', 'engagement_scores', 'pattern_purposes', 'pattern_person_weeks', 'pattern_leader_items', 'people', 'people_history', 'content'];

export interface CompactionReport {
  /** `<table>:<partition id>` merged, in order. */
  merged: string[];
  ms: number;
}

/**
 * Keeps the partitions of the deduplicating tables merged to one part each once they have gone quiet.
 * A read with FINAL merges the parts of a partition as it reads them (seconds at 10M events); a
 * partition of a single merged part (level > 0) is read without that work — with
 * `do_not_merge_across_partitions_select_final` (set on every client: each of these tables
 * partitions by a function of its first sorting-key column, so one key never spans two partitions).
 * `OPTIMIZE … PARTITION … FINAL` also drops the duplicates (a retried event) for good.
 *
 * Quiet: no part of the partition written for `quietMinutes` — the month that still receives events
 * is left to ClickHouse's own background merges until it stops. One partition at a time; a failure
 * ends the round (the next one retries).
 */
@Injectable()
export class CompactionService {
  private readonly log = new Logger('Compaction');

  constructor(private readonly ch: ClickHouseService) {}

  /** Partitions of `tables` that are quiet and not yet one merged part. */
  async due(quietMinutes: number, tables: readonly TableName[] = COMPACTED_TABLES): Promise<{ table: string; partition: string; parts: number; rows: number }[]> {
    const rows = await this.ch.rows<{ table: string; partition: string; parts: string; rows: string }>(
      `SELECT table, partition_id AS partition, count() AS parts, sum(rows) AS rows
       FROM system.parts
       WHERE database = {db:String} AND active AND table IN {tables:Array(String)}
       GROUP BY table, partition_id
       HAVING (parts > 1 OR min(level) = 0) AND max(modification_time) <= now() - toIntervalMinute({quiet:UInt32})
       ORDER BY table, partition_id`,
      { db: this.ch.database, tables: [...tables], quiet: quietMinutes },
      'system.parts.compaction',
    );
    return rows.map((r) => ({ table: r.table, partition: r.partition, parts: Number(r.parts), rows: Number(r.rows) }));
  }

  async compact(quietMinutes: number, tables: readonly TableName[] = COMPACTED_TABLES): Promise<CompactionReport> {
    const started = Date.now();
    const merged: string[] = [];
    for (const p of await this.due(quietMinutes, tables)) {
      const t0 = Date.now();
      // The partition id is ClickHouse's own (digits or a hash), never user input; quoted as a string literal.
      await this.ch.client.command({ query: `OPTIMIZE TABLE ${this.ch.database}.${p.table} PARTITION ID '${p.partition.replace(/[^0-9A-Za-z_-]/g, '')}' FINAL` });
      merged.push(`${p.table}:${p.partition}`);
      this.log.log(`merged ${p.table} partition ${p.partition} (${p.parts} parts, ${p.rows} rows) in ${Date.now() - t0} ms`);
    }
    return { merged, ms: Date.now() - started };
  }
}
