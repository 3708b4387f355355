import { Module } from '@nestjs/common';
import { EventRowsRepository } from './event-rows.repository';
import { ImportsRepository } from './imports.repository';
import { PeopleWriterService } from './people-writer.service';

/**
 * The storage both processes share for ingestion: the `events` table, the imports folder, and the
 * people writer (the directory and its ClickHouse copy, through their owners).
 */
@Module({ providers: [EventRowsRepository, ImportsRepository, PeopleWriterService], exports: [EventRowsRepository, ImportsRepository, PeopleWriterService] })
export class IngestionModule {}
