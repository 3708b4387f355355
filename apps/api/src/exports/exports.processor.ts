import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName, QueueName, type JobPayloads } from '@hubpulse/queue';
import { ExportRefusedError, ExportsService } from './exports.service';

/** The jobs of the `exports` queue (JOBS_BY_QUEUE); the switch below must handle each. */
type ExportsJob = JobName.ExportsRun | JobName.ExportsSweep;

/**
 * Runs in the API processes (not apps/worker): an export reads views through the API's services and
 * its disclosure layer. Two at a time per process: most are small tables, and a large one streams.
 */
@Processor(QueueName.Exports, { concurrency: 2 })
export class ExportsProcessor extends WorkerHost {
  private readonly logger = new Logger('ExportsProcessor');

  constructor(private readonly exports: ExportsService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const name = job.name as ExportsJob;
    switch (name) {
      case JobName.ExportsRun:
        return this.run(job, (job.data as JobPayloads[JobName.ExportsRun]).exportId);
      case JobName.ExportsSweep:
        return { expired: await this.exports.sweep() };
      default: {
        const unhandled: never = name;
        throw new Error(`exports queue has no handler for job "${String(unhandled)}"`);
      }
    }
  }

  private async run(job: Job, exportId: string): Promise<void> {
    const attempt = job.attemptsMade + 1;
    try {
      await this.exports.run(exportId);
    } catch (err) {
      const message = (err as Error).message;
      // A refusal (author gone, role changed) or a 4xx (a bad parameter, a segment without a membership) is final and its message is the user's; anything else is retried once.
      const clientError = err instanceof ExportRefusedError || isClientMessage(err);
      const final = clientError || attempt >= (job.opts.attempts ?? 1);
      if (final) {
        const shown = clientError ? message : `the export failed (logged by the server under export ${exportId})`;
        await this.exports.markFailed(exportId, shown).catch((e: Error) => this.logger.error(`export ${exportId}: could not record the failure: ${e.message}`));
      }
      if (!clientError) this.logger.error(`export ${exportId} attempt ${attempt}: ${(err as Error).stack ?? message}`);
      throw final ? new UnrecoverableError(message) : err;
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(`${job?.name ?? 'job'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
  }
}

/** Nest's 4xx exceptions carry a message meant for the user (a segment without a membership, a programme not found). */
function isClientMessage(err: unknown): boolean {
  const status = (err as { getStatus?: () => number }).getStatus?.();
  return typeof status === 'number' && status >= 400 && status < 500;
}
