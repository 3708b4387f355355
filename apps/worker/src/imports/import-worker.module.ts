import { Module } from '@nestjs/common';
import { IngestionModule } from '@hubpulse/ingestion';
import { ImportRunService } from './import-run.service';
import { ImportsProcessor } from './imports.processor';

/** The `imports` queue: its processor and the run it drives, over the shared ingestion storage. */
@Module({ imports: [IngestionModule], providers: [ImportRunService, ImportsProcessor] })
export class ImportWorkerModule {}
