import { Global, Module } from '@nestjs/common';
import { SegmentDefinitionsRepository } from '@hubpulse/database';
import { SEGMENT_DEFINITION_SOURCE } from '../../../worker/src/segments/segment-definition.source';

/**
 * The segments worker reads definitions through SEGMENT_DEFINITION_SOURCE; in the API process (and
 * its inline workers) they come from the relational store. Global, so the worker processors
 * registered beside the API find it too.
 */
@Global()
@Module({
  providers: [SegmentDefinitionsRepository, { provide: SEGMENT_DEFINITION_SOURCE, useExisting: SegmentDefinitionsRepository }],
  exports: [SegmentDefinitionsRepository, SEGMENT_DEFINITION_SOURCE],
})
export class SegmentDefinitionSourceModule {}
