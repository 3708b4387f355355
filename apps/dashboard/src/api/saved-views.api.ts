import type { SavedViewCreate, SavedViewDto, SavedViewUpdate } from '@hubpulse/contracts';
import { apiRequest } from './api.client';
import { queryKeys } from './query-keys';

// Saved views (issue 14): a page's path and query string under a name, private or shared.

type Signal = { signal: AbortSignal };

const base = (id: string) => `/api/saved-views/${encodeURIComponent(id)}`;

export const savedViewsQuery = {
  queryKey: queryKeys.savedViews,
  queryFn: ({ signal }: Signal) => apiRequest<SavedViewDto[]>('/api/saved-views', { signal }),
};

/** One view to open: 404 when gone (or private to someone else), 403 when the role may not open its page. */
export function savedViewQuery(id: string) {
  return {
    queryKey: queryKeys.savedView(id),
    queryFn: ({ signal }: Signal) => apiRequest<SavedViewDto>(base(id), { signal }),
  };
}

export function createSavedView(input: Partial<SavedViewCreate> & Pick<SavedViewCreate, 'name' | 'path'>): Promise<SavedViewDto> {
  return apiRequest<SavedViewDto>('/api/saved-views', { method: 'POST', body: input });
}

export function updateSavedView(id: string, input: SavedViewUpdate): Promise<SavedViewDto> {
  return apiRequest<SavedViewDto>(base(id), { method: 'PATCH', body: input });
}

export function deleteSavedView(id: string): Promise<void> {
  return apiRequest<void>(base(id), { method: 'DELETE' });
}
