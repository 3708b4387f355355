import type {
  DirectoryPersonDto,
  SegmentChannelStatsDto,
  SegmentCreateInput,
  SegmentDetailDto,
  SegmentJobDto,
  SegmentListDto,
  SegmentPreviewDto,
  SegmentRevisionDto,
  SegmentRule,
  SegmentSavedDto,
  SegmentUpdateInput,
} from '@hubpulse/contracts';
import { apiDownload, apiRequest, withQuery } from './api.client';
import { queryKeys } from './query-keys';

// Audience segments (issue 5): definitions, sizes, preview, composition, channels, history, members.

type Signal = { signal: AbortSignal };

const base = (id: string) => `/api/segments/${encodeURIComponent(id)}`;

export const segmentsQuery = {
  queryKey: queryKeys.segments,
  queryFn: ({ signal }: Signal) => apiRequest<SegmentListDto>('/api/segments', { signal }),
};

/** Directory people matching `q` (name, email or id): for admins and planners building rules. */
export function directoryPeopleQuery(q: string) {
  return {
    queryKey: queryKeys.segmentPeople(q),
    queryFn: ({ signal }: Signal) => apiRequest<DirectoryPersonDto[]>(withQuery('/api/segments/people', { q, limit: '20' }), { signal }),
  };
}

export function segmentQuery(id: string) {
  return {
    queryKey: queryKeys.segment(id),
    queryFn: ({ signal }: Signal) => apiRequest<SegmentDetailDto>(base(id), { signal }),
  };
}

/** Every definition version, newest first. */
export function segmentHistoryQuery(id: string) {
  return {
    queryKey: queryKeys.segmentHistory(id),
    queryFn: ({ signal }: Signal) => apiRequest<SegmentRevisionDto[]>(`${base(id)}/history`, { signal }),
  };
}

/** Without a range: the 90 days up to the newest event. */
export function segmentChannelsQuery(id: string, range: { from?: string; to?: string } = {}) {
  return {
    queryKey: queryKeys.segmentChannels(id, range),
    queryFn: ({ signal }: Signal) => apiRequest<SegmentChannelStatsDto>(withQuery(`${base(id)}/channels`, range), { signal }),
  };
}

/** A rule evaluated now, nothing stored. Keyed by the rule itself, so an unchanged rule is not asked twice. */
export function segmentPreviewQuery(rule: SegmentRule) {
  return {
    queryKey: queryKeys.segmentPreview(rule),
    queryFn: ({ signal }: Signal) => apiRequest<SegmentPreviewDto>('/api/segments/preview', { method: 'POST', body: { rule }, signal }),
  };
}

export function createSegment(input: SegmentCreateInput): Promise<SegmentSavedDto> {
  return apiRequest<SegmentSavedDto>('/api/segments', { method: 'POST', body: input });
}

export function updateSegment(id: string, input: SegmentUpdateInput): Promise<SegmentSavedDto> {
  return apiRequest<SegmentSavedDto>(base(id), { method: 'PUT', body: input });
}

/** Dynamic segments: compute the membership again now. */
export function recomputeSegment(id: string): Promise<SegmentJobDto> {
  return apiRequest<SegmentJobDto>(`${base(id)}/recompute`, { method: 'POST' });
}

/** Archive: no more recomputes, history and memberships kept; the API refuses (409) while another segment refers to it. */
export function archiveSegment(id: string): Promise<SegmentDetailDto> {
  return apiRequest<SegmentDetailDto>(base(id), { method: 'DELETE' });
}

/** Static segments: take a new frozen membership from the current rule. */
export function freezeSegment(id: string): Promise<SegmentJobDto> {
  return apiRequest<SegmentJobDto>(`${base(id)}/freeze`, { method: 'POST' });
}

export function membersCsvPath(id: string): string {
  return `${base(id)}/members.csv`;
}

/**
 * The current membership as CSV (SEGMENT_MEMBER_ROLES only; the server writes the export to the
 * audit log before sending the first byte). Fetched rather than linked, so a refusal shows its reason.
 */
export function downloadMembersCsv(id: string): Promise<{ blob: Blob; fileName: string | null }> {
  return apiDownload(membersCsvPath(id), 'text/csv');
}
