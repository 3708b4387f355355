import { ROLES, type Role } from '@hubpulse/contracts';
import type { SsoConfig } from '@hubpulse/config';

/** The claim at a dotted path (`realm_access.roles`), or the claim of that exact name when it holds dots (URL-named claims). */
export function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  let v: unknown = claims;
  for (const key of path.split('.')) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** The claim's values as strings: a list, one string, or a space/comma-separated string. */
export function claimValues(claim: unknown): string[] {
  if (Array.isArray(claim)) return claim.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
  if (typeof claim === 'string') return claim.split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * The Hubpulse role of a user from the provider's claims: the mapped roles of their claim values —
 * the first in ROLES order (admin, leader, planner, analyst) when several match — else the default
 * role, else null (refused).
 */
export function mapRole(claims: Record<string, unknown>, sso: Pick<SsoConfig, 'roleClaim' | 'roleMap' | 'defaultRole'>): Role | null {
  const values = new Set(claimValues(claimAt(claims, sso.roleClaim)));
  const matched = new Set(sso.roleMap.filter((m) => values.has(m.value)).map((m) => m.role));
  return ROLES.find((r) => matched.has(r)) ?? sso.defaultRole;
}
