import type { GlossaryDto } from '@hubpulse/contracts';
import { apiRequest } from './api.client';
import { queryKeys } from './query-keys';

/** Every definition shown beside numbers, with this deployment's minimum group size (it does not change while running). */
export const glossaryQuery = {
  queryKey: queryKeys.glossary,
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<GlossaryDto>('/api/glossary', { signal }),
  staleTime: Infinity,
};
