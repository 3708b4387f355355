import { Module } from '@nestjs/common';
import { IngestionModule } from '@hubpulse/ingestion';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** Bulk file import: upload, status and error report. The import itself runs in the `imports` worker. */
@Module({ imports: [IngestionModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
