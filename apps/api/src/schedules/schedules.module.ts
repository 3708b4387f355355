import { Module } from '@nestjs/common';
import { DeliveryModule } from '../delivery';
import { ExportsModule } from '../exports/exports.module';
import { GoalsModule } from '../goals/goals.module';
import { OverviewModule } from '../overview/overview.module';
import { PdfRenderer } from './pdf-renderer';
import { ScheduleContentService } from './schedule-content.service';
import { ScheduleClock, ScheduleRunner } from './schedule-runner.service';
import { SchedulesController } from './schedules.controller';
import { SchedulesService } from './schedules.service';

/**
 * Scheduled reports: the API, the content (server exports read as each recipient role; PDFs by
 * Chromium) and the runner, which checks for due schedules in every API process (one sends each run).
 */
@Module({
  imports: [DeliveryModule, ExportsModule, OverviewModule, GoalsModule],
  controllers: [SchedulesController],
  providers: [SchedulesService, ScheduleRunner, ScheduleClock, ScheduleContentService, PdfRenderer],
})
export class SchedulesModule {}
