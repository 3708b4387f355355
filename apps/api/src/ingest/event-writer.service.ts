import { Inject, Injectable, Logger, Optional, type OnModuleDestroy } from '@nestjs/common';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { EventRowsRepository } from '@hubpulse/ingestion';
import { Metrics } from '@hubpulse/metrics';
import { outsideRequest } from '../common/http-log';

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

/** More events wait for ClickHouse than the process holds: nothing of this request was queued. */
export class IngestBacklogError extends Error {
  constructor(readonly queuedRows: number) {
    super(`${queuedRows} events are waiting for ClickHouse`);
  }
}

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
  /** Rows in `queue` (not yet in an INSERT). */
  private queuedRows = 0;
  private active = 0;
  private scheduled = false;
  private idle: (() => void)[] = [];
  private closed = false;
  /** Counters for visibility. */
  readonly stats = { inserts: 0, rows: 0, failures: 0, insertMs: 0, refused: 0 };

  private readonly maxQueuedRows: number;

  constructor(
    private readonly events: EventRowsRepository,
    @Inject(HUBPULSE_CONFIG) config: HubpulseConfig,
    @Optional() private readonly metrics?: Metrics,
  ) {
    this.maxQueuedRows = config.ingestMaxQueuedRows;
    metrics?.onScrape(() => metrics.queuedRows.set(this.queuedRows));
  }

  /**
   * Resolves once the TSV `lines` are stored; rejects if the INSERT holding them failed. Backpressure:
   * while more than HUBPULSE_INGEST_MAX_QUEUED_ROWS rows wait behind a slow ClickHouse, a new request is
   * refused at once (IngestBacklogError → 503 + Retry-After) instead of growing memory and waiting.
   */
  write(lines: string[]): Promise<void> {
    if (lines.length === 0) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error('shutting down'));
    if (this.queuedRows > 0 && this.queuedRows + lines.length > this.maxQueuedRows) {
      this.stats.refused += lines.length;
      this.metrics?.backpressure.inc();
      return Promise.reject(new IngestBacklogError(this.queuedRows));
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ lines, resolve, reject });
      this.queuedRows += lines.length;
      this.schedule();
    });
  }

  /** Starts an insert on the next tick if a lane is free, so requests of the same tick join it. */
  private schedule(): void {
    if (this.scheduled || this.active >= LANES || this.queue.length === 0) return;
    this.scheduled = true;
    // The insert serves every request queued in it, so it logs under none of their ids.
    outsideRequest(() =>
      setImmediate(() => {
        this.scheduled = false;
        if (this.active < LANES && this.queue.length > 0) void this.insertNext();
      }),
    );
  }

  private async insertNext(): Promise<void> {
    const batch: Pending[] = [];
    let n = 0;
    while (this.queue.length > 0 && (n === 0 || n + this.queue[0].lines.length <= MAX_ROWS_PER_INSERT)) {
      const p = this.queue.shift()!;
      batch.push(p);
      n += p.lines.length;
    }
    this.queuedRows -= n;
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
      this.metrics?.insertFailures.inc();
      this.logger.error(`insert of ${n} events failed: ${(err as Error).message}`);
      for (const p of batch) p.reject(err);
    } finally {
      this.metrics?.insertRows.observe(n);
      this.metrics?.insertDuration.observe((performance.now() - started) / 1000);
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
