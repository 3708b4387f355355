// People & access (admin), the own account (everyone) and the public invitation link.
import type {
  InviteCreate,
  InviteCreatedDto,
  InviteDto,
  OwnPasswordChange,
  PasswordResetDto,
  SessionListDto,
  SessionUser,
  UserDto,
  UserListDto,
  UserPatch,
} from '@hubpulse/contracts';
import { apiRequest } from './api.client';
import { queryKeys } from './query-keys';

export const usersQuery = {
  queryKey: queryKeys.users,
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<UserListDto>('/api/users', { signal }),
};

export function inviteUser(body: InviteCreate): Promise<InviteCreatedDto> {
  return apiRequest<InviteCreatedDto>('/api/users/invites', { method: 'POST', body });
}

export function updateUser(id: string, patch: UserPatch): Promise<UserDto> {
  return apiRequest<UserDto>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch });
}

export function resetUserPassword(id: string): Promise<PasswordResetDto> {
  return apiRequest<PasswordResetDto>(`/api/users/${encodeURIComponent(id)}/password-reset`, { method: 'POST' });
}

export function inviteQuery(token: string) {
  return {
    queryKey: queryKeys.invite(token),
    queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<InviteDto>(`/api/invites/${encodeURIComponent(token)}`, { signal }),
    retry: false,
  };
}

/** Sets the password, signs in (the answer sets the session cookie) and answers the user. */
export async function acceptInvite(token: string, body: { password: string; name?: string }): Promise<SessionUser> {
  const res = await apiRequest<{ user: SessionUser } | SessionUser>(`/api/invites/${encodeURIComponent(token)}/accept`, { method: 'POST', body });
  return 'user' in res ? res.user : res;
}

export function changeOwnPassword(body: OwnPasswordChange): Promise<void> {
  return apiRequest<void>('/api/me/password', { method: 'PUT', body });
}

export const mySessionsQuery = {
  queryKey: queryKeys.mySessions,
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<SessionListDto>('/api/me/sessions', { signal }),
  // Asked again every time the Account page opens: a sign-in elsewhere a minute ago must be listed.
  staleTime: 0,
};

export function endSession(id: string): Promise<void> {
  return apiRequest<void>(`/api/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function endOtherSessions(): Promise<void> {
  return apiRequest<void>('/api/me/sessions', { method: 'DELETE' });
}
