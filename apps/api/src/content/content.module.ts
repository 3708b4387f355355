import { Module } from '@nestjs/common';
import { SegmentsModule } from '../segments/segments.module';
import { ContentController } from './content.controller';
import { ContentReadsRepository } from './content-reads.repository';
import { ContentService } from './content.service';

/** The Content area's API: items, an item's page, authors and newsletters (issue 15). */
@Module({ imports: [SegmentsModule], controllers: [ContentController], providers: [ContentReadsRepository, ContentService], exports: [ContentService] })
export class ContentModule {}
