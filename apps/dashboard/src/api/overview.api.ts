import type { OverviewResponse } from '@hubpulse/contracts';
import { apiRequest, withQuery } from './api.client';
import { queryKeys } from './query-keys';

/** Both optional: without them the server returns the 90 days ending at the newest event. */
export interface OverviewParams {
  from?: string;
  to?: string;
}

export function fetchOverview(params: OverviewParams, signal?: AbortSignal): Promise<OverviewResponse> {
  return apiRequest<OverviewResponse>(withQuery('/api/overview', { from: params.from, to: params.to }), { signal });
}

export function overviewQuery(params: OverviewParams) {
  return {
    queryKey: queryKeys.overview(params),
    queryFn: ({ signal }: { signal: AbortSignal }) => fetchOverview(params, signal),
  };
}
