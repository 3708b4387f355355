import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ScoreJobKind } from '@hubpulse/contracts';
import { scoreJobsQuery, startScoreJob } from '../../api/engagement.api';
import { queryKeys } from '../../api/query-keys';
import { isForbidden } from '../admin/admin-gate';
import { hasRunningJob } from './score-jobs.transform';

/** Poll fast while a job runs so the progress bar moves; slowly otherwise, to notice automatic jobs. */
export const ACTIVE_POLL_MS = 1500;
export const IDLE_POLL_MS = 30_000;

/**
 * Recent recompute jobs. When the last running job finishes, every engagement number may have
 * changed: they are refetched.
 */
export function useScoreJobs() {
  const queryClient = useQueryClient();
  const query = useQuery({
    ...scoreJobsQuery,
    staleTime: 0,
    refetchInterval: (q) => (isForbidden(q.state.error) ? false : hasRunningJob(q.state.data) ? ACTIVE_POLL_MS : IDLE_POLL_MS),
  });
  const running = hasRunningJob(query.data);
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.engagementAll, predicate: (q) => q.queryKey[1] !== 'jobs' });
    }
    wasRunning.current = running;
  }, [running, queryClient]);
  return query;
}

export function useStartScoreJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: ScoreJobKind) => startScoreJob(kind),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.scoreJobs }),
  });
}
