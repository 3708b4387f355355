import { Global, Module } from '@nestjs/common';
import { ProgrammesRepository, SegmentDefinitionsRepository } from '@hubpulse/database';
import { SEGMENT_DEFINITION_SOURCE, type SegmentDefinitionSource } from './segment-definition-source';
import { SegmentMembershipRepository } from './segment-membership.repository';
import { SegmentPreviewService } from './segment-preview.service';

/**
 * What the API and the segments worker share about segments: the definitions (relational store,
 * also as SEGMENT_DEFINITION_SOURCE, which the worker and the preview read them through, with the
 * membership versions launched programmes pinned from ProgrammesRepository), the
 * memberships and runs (SegmentMembershipRepository, the one owner of segment_members and
 * segment_runs) and the live preview. Both processes import this module; it is global, so the
 * disclosure layer, the goal links and the worker processors registered beside the API (inline
 * workers) find the same instances.
 */
@Global()
@Module({
  providers: [
    SegmentDefinitionsRepository,
    {
      provide: SEGMENT_DEFINITION_SOURCE,
      inject: [SegmentDefinitionsRepository, ProgrammesRepository],
      useFactory: (defs: SegmentDefinitionsRepository, programmes: ProgrammesRepository): SegmentDefinitionSource => ({
        get: (id) => defs.get(id),
        listDynamic: () => defs.listDynamic(),
        pinnedVersions: (segmentIds) => programmes.pinnedVersions(segmentIds),
      }),
    },
    SegmentMembershipRepository,
    SegmentPreviewService,
  ],
  exports: [SegmentDefinitionsRepository, SEGMENT_DEFINITION_SOURCE, SegmentMembershipRepository, SegmentPreviewService],
})
export class AudiencesModule {}
