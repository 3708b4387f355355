import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { IngestHttpHandler } from './ingest-http.handler';
import { EventWriter } from './event-writer.service';
import { EventsController } from './events.controller';
import { EventsService } from './events.service';
import { ScoreNudgeService } from './score-nudge.service';

@Module({
  imports: [AuthModule],
  controllers: [EventsController],
  providers: [EventWriter, EventsService, ScoreNudgeService, IngestHttpHandler],
  exports: [EventsService, EventWriter, ScoreNudgeService, IngestHttpHandler],
})
export class IngestModule {}
