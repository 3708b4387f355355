import type { Role } from './enums';

/** A user as the admin sees it: invited (link not yet used), active, or deactivated (cannot sign in). */
export const USER_STATUSES = ['active', 'invited', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** One user in `GET /api/users` and the answer of `PATCH /api/users/:id`. */
export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  status: UserStatus;
  last_sign_in_at: string | null;
  created_at: string;
}

/** `GET /api/users`. */
export interface UserListDto {
  users: UserDto[];
}

/** What a one-time link is for: joining (invite) or setting a new password (reset). */
export const INVITE_KINDS = ['invite', 'reset'] as const;
export type InviteKind = (typeof INVITE_KINDS)[number];

/** Dashboard path of a one-time link: `<public URL>/invite/<token>` (invites and resets alike). */
export const INVITE_LINK_PATH = '/invite/';

/** A one-time link just made: `url` is null when it went by mail (then it is never shown). */
export interface InviteLinkDto {
  url: string | null;
  expires_at: string;
  sent_by_mail: boolean;
}

/** Answer of `POST /api/users/invites` (201). */
export interface InviteCreatedDto {
  user: UserDto;
  invite: InviteLinkDto;
}

/** Answer of `POST /api/users/:id/password-reset`. */
export type PasswordResetDto = InviteLinkDto;

/** `GET /api/invites/:token` (public): what the link is for; 410 when used or expired, 404 unknown. */
export interface InviteDto {
  email: string;
  name: string;
  role: Role;
  expires_at: string;
  kind: InviteKind;
}

/** One of the signed-in user's sessions (`GET /api/me/sessions`); `id` is not the cookie token. */
export interface SessionDto {
  id: string;
  created_at: string;
  last_seen_at: string | null;
  user_agent: string | null;
  /** The session this request came with. */
  current: boolean;
}

export interface SessionListDto {
  sessions: SessionDto[];
}
