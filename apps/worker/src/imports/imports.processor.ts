import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName, QueueName, type ImportMeta, type JobPayloads } from '@hubpulse/queue';
import { ImportRunService } from './import-run.service';
import { ImportFileError } from './import-row';

/** The jobs of the `imports` queue (JOBS_BY_QUEUE); the switch below must handle each. */
type ImportsJob = JobName.ImportsRun;

/**
 * One processor per queue; one import at a time per process (an import is a long, I/O-bound
 * stream; running two would only split the same disk and ClickHouse between them).
 */
@Processor(QueueName.Imports, { concurrency: 1 })
export class ImportsProcessor extends WorkerHost {
  private readonly logger = new Logger('ImportsProcessor');

  constructor(private readonly imports: ImportRunService) {
    super();
  }

  async process(job: Job): Promise<ImportMeta> {
    const name = job.name as ImportsJob;
    switch (name) {
      case JobName.ImportsRun: {
        const { importId } = job.data as JobPayloads[JobName.ImportsRun];
        return this.run(job, importId);
      }
      default: {
        const unhandled: never = name;
        throw new Error(`imports queue has no handler for job "${String(unhandled)}"`);
      }
    }
  }

  private async run(job: Job, importId: string): Promise<ImportMeta> {
    const attempt = job.attemptsMade + 1;
    try {
      return await this.imports.run(importId, attempt, (p) => job.updateProgress({ ...p }));
    } catch (err) {
      const message = (err as Error).message;
      // A bad file fails for good; a storage error is retried (from the top: re-stored rows count once).
      const final = err instanceof ImportFileError || attempt >= (job.opts.attempts ?? 1);
      // meta.error is shown to clients: a file's problem as is, a store's own text only in this log.
      const shown = err instanceof ImportFileError ? message : `storage error (logged by the worker under import ${importId}, attempt ${attempt})`;
      if (!(err instanceof ImportFileError)) this.logger.error(`import ${importId} attempt ${attempt}: ${(err as Error).stack ?? message}`);
      await this.imports.markFailed(importId, shown, final).catch((e: Error) => this.logger.error(`import ${importId}: could not record the failure: ${e.message}`));
      throw err instanceof ImportFileError ? new UnrecoverableError(message) : err;
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    const line = `${job?.name ?? 'job'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`;
    // An unusable file is the uploader's mistake, reported in the import; storage failures are ours.
    if (error instanceof UnrecoverableError) this.logger.warn(line);
    else this.logger.error(line);
  }
}
