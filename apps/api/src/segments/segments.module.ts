import { Module } from '@nestjs/common';
import { AuditLogRepository } from '@hubpulse/database';
import { SegmentPreviewService } from '../../../worker/src/segments/segment-preview.service';
import { SegmentStore } from '../../../worker/src/segments/segment-store.repository';
import { AuditController } from './audit.controller';
import { SegmentChannelsService } from './segment-channels.service';
import { SegmentDefinitionSourceModule } from './segment-definition-source.module';
import { SegmentMembersService } from './segment-members.service';
import { SegmentReadsRepository } from './segment-reads.repository';
import { SegmentSizesService } from './segment-sizes.service';
import { SegmentStartersService } from './segment-starters.service';
import { SegmentsController } from './segments.controller';
import { SegmentsService } from './segments.service';

/**
 * The Audiences area's API: segment definitions, preview, memberships with privacy, channel
 * statistics, member lists and exports (audited), starter segments. SegmentStore and
 * SegmentPreviewService come from the segments worker's code (stateless readers), so the API serves
 * them with external workers too.
 */
@Module({
  imports: [SegmentDefinitionSourceModule],
  controllers: [SegmentsController, AuditController],
  providers: [
    SegmentStore,
    SegmentPreviewService,
    SegmentReadsRepository,
    SegmentSizesService,
    SegmentsService,
    SegmentMembersService,
    SegmentChannelsService,
    SegmentStartersService,
    AuditLogRepository,
  ],
  exports: [SegmentsService, SegmentChannelsService, SegmentReadsRepository],
})
export class SegmentsModule {}
