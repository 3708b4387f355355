// Account → Tokens: the signed-in user's personal read tokens (GET routes only, as them).
import type { ReadTokenCreate, ReadTokenCreatedDto, ReadTokenListDto } from '@hubpulse/contracts';
import { apiRequest } from './api.client';
import { queryKeys } from './query-keys';

export const myReadTokensQuery = {
  queryKey: queryKeys.myReadTokens,
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<ReadTokenListDto>('/api/me/tokens', { signal }),
};

/** The answer holds the token itself: this once. */
export function createReadToken(body: ReadTokenCreate): Promise<ReadTokenCreatedDto> {
  return apiRequest<ReadTokenCreatedDto>('/api/me/tokens', { method: 'POST', body });
}

export function revokeReadToken(id: string): Promise<void> {
  return apiRequest<void>(`/api/me/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
