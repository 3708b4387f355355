import type { ContentAuthorsDto, ContentItemDto, ContentListDto, NewsletterIssueDto, NewslettersDto } from '@hubpulse/contracts';
import { apiRequest, withQuery } from './api.client';
import { queryKeys } from './query-keys';

// The Content area (issue 15): items, an item, newsletters and authors; aggregates only.

/** The list's filters as the URL and the API name them; absent = the server's default. */
export interface ContentListParams {
  from?: string;
  to?: string;
  channel?: string;
  purpose?: string;
  segment?: string;
  sort?: string;
  order?: string;
}

export interface ContentPeriodParams {
  from?: string;
  to?: string;
}

export const contentItemsQuery = (p: ContentListParams) => ({
  queryKey: queryKeys.contentItems(p),
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<ContentListDto>(withQuery('/api/content/items', { ...p }), { signal }),
});

export const contentItemQuery = (id: string) => ({
  queryKey: queryKeys.contentItem(id),
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<ContentItemDto>(`/api/content/items/${encodeURIComponent(id)}`, { signal }),
});

export const contentAuthorsQuery = (p: ContentPeriodParams) => ({
  queryKey: queryKeys.contentAuthors(p),
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<ContentAuthorsDto>(withQuery('/api/content/authors', { ...p }), { signal }),
});

export const newslettersQuery = (p: ContentPeriodParams & { include_machine?: string }) => ({
  queryKey: queryKeys.newsletters(p),
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<NewslettersDto>(withQuery('/api/content/newsletters', { ...p }), { signal }),
});

export const newsletterIssueQuery = (issue: string, p: { by?: string; include_machine?: string }) => ({
  queryKey: queryKeys.newsletterIssue(issue, p),
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<NewsletterIssueDto>(withQuery(`/api/content/newsletters/${encodeURIComponent(issue)}`, { ...p }), { signal }),
});
