import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { JobName, QueueName, SEGMENT_JOB_OPTS, SEGMENTS_SCHEDULER_ID } from '@hubpulse/queue';

/**
 * Registers the periodic refresh of dynamic segments (idempotent: one scheduler id). It runs at the
 * score cadence (HUBPULSE_SCORE_EVERY_MINUTES): the scores and personas that rules read change at
 * that rate. Static segments are never refreshed.
 */
@Injectable()
export class SegmentScheduleService implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Segments) private readonly queue: Queue,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SEGMENTS_SCHEDULER_ID,
      { every: this.config.scores.everyMinutes * 60_000 },
      { name: JobName.SegmentsRefresh, data: { reason: 'schedule' }, opts: { ...SEGMENT_JOB_OPTS, removeOnComplete: 100, removeOnFail: 500 } },
    );
    new Logger('Segments').log(`dynamic segments refreshed every ${this.config.scores.everyMinutes} min`);
  }
}
