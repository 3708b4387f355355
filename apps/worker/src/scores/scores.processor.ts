import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, QueueName, type JobPayloads } from '@hubpulse/queue';
import { ScoreComputeService, type ScoreRunResult } from './score-compute.service';

type ScoresJob = JobName.ScoresRecompute;

/** One processor per queue; concurrency 1 so a recompute never runs twice at once in this process. */
@Processor(QueueName.Scores, { concurrency: 1 })
export class ScoresProcessor extends WorkerHost {
  private readonly logger = new Logger('ScoresProcessor');

  constructor(private readonly scores: ScoreComputeService) {
    super();
  }

  async process(job: Job): Promise<ScoreRunResult> {
    const name = job.name as ScoresJob;
    switch (name) {
      case JobName.ScoresRecompute: {
        const data = job.data as JobPayloads[JobName.ScoresRecompute];
        return this.scores.recompute({ from: data.from, to: data.to }, (pct) => job.updateProgress(pct));
      }
      default: {
        const unhandled: never = name;
        throw new Error(`scores queue has no handler for job "${String(unhandled)}"`);
      }
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.error(`${job?.name ?? 'job'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
  }
}
