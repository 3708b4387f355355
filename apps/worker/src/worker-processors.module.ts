import { Module } from '@nestjs/common';
import { JOBS_BY_QUEUE, JobName } from '@hubpulse/queue';
import { ImportWorkerModule } from './imports/import-worker.module';
import { PatternComputeService } from './patterns/pattern-compute.service';
import { STRATEGY_AUDIENCE_PROVIDER } from './patterns/goal-link-audience.source';
import { ScoreComputeService } from './scores/score-compute.service';
import { ScoreScheduleService } from './scores/score-schedule.service';
import { PATTERN_RECOMPUTE, ScoresProcessor } from './scores/scores.processor';
import { ScoringModelsRepository } from '@hubpulse/database';
import { SEGMENT_PROVIDERS } from './segments/segments.providers';
import { SegmentComputeService } from './segments/segment-compute.service';
import { SegmentPreviewService } from './segments/segment-preview.service';
import { SegmentStore } from './segments/segment-store.repository';

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
 * HUBPULSE_WORKERS=inline: one codebase, two processes.
 */
@Module({
  imports: [ImportWorkerModule],
  providers: [ScoringModelsRepository, ScoreComputeService, ScoresProcessor, ScoreScheduleService, PatternComputeService, { provide: PATTERN_RECOMPUTE, useExisting: PatternComputeService }, ...SEGMENT_PROVIDERS, STRATEGY_AUDIENCE_PROVIDER],
  exports: [ScoreComputeService, PatternComputeService, SegmentComputeService, SegmentPreviewService, SegmentStore],
})
export class WorkerProcessorsModule {}
