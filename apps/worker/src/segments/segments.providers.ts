import type { Provider } from '@nestjs/common';
import { SegmentDefinitionsRepository } from '@hubpulse/database';
import { SegmentComputeService } from './segment-compute.service';
import { SEGMENT_DEFINITION_SOURCE } from './segment-definition.source';
import { SegmentPreviewService } from './segment-preview.service';
import { SegmentScheduleService } from './segment-schedule.service';
import { SegmentStore } from './segment-store.repository';
import { SegmentsProcessor } from './segments.processor';

/**
 * The segment worker. Definitions come from the relational store (SegmentDefinitionsRepository,
 * libs/database) in every process that runs it, the standalone worker included; the API process
 * itself needs only SegmentStore and SegmentPreviewService.
 */
export const SEGMENT_PROVIDERS: Provider[] = [
  SegmentDefinitionsRepository,
  { provide: SEGMENT_DEFINITION_SOURCE, useExisting: SegmentDefinitionsRepository },
  SegmentStore,
  SegmentComputeService,
  SegmentPreviewService,
  SegmentsProcessor,
  SegmentScheduleService,
];
