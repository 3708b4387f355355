import type {
  AmbassadorsResponse,
  LeaderResponsivenessResponse,
  PatternGroupBy,
  PersonasResponse,
  PurposesResponse,
} from '@hubpulse/contracts';
import { apiRequest, withQuery } from './api.client';
import { queryKeys } from './query-keys';

// People patterns of the Engagement area: aggregates only, with their definitions attached.

export interface PatternParams {
  by: PatternGroupBy;
  /** Both optional: without them the server picks its default range ending at the newest data. */
  from?: string;
  to?: string;
  /** Whole weeks ending on `to` (default: the newest scored day) instead of `from`. */
  weeks?: number;
}

export type PatternKind = 'purposes' | 'personas' | 'ambassadors' | 'leaders';

interface PatternResponses {
  purposes: PurposesResponse;
  personas: PersonasResponse;
  ambassadors: AmbassadorsResponse;
  leaders: LeaderResponsivenessResponse;
}

export function patternQuery<K extends PatternKind>(kind: K, params: PatternParams) {
  return {
    queryKey: queryKeys.pattern(kind, params),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      apiRequest<PatternResponses[K]>(withQuery(`/api/engagement/${kind}`, { by: params.by, from: params.from, to: params.to, weeks: params.weeks?.toString() }), { signal }),
  };
}
