import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { JobName, QueueName, registerSchedule, SCORES_SCHEDULER_ID } from '@hubpulse/queue';

/** Registers the periodic recompute (idempotent: one scheduler id, whoever registers it). */
@Injectable()
export class ScoreScheduleService implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Scores) private readonly queue: Queue,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const every = this.config.scores.everyMinutes;
    await registerSchedule(this.queue, {
      id: SCORES_SCHEDULER_ID,
      everyMinutes: every,
      job: JobName.ScoresRecompute,
      opts: { attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
      log: ['Scores', `recompute scheduled every ${every} min`],
    });
  }
}
