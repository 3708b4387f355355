// Every TanStack Query key the dashboard uses, in one place, so invalidation never guesses.
import type { OverviewParams } from './overview.api';

export const queryKeys = {
  session: ['auth', 'me'] as const,
  overviewAll: ['overview'] as const,
  overview: (params: OverviewParams) => ['overview', { from: params.from ?? null, to: params.to ?? null }] as const,
  ingestionSources: (windowMinutes: number) => ['ingestion', 'sources', windowMinutes] as const,
  eventMappings: ['ingestion', 'mappings'] as const,
};
