import { Module } from '@nestjs/common';
import { IngestionModule } from '@hubpulse/ingestion';
import { DirectoryController } from './directory.controller';
import { DirectoryHistoryController } from './directory-history.controller';
import { DirectoryService } from './directory.service';

@Module({ imports: [IngestionModule], controllers: [DirectoryController, DirectoryHistoryController], providers: [DirectoryService], exports: [DirectoryService] })
export class DirectoryModule {}
