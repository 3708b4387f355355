import { InjectQueue, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import { JobName, QueueName, SEGMENT_JOB_OPTS, segmentRecomputeJobId, type JobPayloads } from '@hubpulse/queue';
import { SegmentComputeService, SegmentRunError, type SegmentRunResult } from './segment-compute.service';

type SegmentsJob = JobName.SegmentsRecompute | JobName.SegmentsRefresh;

/** Recomputes of one segment are repeated at most this often when its definition changed during the run. */
const MAX_CATCH_UP = 3;

/**
 * Segment jobs: one segment after a definition change (then the dynamic segments referring to it),
 * or every dynamic segment on schedule. A rule error fails the job without retries (the definition
 * must change first); a storage error throws so BullMQ retries.
 */
@Processor(QueueName.Segments, { concurrency: 1 })
export class SegmentsProcessor extends WorkerHost {
  private readonly logger = new Logger('SegmentsProcessor');

  constructor(
    private readonly segments: SegmentComputeService,
    @InjectQueue(QueueName.Segments) private readonly queue: Queue,
  ) {
    super();
  }

  async process(job: Job): Promise<SegmentRunResult | { computed: number; failed: string[] }> {
    const name = job.name as SegmentsJob;
    switch (name) {
      case JobName.SegmentsRecompute: {
        const data = job.data as JobPayloads[JobName.SegmentsRecompute];
        let result: SegmentRunResult;
        try {
          result = await this.segments.compute(data.segmentId, { reason: data.reason, force: data.reason === 'freeze' });
          // An edit that arrived while this job ran found its id taken: catch up with the newest definition.
          for (let i = 0; i < MAX_CATCH_UP && result.status === 'ok' && (await this.changedSince(data.segmentId, result)); i++) {
            result = await this.segments.compute(data.segmentId, { reason: 'definition' });
          }
        } catch (err) {
          if (err instanceof SegmentRunError && err.rule) throw new UnrecoverableError(err.message);
          throw err;
        }
        if (result.status === 'ok') {
          for (const id of await this.segments.dependents(data.segmentId)) {
            await this.queue.add(JobName.SegmentsRecompute, { segmentId: id, reason: 'reference' } satisfies JobPayloads[JobName.SegmentsRecompute], {
              ...SEGMENT_JOB_OPTS,
              jobId: segmentRecomputeJobId(id),
            });
          }
        }
        return result;
      }
      case JobName.SegmentsRefresh: {
        const results = await this.segments.refresh({ reason: (job.data as JobPayloads[JobName.SegmentsRefresh]).reason });
        const failed = results.filter((r) => r.status === 'failed').map((r) => r.segment_id);
        return { computed: results.filter((r) => r.status === 'ok').length, failed };
      }
      default: {
        const unhandled: never = name;
        throw new Error(`segments queue has no handler for job "${String(unhandled)}"`);
      }
    }
  }

  private async changedSince(segmentId: string, result: SegmentRunResult): Promise<boolean> {
    const def = await this.segments.definition(segmentId);
    return !!def && def.kind === 'dynamic' && def.definition_version !== result.definition_version;
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.error(`${job?.name ?? 'job'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`);
  }
}
