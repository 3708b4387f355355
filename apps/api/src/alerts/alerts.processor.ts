import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobName, QueueName, type JobPayloads } from '@hubpulse/queue';
import { AlertEvaluatorService } from './alert-evaluator.service';

/** The jobs of the `alerts` queue (JOBS_BY_QUEUE); the switch below must handle each. */
type AlertsJob = JobName.AlertsEvaluate;

/**
 * Runs in the API processes (not apps/worker): an index alert reads purpose indices through the API's
 * disclosure layer. One at a time per process; evaluations are idempotent, so a retry sends nothing twice.
 */
@Processor(QueueName.Alerts, { concurrency: 1 })
export class AlertsProcessor extends WorkerHost {
  private readonly logger = new Logger('AlertsProcessor');

  constructor(private readonly evaluator: AlertEvaluatorService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const name = job.name as AlertsJob;
    switch (name) {
      case JobName.AlertsEvaluate:
        return this.evaluator.run(job.data as JobPayloads[JobName.AlertsEvaluate]);
      default: {
        const unhandled: never = name;
        throw new Error(`alerts queue has no handler for job "${String(unhandled)}"`);
      }
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(`${job?.name ?? 'job'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
  }
}
