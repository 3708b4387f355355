import { Module } from '@nestjs/common';
import { EventRowsRepository } from './event-rows.repository';
import { ImportsRepository } from './imports.repository';

/** The storage both processes share for ingestion: the `events` table and the imports folder. */
@Module({ providers: [EventRowsRepository, ImportsRepository], exports: [EventRowsRepository, ImportsRepository] })
export class IngestionModule {}
