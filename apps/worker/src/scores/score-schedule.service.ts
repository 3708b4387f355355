import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { JobName, QueueName, SCORES_SCHEDULER_ID } from '@hubpulse/queue';

/** Registers the periodic recompute (idempotent: one scheduler id, whoever registers it). */
@Injectable()
export class ScoreScheduleService implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Scores) private readonly queue: Queue,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      SCORES_SCHEDULER_ID,
      { every: this.config.scores.everyMinutes * 60_000 },
      { name: JobName.ScoresRecompute, data: { reason: 'schedule' }, opts: { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: 100, removeOnFail: 500 } },
    );
    new Logger('Scores').log(`recompute scheduled every ${this.config.scores.everyMinutes} min`);
  }
}
