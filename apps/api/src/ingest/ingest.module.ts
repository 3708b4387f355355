import { Module } from '@nestjs/common';
import { EventWriter } from './event-writer.service';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { ScoreNudgeService } from './score-nudge.service';

@Module({
  controllers: [EventsController],
  providers: [EventWriter, EventsService, ScoreNudgeService],
  exports: [EventsService, EventWriter, ScoreNudgeService],
})
export class IngestModule {}
