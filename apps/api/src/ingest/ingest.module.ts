import { Module } from '@nestjs/common';
import { IngestionModule } from '@hubpulse/ingestion';
import { AuthModule } from '../auth/auth.module';
import { DirectoryModule } from '../directory/directory.module';
import { EventMappingsRepository } from './event-mappings.repository';
import { EventMappingsService } from './event-mappings.service';
import { IngestStatsRepository } from './ingest-stats.repository';
import { IngestStatsService } from './ingest-stats.service';
import { IngestHttpHandler } from './ingest-http';
import { EventWriter } from './event-writer.service';
import { IngestionAdminController } from './ingestion-admin.controller';
import { EventsService } from './events.service';
import { ScoreNudgeService } from './score-nudge.service';

@Module({
  imports: [AuthModule, DirectoryModule, IngestionModule],
  controllers: [IngestionAdminController],
  providers: [EventWriter, EventsService, ScoreNudgeService, IngestHttpHandler, EventMappingsRepository, EventMappingsService, IngestStatsRepository, IngestStatsService],
  exports: [EventsService, EventWriter, ScoreNudgeService, IngestHttpHandler, EventMappingsService, IngestStatsService],
})
export class IngestModule {}
