import { InjectQueue } from '@nestjs/bullmq';
import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { EXPORTS_SWEEP_ID, JobName, QueueName, registerSchedule } from '@hubpulse/queue';
import { ContentModule } from '../content/content.module';
import { EngagementModule } from '../engagement/engagement.module';
import { GoalsModule } from '../goals/goals.module';
import { IngestModule } from '../ingest/ingest.module';
import { OverviewModule } from '../overview/overview.module';
import { PatternsModule } from '../patterns/patterns.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { SegmentsModule } from '../segments/segments.module';
import { ExportViewsService } from './export-views.service';
import { ExportsController } from './exports.controller';
import { ExportsProcessor } from './exports.processor';
import { ExportsService } from './exports.service';

/**
 * Server exports. The `exports` queue is consumed by the API processes themselves (ExportsProcessor):
 * a view's rows come from the API's read services and disclosure layer. Files live under
 * `<data dir>/exports/`; with several API hosts that folder must be shared (as imports' is).
 */
@Module({
  imports: [OverviewModule, EngagementModule, PatternsModule, SegmentsModule, ProgrammesModule, GoalsModule, IngestModule, ContentModule],
  controllers: [ExportsController],
  providers: [ExportViewsService, ExportsService, ExportsProcessor],
  exports: [ExportViewsService, ExportsService],
})
export class ExportsModule implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.Exports) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await registerSchedule(this.queue, {
      id: EXPORTS_SWEEP_ID,
      everyMinutes: 60,
      job: JobName.ExportsSweep,
      opts: { attempts: 1 },
      log: ['Exports', 'export files are deleted hourly once past their retention'],
    });
  }
}
