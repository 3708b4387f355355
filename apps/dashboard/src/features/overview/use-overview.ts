import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type OverviewParams, overviewQuery } from '../../api/overview.api';
import { type OverviewResponse, type RangeSelection, applyRangeSearch, needsAnchor, parseRangeSearch, toRangeParams } from '@hubpulse/contracts';

/** The range selected in the URL, and a setter that writes it back (one history entry per change). */
export function useRangeSelection() {
  const [search, setSearch] = useSearchParams();
  const selection = useMemo(() => parseRangeSearch(search), [search]);
  const setSelection = useCallback(
    (next: RangeSelection) => setSearch((current) => applyRangeSearch(current, next)),
    [setSearch],
  );
  return { selection, setSelection };
}

export interface OverviewState {
  selection: RangeSelection;
  data: OverviewResponse | undefined;
  error: unknown;
  /** Nothing to show yet. */
  isPending: boolean;
  /** Showing the previous range's data while the new one loads. */
  isStale: boolean;
  /** The newest event day: where presets end. */
  anchor: string | undefined;
  refetch: () => void;
}

/** The range's read parameters; null while a preset still needs the default answer (`anchor`) for its newest day. */
export function overviewParams(selection: RangeSelection, anchor: OverviewResponse | undefined): OverviewParams | null {
  return toRangeParams(selection, anchor?.range.to, anchor?.data_from);
}

/**
 * The overview for the range in the URL. Every overview panel calls this; TanStack Query
 * shares one request between them. Presets other than the server default first need the
 * newest event day, which the default answer carries as `range.to`.
 */
export function useOverview(): OverviewState {
  const { selection } = useRangeSelection();
  const anchorQuery = useQuery({ ...overviewQuery({}), enabled: needsAnchor(selection) });
  const anchor = anchorQuery.data?.range.to;
  const params = overviewParams(selection, anchorQuery.data);
  const query = useQuery({
    ...overviewQuery(params ?? {}),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });

  // Until the anchor is known there is no request of our own yet: report the anchor's progress.
  const waiting = params === null;
  const data = waiting ? undefined : query.data;
  const error = waiting ? anchorQuery.error : query.error;
  return {
    selection,
    data,
    error,
    isPending: data === undefined && !error,
    isStale: !waiting && query.isPlaceholderData,
    anchor,
    refetch: () => void (waiting ? anchorQuery.refetch() : query.refetch()),
  };
}
