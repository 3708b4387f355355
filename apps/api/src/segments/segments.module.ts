import { Module } from '@nestjs/common';
import { AudiencesModule } from '@hubpulse/audiences';
import { SegmentChannelsService } from './segment-channels.service';
import { SegmentMembersService } from './segment-members.service';
import { SegmentReadsRepository } from './segment-reads.repository';
import { SegmentSizesService } from './segment-sizes.service';
import { SegmentStartersService } from './segment-starters.service';
import { SegmentsController } from './segments.controller';
import { SegmentsService } from './segments.service';

/**
 * The Audiences area's API: segment definitions, preview, memberships with privacy, channel
 * statistics, member lists and exports (audited), starter segments. Definitions, memberships and
 * the preview come from @hubpulse/audiences (AudiencesModule, shared with the segments worker), so
 * the API serves them with external workers too.
 */
@Module({
  imports: [AudiencesModule],
  controllers: [SegmentsController],
  providers: [
    SegmentReadsRepository,
    SegmentSizesService,
    SegmentsService,
    SegmentMembersService,
    SegmentChannelsService,
    SegmentStartersService,
  ],
  exports: [SegmentsService, SegmentChannelsService, SegmentMembersService, SegmentReadsRepository],
})
export class SegmentsModule {}
