import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { GOAL_EDITOR_ROLES, type Role } from '@hubpulse/contracts';
import { sessionQuery } from '../../api/auth.api';
import { queryKeys } from '../../api/query-keys';

/** Admins and leaders create and edit goals, values and links; everyone else reads (the API says so too). */
export function useGoalRights(): { canEdit: boolean } {
  const { data: user } = useQuery(sessionQuery);
  return { canEdit: !!user && GOAL_EDITOR_ROLES.includes(user.role as Role) };
}

/** After any write: cards, the overview, the goal, its history and link analyses all start with 'goals'. */
export function useRefreshGoals(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: queryKeys.goalsAll }), [queryClient]);
}
