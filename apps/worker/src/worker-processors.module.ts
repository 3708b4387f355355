import { Module } from '@nestjs/common';
import { AudiencesModule } from '@hubpulse/audiences';
import { JOBS_BY_QUEUE, JobName } from '@hubpulse/queue';
import { ImportWorkerModule } from './imports/import-worker.module';
import { PatternComputeService } from './patterns/pattern-compute.service';
import { GOAL_LINK_AUDIENCE_PROVIDERS } from './patterns/goal-link-audiences.service';
import { ScoreComputeService } from './scores/score-compute.service';
import { ScoreScheduleService } from './scores/score-schedule.service';
import { PATTERN_RECOMPUTE, ScoresProcessor } from './scores/scores.processor';
import { SegmentComputeService } from './segments/segment-compute.service';
import { SegmentScheduleService } from './segments/segment-schedule.service';
import { SegmentsProcessor } from './segments/segments.processor';

// Start-up fails if a job name has no queue or belongs to two (the processors' switches are exhaustive).
const seen = new Map<string, string>();
for (const [queue, jobs] of Object.entries(JOBS_BY_QUEUE)) {
  for (const job of jobs) {
    if (seen.has(job)) throw new Error(`job ${job} is registered on ${seen.get(job)} and ${queue}`);
    seen.set(job, queue);
  }
}
for (const job of Object.values(JobName)) if (!seen.has(job)) throw new Error(`job ${job} belongs to no queue`);

/**
 * Every BullMQ processor. Imported by apps/worker (external workers) and by the API when
 * HUBPULSE_WORKERS=inline: one codebase, two processes. Segment definitions, memberships and the
 * preview come from @hubpulse/audiences (the API imports the same module).
 */
@Module({
  imports: [AudiencesModule, ImportWorkerModule],
  providers: [ScoreComputeService, ScoresProcessor, ScoreScheduleService, PatternComputeService, { provide: PATTERN_RECOMPUTE, useExisting: PatternComputeService }, SegmentComputeService, SegmentsProcessor, SegmentScheduleService, ...GOAL_LINK_AUDIENCE_PROVIDERS],
  exports: [ScoreComputeService, PatternComputeService, SegmentComputeService],
})
export class WorkerProcessorsModule {}
