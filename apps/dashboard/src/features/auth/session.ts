import type { QueryClient } from '@tanstack/react-query';
import { type LoaderFunctionArgs, redirect } from 'react-router';
import { isApiError } from '../../api/api.client';
import { sessionQuery } from '../../api/auth.api';

export const LOGIN_ROUTE = '/login';

/** Set on /login when a session ended while its page was open (signed out elsewhere, deactivated), so the page can say so. */
export const SESSION_ENDED_PARAM = 'ended';

/** Where to send someone to sign in, remembering where they were (and, with `ended`, that their session just ended). */
export function loginUrl(returnTo: string, ended = false): string {
  const next = safeReturnPath(returnTo);
  const params = new URLSearchParams();
  if (next !== '/') params.set('next', next);
  if (ended) params.set(SESSION_ENDED_PARAM, '1');
  const query = params.toString();
  return query ? `${LOGIN_ROUTE}?${query}` : LOGIN_ROUTE;
}

/** Only same-site paths, and never back to the login page: `?next=` must not become an open redirect. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === LOGIN_ROUTE || value.startsWith(`${LOGIN_ROUTE}?`) || value.startsWith(`${LOGIN_ROUTE}/`)) return '/';
  return value;
}

/** Route loader for every signed-in page: no session, no page. */
export function requireSession(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    try {
      await queryClient.ensureQueryData(sessionQuery);
      return null;
    } catch (error) {
      if (isApiError(error) && error.isUnauthorized) {
        const url = new URL(request.url);
        throw redirect(loginUrl(url.pathname + url.search));
      }
      throw error;
    }
  };
}

/** Login route loader: someone already signed in goes straight on. */
export function skipLoginWhenSignedIn(queryClient: QueryClient) {
  return async ({ request }: LoaderFunctionArgs) => {
    const next = safeReturnPath(new URL(request.url).searchParams.get('next'));
    try {
      // Always ask the server: a cached user may belong to a session that just ended.
      await queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
    } catch {
      // Not signed in (or the server is unreachable): show the form, which reports errors itself.
      return null;
    }
    throw redirect(next);
  };
}
