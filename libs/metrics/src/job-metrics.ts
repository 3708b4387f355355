import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import type { Job, Queue, Worker } from 'bullmq';
import { JobName, QueueName } from '@hubpulse/queue';
import { Metrics } from './metrics';

const JOB_NAMES = new Set<string>(Object.values(JobName));

/**
 * Job durations and failures, observed on the BullMQ workers of this process (every processor's,
 * inline in the API or in apps/worker), from their completed and failed events: one place for all
 * queues, no processor has to remember. A job put back (DelayedError, the score lock) emits neither.
 */
@Injectable()
export class JobMetrics implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    for (const { instance } of this.discovery.getProviders()) {
      if (!(instance instanceof WorkerHost)) continue;
      const worker = workerOf(instance);
      if (!worker) continue;
      const queue = worker.name;
      worker.on('completed', (job: Job) => this.observe(queue, job, 'completed'));
      worker.on('failed', (job: Job | undefined) => {
        const name = jobLabel(job?.name);
        this.metrics.jobFailures.inc({ queue, job: name });
        if (job) this.observe(queue, job, 'failed');
      });
    }
  }

  private observe(queue: string, job: Job, outcome: 'completed' | 'failed'): void {
    const started = job.processedOn ?? Date.now();
    this.metrics.jobDuration.observe({ queue, job: jobLabel(job.name), outcome }, Math.max(0, (job.finishedOn ?? Date.now()) - started) / 1000);
  }
}

/** A processor's BullMQ worker; none when no BullModule started it (a processor provided alone, in a test module). */
function workerOf(host: WorkerHost): Worker | undefined {
  try {
    return host.worker;
  } catch {
    return undefined;
  }
}

/** Job names come from code, but a stray job added by hand must not add a series. */
const jobLabel = (name: string | undefined) => (name && JOB_NAMES.has(name) ? name : 'other');

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
const REDIS_WAIT_MS = 2000;

/**
 * Queue depths read from Redis at scrape time (getJobCounts). Registered in the API only: the counts
 * are the same from every process, and one reader is enough. If Redis does not answer in time the
 * series are dropped for that scrape (an absent series is visible; a stale one is not).
 */
@Injectable()
export class QueueDepthMetrics implements OnApplicationBootstrap {
  private readonly logger = new Logger('Metrics');

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    const queues = Object.values(QueueName).map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    this.metrics.onScrape(async () => {
      try {
        const counts = await Promise.race([
          Promise.all(queues.map((q) => q.getJobCounts(...STATES))),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`Redis did not answer in ${REDIS_WAIT_MS} ms`)), REDIS_WAIT_MS).unref()),
        ]);
        queues.forEach((q, i) => STATES.forEach((state) => this.metrics.queueJobs.set({ queue: q.name, state }, counts[i][state] ?? 0)));
      } catch (err) {
        this.metrics.queueJobs.reset();
        this.logger.warn(`queue depths not collected: ${(err as Error).message}`);
      }
    });
  }
}
