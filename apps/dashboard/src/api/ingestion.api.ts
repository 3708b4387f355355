import type { EventMappingsBody, IngestionSourcesResponse } from '@hubpulse/contracts';
import { apiRequest, withQuery } from './api.client';
import { queryKeys } from './query-keys';

/** Admin only; other roles get a 403. */
export function fetchIngestionSources(windowMinutes: number, signal?: AbortSignal): Promise<IngestionSourcesResponse> {
  return apiRequest<IngestionSourcesResponse>(withQuery('/api/ingestion/sources', { window: String(windowMinutes) }), { signal });
}

export function ingestionSourcesQuery(windowMinutes: number) {
  return {
    queryKey: queryKeys.ingestionSources(windowMinutes),
    queryFn: ({ signal }: { signal: AbortSignal }) => fetchIngestionSources(windowMinutes, signal),
  };
}

export function fetchEventMappings(signal?: AbortSignal): Promise<EventMappingsBody> {
  return apiRequest<EventMappingsBody>('/api/ingestion/mappings', { signal });
}

/** Replaces the whole table; answers the table as saved, or 400 with "mappings.N.field: why" lines. */
export function saveEventMappings(body: EventMappingsBody): Promise<EventMappingsBody> {
  return apiRequest<EventMappingsBody>('/api/ingestion/mappings', { method: 'PUT', body });
}

export const eventMappingsQuery = {
  queryKey: queryKeys.eventMappings,
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchEventMappings(signal),
};
