import { useQuery } from '@tanstack/react-query';
import { sessionQuery } from '../../api/auth.api';
import { segmentQuery, segmentsQuery } from '../../api/segments.api';
import { canEditSegments, canSeeMembers, isComputing } from './segments.transform';

/** While a membership is being computed, ask again this often. */
const COMPUTING_POLL_MS = 2_500;

/** What the signed-in user may do in the Audiences area. */
export function useAudienceRights() {
  const { data: user } = useQuery(sessionQuery);
  return { user, canEdit: canEditSegments(user?.role), canSeeMembers: canSeeMembers(user?.role) };
}

/** Every live segment; refreshes on its own while one is computing. */
export function useSegments() {
  return useQuery({
    ...segmentsQuery,
    refetchInterval: (q) => (q.state.data?.segments.some(isComputing) ? COMPUTING_POLL_MS : false),
  });
}

/** The newest run's end, to wait for a run after it ('' when there is none). */
export function newestRunAt(runs: readonly { finished_at: string }[]): string {
  return runs.reduce((max, r) => (r.finished_at > max ? r.finished_at : max), '');
}

/**
 * One segment; refreshes on its own while it is computing, and after a recompute or freeze
 * (`waitingAfter` = the newest run's end at the click) until a newer run is listed.
 */
export function useSegment(id: string, waitingAfter: string | null = null) {
  return useQuery({
    ...segmentQuery(id),
    refetchInterval: (q) => {
      const d = q.state.data;
      if (!d) return false;
      const waiting = waitingAfter !== null && newestRunAt(d.runs) <= waitingAfter;
      return isComputing(d) || waiting ? COMPUTING_POLL_MS : false;
    },
  });
}

/** Segment names by id, for rule summaries and pickers. */
export function useSegmentNames(): Map<string, string> {
  const { data } = useQuery(segmentsQuery);
  return new Map((data?.segments ?? []).map((s) => [s.id, s.name]));
}
