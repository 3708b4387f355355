import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { JobName, QueueName, registerSchedule, SEGMENT_JOB_OPTS, SEGMENTS_SCHEDULER_ID } from '@hubpulse/queue';

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
    const every = this.config.scores.everyMinutes;
    await registerSchedule(this.queue, {
      id: SEGMENTS_SCHEDULER_ID,
      everyMinutes: every,
      job: JobName.SegmentsRefresh,
      opts: SEGMENT_JOB_OPTS,
      log: ['Segments', `dynamic segments refreshed every ${every} min`],
    });
  }
}
