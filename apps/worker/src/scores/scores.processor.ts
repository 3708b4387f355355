import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, Optional } from '@nestjs/common';
import { DelayedError, type Job, type Queue } from 'bullmq';
import { CompactionService } from '@hubpulse/clickhouse';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { ALERT_JOB_OPTS, JobName, QueueName, SEGMENT_JOB_OPTS, SEGMENTS_AFTER_SCORES_ID, type JobPayloads } from '@hubpulse/queue';
import { ScoreComputeService, type ScoreRunResult } from './score-compute.service';
import { OrgLock, type RedisLike } from './org-lock';
import { ScoreRunCoverage } from './run-coverage';

type ScoresJob = JobName.ScoresRecompute;

/**
 * After each score run, partitions of the deduplicating tables nobody wrote to for this long are
 * merged to one part (CompactionService): reads with FINAL then skip merging them.
 */
export const COMPACT_QUIET_MINUTES = 10;

/** Implemented by the patterns worker (personas, purposes, ambassadors, leaders): recomputed after the scores. */
export const PATTERN_RECOMPUTE = Symbol('PATTERN_RECOMPUTE');
interface PatternRecompute {
  recompute(range: { from: string; to: string }, onProgress?: (pct: number, phase: string) => void | Promise<void>): Promise<unknown>;
}

/** Progress reported to the dashboard: { pct, phase }. Scores take the first 70 %, patterns the rest. */
interface ScoreJobProgress {
  pct: number;
  phase: string;
}

/**
 * Score jobs. Concurrency 1 per process, and an organisation-wide Redis lock so that two worker
 * processes never recompute at once: a job that finds the lock taken goes back to the delayed set.
 */
@Processor(QueueName.Scores, { concurrency: 1 })
export class ScoresProcessor extends WorkerHost {
  private readonly logger = new Logger('ScoresProcessor');
  private readonly lock: OrgLock;
  private readonly coverage: ScoreRunCoverage;

  constructor(
    private readonly scores: ScoreComputeService,
    @InjectQueue(QueueName.Scores) queue: Queue,
    @InjectQueue(QueueName.Segments) private readonly segments: Queue,
    @InjectQueue(QueueName.Alerts) private readonly alerts: Queue,
    @Inject(HUBPULSE_CONFIG) config: HubpulseConfig,
    private readonly compaction: CompactionService,
    @Optional() @Inject(PATTERN_RECOMPUTE) private readonly patterns?: PatternRecompute,
  ) {
    super();
    this.lock = new OrgLock(async () => (await queue.client) as unknown as RedisLike, `${config.redis.prefix}:lock:scores`);
    this.coverage = new ScoreRunCoverage(queue, `${config.redis.prefix}:scores:covered_id`);
  }

  async process(job: Job, token?: string): Promise<ScoreRunResult> {
    const name = job.name as ScoresJob;
    switch (name) {
      case JobName.ScoresRecompute: {
        const data = job.data as JobPayloads[JobName.ScoresRecompute];
        const held = await this.lock.acquire();
        if (!held) {
          await job.moveToDelayed(Date.now() + 5_000, token);
          throw new DelayedError('another score job holds the organisation lock');
        }
        try {
          // Queued while a run that has since finished was reading: nothing is left for it to do.
          if (await this.coverage.covers(job)) return await this.scores.covered();
          const startId = await this.coverage.start();
          const report = (pct: number, phase: string) => job.updateProgress({ pct, phase } satisfies ScoreJobProgress);
          const hasPatterns = !!this.patterns;
          const share = hasPatterns ? 0.7 : 1;
          const result = await this.scores.recompute({ kind: data.kind ?? 'auto', from: data.from, to: data.to }, (pct, phase) =>
            report(Math.round(pct * share), phase),
          );
          if (this.patterns && result.from && result.to) {
            await this.patterns.recompute({ from: result.from, to: result.to }, (pct, phase) => report(70 + Math.round(pct * 0.3), phase));
          }
          await report(100, 'done');
          await this.coverage.finished(startId);
          // Still under the lock, so no score run writes while partitions are merged. A failure is
          // logged, never the job's: the next run tries again.
          await this.compaction.compact(COMPACT_QUIET_MINUTES).catch((err: unknown) => this.logger.warn(`compaction failed: ${err instanceof Error ? err.message : String(err)}`));
          // Segment rules read scores, personas and recent actions: refresh the dynamic segments now
          // rather than at the next schedule (a no-op while one refresh is already waiting).
          if (result.from && result.to) {
            await this.segments.add(JobName.SegmentsRefresh, { reason: 'scores' }, { ...SEGMENT_JOB_OPTS, jobId: SEGMENTS_AFTER_SCORES_ID });
            // Purpose indices moved: the index alerts are evaluated (by the API processes, through its disclosure layer).
            const alert: JobPayloads[JobName.AlertsEvaluate] = { reason: 'scores' };
            await this.alerts.add(JobName.AlertsEvaluate, alert, ALERT_JOB_OPTS);
          }
          return result;
        } finally {
          await held.release();
        }
      }
      default: {
        const unhandled: never = name;
        throw new Error(`scores queue has no handler for job "${String(unhandled)}"`);
      }
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    if (error instanceof DelayedError) return;
    this.logger.error(`${job?.name ?? 'job'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
  }
}
