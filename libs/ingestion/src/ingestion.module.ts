import { Module } from '@nestjs/common';
import { EventsRepository } from './events.repository';
import { ImportsRepository } from './imports.repository';

/** The storage both processes share for ingestion: the `events` table and the imports folder. */
@Module({ providers: [EventsRepository, ImportsRepository], exports: [EventsRepository, ImportsRepository] })
export class IngestionModule {}
