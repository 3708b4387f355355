import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { JobName, QueueName, SCORES_DEBOUNCE_ID, type JobPayloads } from '@hubpulse/queue';

/**
 * After ingestion, asks for a score recompute once things are quiet: one delayed job per debounce
 * window (BullMQ deduplication), and at most one Redis call per second from this process.
 */
@Injectable()
export class ScoreNudgeService {
  private readonly logger = new Logger('ScoreNudge');
  private lastNudge = 0;

  constructor(
    @InjectQueue(QueueName.Scores) private readonly queue: Queue,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  nudge(): void {
    const now = Date.now();
    if (now - this.lastNudge < 1000) return;
    this.lastNudge = now;
    const delay = this.config.scores.debounceMs;
    const data: JobPayloads[JobName.ScoresRecompute] = { reason: 'ingest' };
    this.queue
      .add(JobName.ScoresRecompute, data, {
        delay,
        deduplication: { id: SCORES_DEBOUNCE_ID, ttl: Math.max(delay, 1000) },
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
}
