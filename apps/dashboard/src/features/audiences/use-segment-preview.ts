import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { useDebounced } from '../../lib/use-debounced';
import type { SegmentPreviewDto, SegmentRule, SegmentRuleIssue } from '@hubpulse/contracts';
import { isApiError } from '../../api/api.client';
import { segmentPreviewQuery } from '../../api/segments.api';
import { parseIssueLines } from './rule-tree.transform';

/** Typing pauses this long before the server is asked. */
export const PREVIEW_DEBOUNCE_MS = 450;

/** Everyone in the directory: leader or not. Its preview lists the known departments, locations and titles. */
const EVERYONE: SegmentRule = { kind: 'or', children: [{ kind: 'leader', value: true }, { kind: 'leader', value: false }] };

export interface PreviewState {
  /** The newest preview that came back (possibly of an earlier rule: see `stale`). */
  data: SegmentPreviewDto | undefined;
  /** What is shown is not of the rule as it stands (typing, waiting for the server, or the rule has problems). */
  stale: boolean;
  fetching: boolean;
  /** A failure that is not about the rule (network, 5xx). */
  error: unknown;
  /** The server's 400, placed on nodes. */
  serverIssues: SegmentRuleIssue[];
  serverOther: string[];
  retry: () => void;
}

/**
 * Live preview of a rule: asked once typing pauses and only for a rule that passes the client checks
 * (the same schema the server applies first), so a half-typed rule costs nothing.
 */
export function useSegmentPreview(rule: SegmentRule, valid: boolean, enabled: boolean): PreviewState {
  const debounced = useDebounced(rule, PREVIEW_DEBOUNCE_MS);
  const debouncedValid = useDebounced(valid, PREVIEW_DEBOUNCE_MS);
  const query = useQuery({
    ...segmentPreviewQuery(debounced),
    enabled: enabled && debouncedValid && valid,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
  const last = useRef<SegmentPreviewDto | undefined>(undefined);
  if (query.data && !query.isPlaceholderData) last.current = query.data;
  const data = query.data ?? last.current;

  const { serverIssues, serverOther, error } = useMemo(() => {
    const e = query.error;
    if (isApiError(e) && e.status === 400) {
      const parsed = parseIssueLines(e.messages);
      return { serverIssues: parsed.issues, serverOther: parsed.other, error: null };
    }
    return { serverIssues: [], serverOther: [], error: e };
  }, [query.error]);

  return {
    data,
    stale: !valid || debounced !== rule || query.isPlaceholderData || query.isFetching || !!query.error,
    fetching: query.isFetching,
    error,
    serverIssues: debounced === rule ? serverIssues : [],
    serverOther: debounced === rule ? serverOther : [],
    retry: () => void query.refetch(),
  };
}

/** Departments, locations and titles that exist (the largest of each), for the value boxes. */
export function useAttributeSuggestions(enabled: boolean) {
  const query = useQuery({ ...segmentPreviewQuery(EVERYONE), enabled, staleTime: 10 * 60_000, retry: false });
  return useMemo(() => {
    const c = query.data?.composition;
    if (!c) return {};
    const values = (dim: 'department' | 'location' | 'title') =>
      c.by[dim].cells.map((cell) => cell.value).filter((v) => v !== '' && v !== '__other__');
    return { department: values('department'), location: values('location'), title: values('title') };
  }, [query.data]);
}
