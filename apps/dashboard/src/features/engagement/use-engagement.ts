import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { groupScoresQuery, scoreDistributionQuery } from '../../api/engagement.api';
import { type PatternKind, patternQuery } from '../../api/patterns.api';
import { type GroupSelection, applyGroupSearch, parseGroupSearch } from '../../charts/group-trends/group-trends.transform';
import { isValidDay } from '@hubpulse/contracts';
import { type PatternSelection, applyPatternSearch, parsePatternSearch } from './pattern-range.transform';

/** The distribution day in an address (?day=YYYY-MM-DD); undefined = the newest scored day. */
export function scoreDayFrom(search: URLSearchParams): string | undefined {
  const raw = search.get('day') ?? '';
  return isValidDay(raw) ? raw : undefined;
}

/** The distribution day in the URL, with a setter. */
export function useScoreDay() {
  const [search, setSearch] = useSearchParams();
  const day = scoreDayFrom(search);
  const setDay = useCallback(
    (next: string | undefined) =>
      setSearch((current) => {
        const params = new URLSearchParams(current);
        if (next) params.set('day', next);
        else params.delete('day');
        return params;
      }),
    [setSearch],
  );
  return { day, setDay };
}

/** The newest scored day, from the default distribution (shared with the distribution panel). */
export function useNewestScoredDay() {
  const query = useQuery(scoreDistributionQuery(undefined));
  return { newestDay: query.data?.day ?? null, query };
}

export function useScoreDistribution() {
  const { day } = useScoreDay();
  return useQuery({ ...scoreDistributionQuery(day), placeholderData: keepPreviousData });
}

/** The groups read for a selection (the panel's and the route's prefetch, so both ask the same). */
export function groupScoresQueryFor(selection: GroupSelection) {
  return groupScoresQuery({ by: selection.by, days: selection.days, attribution: selection.attribution });
}

/** A pattern read for the selection: the organisation (`org`) or the comparison grouping. */
export function patternQueryFor<K extends PatternKind>(kind: K, by: 'org' | 'compare', selection: PatternSelection) {
  return patternQuery(kind, { by: by === 'org' ? 'org' : selection.compare, weeks: selection.weeks });
}

/** Group-by and range in the URL, with a setter writing both back. */
export function useGroupSelection() {
  const [search, setSearch] = useSearchParams();
  const selection = useMemo(() => parseGroupSearch(search), [search]);
  const setSelection = useCallback(
    (next: GroupSelection) => setSearch((current) => applyGroupSearch(current, next), { replace: false, preventScrollReset: true }),
    [setSearch],
  );
  return { selection, setSelection };
}

/**
 * Scores per group over the chosen number of days ending on the newest scored day, which the server
 * resolves (so every section reads the same days without waiting for that day first).
 */
export function useGroupScores() {
  const { selection } = useGroupSelection();
  const query = useQuery({
    ...groupScoresQueryFor(selection),
    placeholderData: keepPreviousData,
  });
  // No scored day at all: a group can have no trend yet, which the chart says itself.
  return {
    selection,
    data: query.data,
    error: query.error,
    isPending: !query.data && !query.error,
    isStale: query.isPlaceholderData,
    refetch: () => void query.refetch(),
  };
}

/** The pattern sections' range and comparison in the URL, with a setter. */
export function usePatternSelection() {
  const [search, setSearch] = useSearchParams();
  const selection = useMemo(() => parsePatternSearch(search), [search]);
  const setSelection = useCallback(
    (next: PatternSelection) => setSearch((current) => applyPatternSearch(current, next), { preventScrollReset: true }),
    [setSearch],
  );
  return { selection, setSelection };
}

/**
 * One pattern response for the weeks in the URL, ending on the newest scored day (resolved by the
 * server, as for the groups): the organisation (`org`) or the comparison grouping.
 */
export function usePattern<K extends PatternKind>(kind: K, by: 'org' | 'compare') {
  const { selection } = usePatternSelection();
  const query = useQuery({
    ...patternQueryFor(kind, by, selection),
    placeholderData: keepPreviousData,
  });
  return { ...query, selection };
}
