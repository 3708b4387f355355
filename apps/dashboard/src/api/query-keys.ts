// Every TanStack Query key the dashboard uses, in one place, so invalidation never guesses.
import type { GroupScoresParams } from './engagement.api';
import type { OverviewParams } from './overview.api';
import type { PatternKind, PatternParams } from './patterns.api';

export const queryKeys = {
  session: ['auth', 'me'] as const,
  overviewAll: ['overview'] as const,
  overview: (params: OverviewParams) => ['overview', { from: params.from ?? null, to: params.to ?? null }] as const,
  ingestionSources: (windowMinutes: number) => ['ingestion', 'sources', windowMinutes] as const,
  eventMappings: ['ingestion', 'mappings'] as const,
  engagementAll: ['engagement'] as const,
  scoringModels: ['engagement', 'models'] as const,
  scoreJobs: ['engagement', 'jobs'] as const,
  scoreDistribution: (day: string | undefined) => ['engagement', 'distribution', day ?? null] as const,
  groupScores: (p: GroupScoresParams) => ['engagement', 'groups', { by: p.by, from: p.from ?? null, to: p.to ?? null }] as const,
  scoredPeople: (day: string | undefined, q: string) => ['engagement', 'people', day ?? null, q] as const,
  pattern: (kind: PatternKind, p: PatternParams) => ['engagement', kind, { by: p.by, from: p.from ?? null, to: p.to ?? null }] as const,
  scoreExplanation: (personId: string, day: string | undefined) => ['engagement', 'why', personId, day ?? null] as const,
};
