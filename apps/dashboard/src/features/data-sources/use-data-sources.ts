import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ingestionSourcesQuery } from '../../api/ingestion.api';
import { isForbidden } from '../admin/admin-gate';
import { type WindowMinutes, applyWindowSearch, parseWindowSearch } from './data-sources.transform';

/** Live enough to watch a test event arrive, light enough to leave open all day. */
export const REFRESH_MS = 10_000;

/** The window selected in the URL, and a setter that writes it back (one history entry per change, as on the Overview). */
export function useWindowSelection() {
  const [search, setSearch] = useSearchParams();
  const windowMinutes = useMemo(() => parseWindowSearch(search), [search]);
  const setWindow = useCallback(
    (minutes: WindowMinutes) => setSearch((current) => applyWindowSearch(current, minutes)),
    [setSearch],
  );
  return { windowMinutes, setWindow };
}

/** The sources for the window in the URL, refreshed every 10 s (not while the tab is hidden). */
export function useDataSources() {
  const { windowMinutes } = useWindowSelection();
  return useQuery({
    ...ingestionSourcesQuery(windowMinutes),
    staleTime: REFRESH_MS / 2,
    // A 403 will not change by asking again.
    refetchInterval: (query) => (isForbidden(query.state.error) ? false : REFRESH_MS),
    placeholderData: keepPreviousData,
  });
}
