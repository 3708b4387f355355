import type { QueryClient } from '@tanstack/react-query';
import { redirect } from 'react-router';
import { sessionQuery } from '../../api/auth.api';

/** Each role's first page: leadership lands on Strategy, everyone else on the activity overview. */
export function landingPath(role: string | undefined): string {
  return role === 'leader' ? '/strategy' : '/overview';
}

/** Loader of `/`: sends the signed-in user to their landing page (the parent route has checked the session). */
export function landingRedirect(queryClient: QueryClient) {
  return async () => {
    const user = await queryClient.ensureQueryData(sessionQuery);
    return redirect(landingPath(user.role));
  };
}
