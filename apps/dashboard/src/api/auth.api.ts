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

/**
 * `GET /api/auth/sso` (public; single sign-on, issue 13): whether the login page offers "Sign in
 * with …". The shape of contracts' SsoInfoDto on the SSO branch; an API without the route answers
 * 404, read as "off".
 */
export interface SsoInfo {
  enabled: boolean;
  label: string | null;
  login_url: string | null;
  sso_only: boolean;
}

const SSO_OFF: SsoInfo = { enabled: false, label: null, login_url: null, sso_only: false };

export const ssoInfoQuery = {
  queryKey: queryKeys.ssoInfo,
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<SsoInfo> => {
    try {
      return { ...SSO_OFF, ...(await apiRequest<Partial<SsoInfo>>('/api/auth/sso', { signal })) };
    } catch (err) {
      if (err instanceof DOMException) throw err;
      return SSO_OFF;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
};
