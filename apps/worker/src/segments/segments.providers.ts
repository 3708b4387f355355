import { SegmentComputeService } from './segment-compute.service';
import { SegmentPreviewService } from './segment-preview.service';
import { SegmentScheduleService } from './segment-schedule.service';
import { SegmentStore } from './segment-store.repository';
import { SegmentsProcessor } from './segments.processor';

/**
 * The segment worker. SEGMENT_DEFINITION_SOURCE is provided by the module owning the definitions
 * (relational store); the API process needs only SegmentStore and SegmentPreviewService.
 */
export const SEGMENT_PROVIDERS = [SegmentStore, SegmentComputeService, SegmentPreviewService, SegmentsProcessor, SegmentScheduleService];
