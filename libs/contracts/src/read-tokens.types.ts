import type { Role } from './enums';

/** Where a token stands: usable, past its expiry, or revoked (by its owner or an admin). */
export type ReadTokenStatus = 'active' | 'expired' | 'revoked';

/** One read token as listed (`GET /api/me/tokens`): never the token itself, only its first characters. */
export interface ReadTokenDto {
  id: string;
  name: string;
  /** The first characters (`hp_rt_` and six more), to recognise a token. */
  prefix: string;
  created_at: string;
  expires_at: string;
  /** When the token last opened a route (ISO time, to the minute; null: never). Every use is in the audit log. */
  last_used_at: string | null;
  revoked_at: string | null;
  status: ReadTokenStatus;
}

export interface ReadTokenListDto {
  tokens: ReadTokenDto[];
}

/** Answer of `POST /api/me/tokens`: the token, shown this once. */
export interface ReadTokenCreatedDto extends ReadTokenDto {
  token: string;
  note: string;
}

/** One token in the admins' list (`GET /api/read-tokens`), with whose it is. */
export interface ReadTokenAdminDto extends ReadTokenDto {
  owner: { id: string; email: string; name: string; role: Role; active: boolean };
}

export interface ReadTokenAdminListDto {
  tokens: ReadTokenAdminDto[];
}
