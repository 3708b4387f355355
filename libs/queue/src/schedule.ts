import { Logger } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';

/**
 * Registers a periodic job under a fixed scheduler id: idempotent, so every process may call it at
 * start and there is still one schedule.
 */
export async function registerSchedule(
  queue: Queue,
  schedule: { id: string; everyMinutes: number; job: string; opts: JobsOptions; log: [context: string, message: string] },
): Promise<void> {
  await queue.upsertJobScheduler(
    schedule.id,
    { every: schedule.everyMinutes * 60_000 },
    { name: schedule.job, data: { reason: 'schedule' }, opts: { ...schedule.opts, removeOnComplete: 100, removeOnFail: 500 } },
  );
  new Logger(schedule.log[0]).log(schedule.log[1]);
}
