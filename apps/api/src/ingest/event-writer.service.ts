import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { EventRowsRepository } from '@hubpulse/ingestion';

interface Pending {
  lines: string[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** Rows per INSERT at most (below max_insert_block_size, so one INSERT is one atomic part). */
const MAX_ROWS_PER_INSERT = 200_000;
/**
 * INSERTs in flight at once. One: the next batch forms while the current one is written, and the
 * larger parts that result cost ClickHouse fewer merges (measured: 2 lanes gave no more throughput
 * and a worse p99 on 2 cores).
 */
const LANES = 1;

/**
 * Group commit: rows from concurrent requests are gathered while earlier inserts run and written
 * together in one INSERT. A caller's promise resolves only after the insert holding its rows
 * returned, so an acknowledged event is on disk; if the insert fails every caller in it gets the
 * error and nothing of theirs is acknowledged.
 */
@Injectable()
export class EventWriter implements OnModuleDestroy {
  private readonly logger = new Logger('EventWriter');
  private queue: Pending[] = [];
  private active = 0;
  private scheduled = false;
  private idle: (() => void)[] = [];
  private closed = false;
  /** Counters for visibility. */
  readonly stats = { inserts: 0, rows: 0, failures: 0, insertMs: 0 };

  constructor(private readonly events: EventRowsRepository) {}

  /** Resolves once the TSV `lines` are stored; rejects if the INSERT holding them failed. */
  write(lines: string[]): Promise<void> {
    if (lines.length === 0) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error('shutting down'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ lines, resolve, reject });
      this.schedule();
    });
  }

  /** Starts an insert on the next tick if a lane is free, so requests of the same tick join it. */
  private schedule(): void {
    if (this.scheduled || this.active >= LANES || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.active < LANES && this.queue.length > 0) void this.insertNext();
    });
  }

  private async insertNext(): Promise<void> {
    const batch: Pending[] = [];
    let n = 0;
    while (this.queue.length > 0 && (n === 0 || n + this.queue[0].lines.length <= MAX_ROWS_PER_INSERT)) {
      const p = this.queue.shift()!;
      batch.push(p);
      n += p.lines.length;
    }
    this.active++;
    let payload = '';
    for (const p of batch) payload += p.lines.join('\n') + '\n';
    const started = performance.now();
    try {
      await this.events.insertTsv(payload);
      this.stats.inserts++;
      this.stats.rows += n;
      this.stats.insertMs += performance.now() - started;
      for (const p of batch) p.resolve();
    } catch (err) {
      this.stats.failures++;
      this.logger.error(`insert of ${n} events failed: ${(err as Error).message}`);
      for (const p of batch) p.reject(err);
    } finally {
      this.active--;
      this.schedule();
      if (this.active === 0 && this.queue.length === 0) for (const done of this.idle.splice(0)) done();
    }
  }

  /** Waits until everything queued so far is written (or failed). */
  flush(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** SIGTERM: finish in-flight batches before the ClickHouse client closes. */
  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await this.flush();
    const { inserts, rows, failures, insertMs } = this.stats;
    if (inserts) {
      this.logger.log(`wrote ${rows} events in ${inserts} inserts (${Math.round(rows / inserts)} rows, ${(insertMs / inserts).toFixed(1)} ms each on average), ${failures} failed`);
    }
  }
}
