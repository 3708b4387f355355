import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { LoaderFunctionArgs, Params } from 'react-router';
import { parseRangeSearch, type OverviewResponse } from '@hubpulse/contracts';
import { sessionQuery } from './api/auth.api';
import { contentAuthorsQuery, contentItemQuery, contentItemsQuery, newslettersQuery } from './api/content.api';
import { scoreDistributionQuery } from './api/engagement.api';
import { goalHistoryQuery, goalQuery, goalsQuery, strategyOverviewQuery } from './api/goals.api';
import { overviewQuery } from './api/overview.api';
import type { PatternKind } from './api/patterns.api';
import { programmeQuery } from './api/programmes.api';
import { segmentChannelsQuery, segmentHistoryQuery, segmentQuery, segmentsQuery } from './api/segments.api';
import { parseGroupSearch } from './charts/group-trends/group-trends.transform';
import { listParamsFrom, newslettersParamsFrom } from './features/content/content.transform';
import { parsePatternSearch } from './features/engagement/pattern-range.transform';
import { groupScoresQueryFor, patternQueryFor, scoreDayFrom } from './features/engagement/use-engagement';
import { overviewParams } from './features/overview/use-overview';

/** A read as the pages declare it (`…Query(…)` in src/api). */
interface Read {
  queryKey: QueryKey;
  queryFn: (context: { signal: AbortSignal }) => Promise<unknown>;
}

/** Starts `read` unless its answer is cached or on its way; resolves when it is (never rejects: the page reports errors). */
function prefetch(queryClient: QueryClient, read: Read): Promise<void> {
  if (queryClient.getQueryState(read.queryKey)?.data !== undefined) return Promise.resolve();
  return queryClient.prefetchQuery(read);
}

type Reads = (search: URLSearchParams, params: Params, queryClient: QueryClient) => readonly Read[];

/**
 * A route `loader` that asks for a page's first reads while the page's code still loads (React
 * Router runs a route's `loader` beside its `lazy`), so that the answers are on their way when the
 * page first renders instead of being asked only then. The page asks for the same reads (the same
 * query keys, built by the same functions) and finds them in the cache or in flight.
 *
 * It returns at once: navigation never waits for it, and the page shows its own loading and error
 * states as before. It asks only once the session is known (nothing for a visitor on the way to
 * sign in), and only for reads not cached yet (a page shown again refreshes its own, as before).
 */
export function prefetchReads(queryClient: QueryClient, reads: Reads) {
  return ({ request, params }: LoaderFunctionArgs) => {
    const search = new URL(request.url).searchParams;
    queryClient.ensureQueryData(sessionQuery).then(
      () => {
        for (const read of reads(search, params, queryClient)) void prefetch(queryClient, read);
      },
      () => undefined, // not signed in: the shell's loader sends the visitor to /login
    );
    return null;
  };
}

const pattern = (kind: PatternKind, by: 'org' | 'compare', search: URLSearchParams) => patternQueryFor(kind, by, parsePatternSearch(search));

/** Each page's first reads, by route. */
export const PAGE_READS = {
  overview: (search, _params, queryClient) => {
    const selection = parseRangeSearch(search);
    const ranged = overviewParams(selection, undefined);
    if (ranged === null) {
      // A preset other than the server's default ends on the newest event day, which the default answer carries.
      const anchor = overviewQuery({});
      void prefetch(queryClient, anchor).then(() => {
        const params = overviewParams(selection, queryClient.getQueryData<OverviewResponse>(anchor.queryKey));
        if (params) void prefetch(queryClient, overviewQuery(params));
      });
      return [goalsQuery];
    }
    return [overviewQuery(ranged), goalsQuery];
  },
  strategy: () => [strategyOverviewQuery],
  goal: (_search, { id = '' }) => [goalQuery(id), goalHistoryQuery(id)],
  engagementScores: (search) => [scoreDistributionQuery(scoreDayFrom(search)), groupScoresQueryFor(parseGroupSearch(search))],
  purposes: (search) => [pattern('purposes', 'org', search), pattern('purposes', 'compare', search)],
  personas: (search) => [pattern('personas', 'org', search), pattern('ambassadors', 'org', search)],
  leaders: (search) => [pattern('leaders', 'org', search), pattern('leaders', 'compare', search)],
  segments: () => [segmentsQuery],
  // The channels read is the slow one; a segment not computed yet answers it without rates.
  segment: (_search, { id = '' }) => [segmentQuery(id), segmentHistoryQuery(id), segmentChannelsQuery(id)],
  // Its scorecard and forecast depend on the programme's state, so they wait for it.
  programme: (_search, { id = '' }) => [programmeQuery(id)],
  contentItems: (search) => [contentItemsQuery(listParamsFrom(search))],
  contentItem: (_search, { id = '' }) => [contentItemQuery(id)],
  authors: () => [contentAuthorsQuery({})],
  newsletters: (search) => [newslettersQuery(newslettersParamsFrom(search))],
} satisfies Record<string, Reads>;
