import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { Readable } from 'node:stream';
import { EVENT_COLUMNS } from './event-row';

interface Pending {
  lines: string[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** Rows per INSERT at most; larger backlogs are written in several inserts. */
const MAX_ROWS_PER_INSERT = 200_000;

/**
 * Group commit: rows from concurrent requests are gathered while the previous insert runs and
 * written together in one INSERT. A caller's promise resolves only after the insert holding its
 * rows returned, so an acknowledged event is on disk; if the insert fails every caller in it gets
 * the error and nothing of theirs is acknowledged.
 */
@Injectable()
export class EventWriter implements OnModuleDestroy {
  private readonly logger = new Logger('EventWriter');
  private queue: Pending[] = [];
  private queuedRows = 0;
  private flushing: Promise<void> | null = null;
  private closed = false;
  /** Counters for visibility (inserts, rows). */
  readonly stats = { inserts: 0, rows: 0, failures: 0 };

  constructor(private readonly ch: ClickHouseService) {}

  /** Resolves once the TSV `lines` are stored; rejects if the INSERT holding them failed. */
  write(lines: string[]): Promise<void> {
    if (lines.length === 0) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error('shutting down'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ lines, resolve, reject });
      this.queuedRows += lines.length;
      if (!this.flushing) this.flushing = this.drain();
    });
  }

  /** Writes batches until nothing is queued. */
  private async drain(): Promise<void> {
    // Let requests that arrived in the same tick join the first batch.
    await new Promise((r) => setImmediate(r));
    try {
      while (this.queue.length > 0) {
        const batch: Pending[] = [];
        let n = 0;
        while (this.queue.length > 0 && (n === 0 || n + this.queue[0].lines.length <= MAX_ROWS_PER_INSERT)) {
          const p = this.queue.shift()!;
          batch.push(p);
          n += p.lines.length;
        }
        this.queuedRows -= n;
        let payload = '';
        for (const p of batch) payload += p.lines.join('\n') + '\n';
        try {
          // One INSERT = one part: it is stored whole or not at all (n stays below max_insert_block_size).
          await this.ch.client.insert({
            table: this.ch.tables.events,
            values: Readable.from([Buffer.from(payload)], { objectMode: false }),
            format: 'TabSeparated',
            columns: [...EVENT_COLUMNS],
          });
          this.stats.inserts++;
          this.stats.rows += n;
          for (const p of batch) p.resolve();
        } catch (err) {
          this.stats.failures++;
          this.logger.error(`insert of ${n} events failed: ${(err as Error).message}`);
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  /** Waits until everything queued so far is written (or failed). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** SIGTERM: finish in-flight batches before the ClickHouse client closes. */
  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.flush();
  }
}
