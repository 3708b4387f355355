import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { groupScoresQuery, scoreDistributionQuery } from '../../api/engagement.api';
import {
  type GroupSelection,
  applyGroupSearch,
  groupRange,
  parseGroupSearch,
} from '../../charts/group-trends/group-trends.transform';
import { isValidDay } from '../../lib/dates';

/** The distribution day in the URL (?day=YYYY-MM-DD); absent = the newest scored day. */
export function useScoreDay() {
  const [search, setSearch] = useSearchParams();
  const raw = search.get('day') ?? '';
  const day = isValidDay(raw) ? raw : undefined;
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
 * Scores per group over the chosen range, ending on the newest scored day. Waits for that day;
 * when nothing is scored yet, `noScores` says so instead of loading forever.
 */
export function useGroupScores() {
  const { selection } = useGroupSelection();
  const { newestDay, query: anchor } = useNewestScoredDay();
  const range = groupRange(selection.days, newestDay);
  const query = useQuery({
    ...groupScoresQuery({ by: selection.by, from: range?.from, to: range?.to }),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
  const noScores = anchor.isSuccess && newestDay === null;
  return {
    selection,
    data: range ? query.data : undefined,
    error: range ? query.error : anchor.error,
    isPending: !noScores && !(range ? query.data : undefined) && !(range ? query.error : anchor.error),
    isStale: query.isPlaceholderData,
    noScores,
    refetch: () => void (range ? query.refetch() : anchor.refetch()),
  };
}
