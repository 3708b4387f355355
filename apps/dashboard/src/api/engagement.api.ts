import type {
  Attribution,
  GroupScoresDto,
  ScoreDistributionDto,
  ScoreExplanationDto,
  ScoreGroupBy,
  ScoreJobDto,
  ScoreJobKind,
  ScoredPersonDto,
  ScoringModelCreated,
  ScoringModelDto,
  ScoringModelInput,
} from '@hubpulse/contracts';
import { apiRequest, withQuery } from './api.client';
import { queryKeys } from './query-keys';

// The engagement scores API: model versions, recompute jobs, distribution, groups and "why".

type Signal = { signal: AbortSignal };

/** Every version, newest first; the first is the one in use. */
export const scoringModelsQuery = {
  queryKey: queryKeys.scoringModels,
  queryFn: ({ signal }: Signal) => apiRequest<ScoringModelDto[]>('/api/engagement/models', { signal }),
};

/** Admin: a new version, recomputed in the background; 400 names each bad field. */
export function createScoringModel(input: ScoringModelInput): Promise<ScoringModelCreated> {
  return apiRequest<ScoringModelCreated>('/api/engagement/models', { method: 'POST', body: input });
}

/** Recent recompute jobs on the `scores` queue, newest first. */
export const scoreJobsQuery = {
  queryKey: queryKeys.scoreJobs,
  queryFn: ({ signal }: Signal) => apiRequest<ScoreJobDto[]>('/api/engagement/jobs', { signal }),
};

/** Admin: queue a recompute ("incremental" = only the days that new events touched). */
export function startScoreJob(kind: ScoreJobKind): Promise<{ job_id: string }> {
  return apiRequest<{ job_id: string }>('/api/engagement/jobs', { method: 'POST', body: { kind } });
}

/** Without a day: the newest scored day. */
export function scoreDistributionQuery(day: string | undefined) {
  return {
    queryKey: queryKeys.scoreDistribution(day),
    queryFn: ({ signal }: Signal) => apiRequest<ScoreDistributionDto>(withQuery('/api/engagement/distribution', { day }), { signal }),
  };
}

export interface GroupScoresParams {
  by: ScoreGroupBy;
  attribution?: Attribution;
  from?: string;
  to?: string;
  /** Days ending on `to` (default: the newest scored day) instead of `from`. */
  days?: number;
}

export function groupScoresQuery(params: GroupScoresParams) {
  return {
    queryKey: queryKeys.groupScores(params),
    queryFn: ({ signal }: Signal) =>
      apiRequest<GroupScoresDto>(withQuery('/api/engagement/groups', { by: params.by, from: params.from, to: params.to, days: params.days?.toString(), attribution: params.attribution }), { signal }),
  };
}

/** Admin: people with their score on `day`, matching `q` (name, id or email). */
export function scoredPeopleQuery(day: string | undefined, q: string) {
  return {
    queryKey: queryKeys.scoredPeople(day, q),
    queryFn: ({ signal }: Signal) => apiRequest<ScoredPersonDto[]>(withQuery('/api/engagement/people', { day, q }), { signal }),
  };
}

/** Admin: one person's score on one day, taken apart. */
export function scoreExplanationQuery(personId: string, day: string | undefined) {
  return {
    queryKey: queryKeys.scoreExplanation(personId, day),
    queryFn: ({ signal }: Signal) =>
      apiRequest<ScoreExplanationDto>(withQuery(`/api/engagement/people/${encodeURIComponent(personId)}/why`, { day }), { signal }),
  };
}
