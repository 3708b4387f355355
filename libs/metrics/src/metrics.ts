import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { version } from '../../../package.json';

/** Seconds: from a fast SELECT to a score run's statements. */
const SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Jobs run from a second to many minutes (a year's score recompute, a large import). */
const JOB_SECONDS = [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600];

/**
 * Every Prometheus metric of a process, in its own registry (not prom-client's global one: tests
 * start several apps in one process). Labels name routes, queues, formats, reasons and query kinds,
 * never a person, a group or a key: nothing here is a number about people.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly registers = [this.registry];
  private readonly scrapers: (() => void | Promise<void>)[] = [];

  readonly httpDuration = new Histogram({
    name: 'hubpulse_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status class (aborted: the client left before the answer)',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: SECONDS,
    registers: this.registers,
  });

  readonly ingestAccepted = new Counter({
    name: 'hubpulse_ingest_events_accepted_total',
    help: 'Ingested events (SDK messages for segment and posthog) acknowledged as accepted, by wire format',
    labelNames: ['source'] as const,
    registers: this.registers,
  });
  readonly ingestRejected = new Counter({
    name: 'hubpulse_ingest_events_rejected_total',
    help: 'Rejected events by wire format and reason (the field of the first error; request_<status> for a whole refused request)',
    labelNames: ['source', 'reason'] as const,
    registers: this.registers,
  });
  readonly insertRows = new Histogram({
    name: 'hubpulse_ingest_insert_rows',
    help: 'Rows per group-commit INSERT of events',
    buckets: [1, 10, 50, 100, 500, 1000, 5000, 10_000, 50_000, 200_000],
    registers: this.registers,
  });
  readonly insertDuration = new Histogram({
    name: 'hubpulse_ingest_insert_duration_seconds',
    help: 'Duration of group-commit INSERTs of events (successful and failed)',
    buckets: SECONDS,
    registers: this.registers,
  });
  readonly insertFailures = new Counter({
    name: 'hubpulse_ingest_insert_failures_total',
    help: 'Group-commit INSERTs that failed (every request in them got 503)',
    registers: this.registers,
  });
  readonly queuedRows = new Gauge({
    name: 'hubpulse_ingest_queued_rows',
    help: 'Events waiting for ClickHouse in this process (not yet in an INSERT)',
    registers: this.registers,
  });
  readonly backpressure = new Counter({
    name: 'hubpulse_ingest_backpressure_refusals_total',
    help: 'Ingestion requests refused with 503 because too many events waited for ClickHouse (HUBPULSE_INGEST_MAX_QUEUED_ROWS)',
    registers: this.registers,
  });

  readonly clickhouseDuration = new Histogram({
    name: 'hubpulse_clickhouse_query_duration_seconds',
    help: 'ClickHouse statements by purpose (<table>.<verb> unless the caller names one), until answered',
    labelNames: ['purpose'] as const,
    buckets: SECONDS,
    registers: this.registers,
  });
  readonly clickhouseErrors = new Counter({
    name: 'hubpulse_clickhouse_query_errors_total',
    help: 'ClickHouse statements that failed, by purpose',
    labelNames: ['purpose'] as const,
    registers: this.registers,
  });

  readonly jobDuration = new Histogram({
    name: 'hubpulse_job_duration_seconds',
    help: 'Job runs in this process by queue, job name and outcome (completed, failed)',
    labelNames: ['queue', 'job', 'outcome'] as const,
    buckets: JOB_SECONDS,
    registers: this.registers,
  });
  readonly jobFailures = new Counter({
    name: 'hubpulse_job_failures_total',
    help: 'Failed job attempts in this process by queue and job name (a retried job counts each attempt)',
    labelNames: ['queue', 'job'] as const,
    registers: this.registers,
  });

  readonly queueJobs = new Gauge({
    name: 'hubpulse_queue_jobs',
    help: 'Jobs per queue and state (waiting, active, delayed, failed), read from Redis at scrape time',
    labelNames: ['queue', 'state'] as const,
    registers: this.registers,
  });

  constructor() {
    // process_*, nodejs_*: the standard names, so stock Node.js dashboards work unchanged.
    collectDefaultMetrics({ register: this.registry });
    new Gauge({ name: 'hubpulse_build_info', help: 'Always 1; the labels say what runs', labelNames: ['version', 'node_version'] as const, registers: this.registers }).set(
      { version, node_version: process.version },
      1,
    );
  }

  /** Sets gauges at scrape time (a queue's depth, rows waiting). */
  onScrape(collect: () => void | Promise<void>): void {
    this.scrapers.push(collect);
  }

  /** The text exposition (text/plain; version=0.0.4). */
  async text(): Promise<string> {
    await Promise.all(this.scrapers.map((s) => s()));
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
