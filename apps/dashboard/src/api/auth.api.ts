import type { SessionUser, SsoInfoDto } from '@hubpulse/contracts';
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

/** `GET /api/auth/sso` (public): whether the login page offers "Sign in with …"; any failure reads as "off". */
const SSO_OFF: SsoInfoDto = { enabled: false, label: null, login_url: null, sso_only: false };

export const ssoInfoQuery = {
  queryKey: queryKeys.ssoInfo,
  queryFn: async ({ signal }: { signal: AbortSignal }): Promise<SsoInfoDto> => {
    try {
      return { ...SSO_OFF, ...(await apiRequest<Partial<SsoInfoDto>>('/api/auth/sso', { signal })) };
    } catch (err) {
      if (err instanceof DOMException) throw err;
      return SSO_OFF;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
};
