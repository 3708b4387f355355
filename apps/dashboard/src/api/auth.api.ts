import type { SessionUser } from '@hubpulse/contracts';
import { apiRequest } from './api.client';
import { queryKeys } from './query-keys';

export interface Credentials {
  email: string;
  password: string;
}

interface SessionResponse {
  user: SessionUser;
}

export const LOGIN_PATH = '/api/auth/login';

export async function login(credentials: Credentials): Promise<SessionUser> {
  const res = await apiRequest<SessionResponse>(LOGIN_PATH, { method: 'POST', body: credentials });
  return res.user;
}

export async function logout(): Promise<void> {
  await apiRequest<void>('/api/auth/logout', { method: 'POST' });
}

export async function fetchSession(signal?: AbortSignal): Promise<SessionUser> {
  const res = await apiRequest<SessionResponse>('/api/auth/me', { signal });
  return res.user;
}

export const sessionQuery = {
  queryKey: queryKeys.session,
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchSession(signal),
  staleTime: 5 * 60_000,
};
