import type { Job, Queue } from 'bullmq';
import type { JobPayloads, JobName } from '@hubpulse/queue';

interface RedisLike {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<unknown>;
}

/**
 * Which automatic score jobs a finished run has made redundant.
 *
 * Every nudge after ingestion that finds no debounced job waiting adds a new one, so a burst of
 * ingestion while a run holds the organisation lock queues many jobs, and each would recompute the
 * same days again (a full recompute each, after a backfill). A run reads every event stored before it
 * started, so an automatic job queued before the start of a run that then finished has nothing left to
 * do. "Before" is told by BullMQ's job ids, which one Redis counter hands out in order: no clock is
 * compared, so clock skew between API and worker machines cannot make a job look covered.
 *
 * Only automatic jobs without an explicit range are ever skipped: full recomputes (a model change, a
 * manual request), ranged jobs (after an import) and the schedule's repeatable jobs (ids not numeric)
 * always run. Callers hold the organisation lock, so runs do not overlap.
 */
export class ScoreRunCoverage {
  constructor(
    private readonly queue: Pick<Queue, 'client' | 'keys'>,
    /** Where the newest covered job id is kept, e.g. `${prefix}:scores:covered_id`. */
    private readonly key: string,
  ) {}

  /** True when a run that started after this job was queued has finished. */
  async covers(job: Pick<Job, 'id' | 'data'>): Promise<boolean> {
    const data = job.data as JobPayloads[JobName.ScoresRecompute];
    if ((data.kind ?? 'auto') !== 'auto' || data.from !== undefined || data.to !== undefined) return false;
    const id = numericId(job.id);
    if (id === null) return false;
    const covered = await (await this.client()).get(this.key);
    return covered !== null && id <= Number(covered);
  }

  /** Call as a run starts: the newest job id queued so far. */
  async start(): Promise<number> {
    return Number((await (await this.client()).get(this.queue.keys.id)) ?? 0);
  }

  /** Call when that run finished: every job up to `startId` is covered. */
  async finished(startId: number): Promise<void> {
    const client = await this.client();
    const before = Number((await client.get(this.key)) ?? 0);
    if (startId > before) await client.set(this.key, String(startId));
  }

  private async client(): Promise<RedisLike> {
    return (await this.queue.client) as unknown as RedisLike;
  }
}

function numericId(id: string | undefined): number | null {
  return id !== undefined && /^\d+$/.test(id) ? Number(id) : null;
}
