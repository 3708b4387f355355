import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { JobName, QueueName, SCORES_DEBOUNCE_ID, type JobPayloads } from '@hubpulse/queue';

/** Nudges within this window are coalesced into one Redis call (trailing edge: none is lost). */
const COALESCE_MS = 250;

/**
 * After ingestion, asks for a score recompute once things are quiet: a delayed job whose delay
 * restarts with every nudge (BullMQ deduplication in debounce mode: extend + replace). Under
 * continuous ingestion the scheduled recompute keeps scores fresh.
 */
@Injectable()
export class ScoreNudgeService implements OnModuleDestroy {
  private readonly logger = new Logger('ScoreNudge');
  private pending: NodeJS.Timeout | null = null;

  constructor(
    @InjectQueue(QueueName.Scores) private readonly queue: Queue,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  /** Call after events are stored. */
  nudge(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.enqueueDebounced();
    }, COALESCE_MS);
  }

  private enqueueDebounced(): void {
    const delay = this.config.scores.debounceMs;
    const data: JobPayloads[JobName.ScoresRecompute] = { reason: 'ingest' };
    this.queue
      .add(JobName.ScoresRecompute, data, {
        delay,
        deduplication: { id: SCORES_DEBOUNCE_ID, ttl: Math.max(delay, 1), extend: true, replace: true },
        attempts: 3,
        backoff: { type: 'exponential', delay: 5000 },
        removeOnComplete: 100,
        removeOnFail: 500,
      })
      // The events are stored already; a missed nudge is caught by the scheduled recompute.
      .catch((err: Error) => this.logger.warn(`could not enqueue score recompute: ${err.message}`));
  }

  /** Enqueue now (manual, seeding); returns the job id. */
  async now(reason: JobPayloads[JobName.ScoresRecompute]['reason']): Promise<string | undefined> {
    const job = await this.queue.add(JobName.ScoresRecompute, { reason }, { attempts: 3, removeOnComplete: 100, removeOnFail: 500 });
    return job.id;
  }

  onModuleDestroy(): void {
    if (this.pending) clearTimeout(this.pending);
  }
}
