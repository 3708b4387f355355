import { z } from 'zod';
import { ROLES, type Role } from '@hubpulse/contracts';

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/;
/** https, or plain http on this machine only (a provider started by a test or a local Keycloak). */
const httpsUrl = (what: string) =>
  optional.pipe(
    z
      .string()
      .refine((v) => URL.canParse(v) && (v.startsWith('https://') || LOOPBACK.test(v)), `must be an https:// URL (http:// only on localhost) of the ${what}`)
      .optional(),
  );

const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);

/** `value:role,value:role`; the role after the last colon, so values may hold colons (Keycloak paths, URNs). */
export function parseRoleMap(text: string): { value: string; role: Role }[] | string {
  const pairs: { value: string; role: Role }[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = part.lastIndexOf(':');
    const value = part.slice(0, at).trim();
    const role = part.slice(at + 1).trim();
    if (at <= 0 || !value) return `"${part}" is not value:role`;
    if (!isRole(role)) return `"${role}" in "${part}" is not a role (${ROLES.join(', ')})`;
    pairs.push({ value, role });
  }
  return pairs.length ? pairs : 'names no value:role pair';
}

/** The single sign-on variables (OpenID Connect), spread into envSchema. SSO is on when HUBPULSE_OIDC_ISSUER is set. */
export const ssoEnv = {
  /** Issuer URL of the OpenID provider (its discovery document is at <issuer>/.well-known/openid-configuration); unset = no SSO. */
  HUBPULSE_OIDC_ISSUER: httpsUrl('OpenID provider (issuer)'),
  /** Client (application) id Hubpulse is registered under at the provider. */
  HUBPULSE_OIDC_CLIENT_ID: optional,
  /** Client secret of that registration; also keys the encrypted sign-in cookie (state, nonce, PKCE verifier). */
  HUBPULSE_OIDC_CLIENT_SECRET: optional,
  /** Redirect URI registered at the provider: the public address of Hubpulse + /api/auth/sso/callback. */
  HUBPULSE_OIDC_REDIRECT_URI: httpsUrl('callback').pipe(
    z.string().refine((v) => new URL(v).pathname === '/api/auth/sso/callback', 'must end in /api/auth/sso/callback').optional(),
  ),
  /** Scopes requested, space-separated; must hold openid (add groups, roles, … where the provider wants a scope for the role claim). */
  HUBPULSE_OIDC_SCOPES: z
    .string()
    .default('openid email profile')
    .refine((v) => v.split(/\s+/).includes('openid'), 'must include openid'),
  /** How Hubpulse authenticates at the token endpoint. */
  HUBPULSE_OIDC_TOKEN_AUTH: z
    .enum(['client_secret_basic', 'client_secret_post'], { error: 'must be client_secret_basic or client_secret_post' })
    .default('client_secret_basic'),
  /** Name on the login page's button: "Sign in with <label>". */
  HUBPULSE_OIDC_LABEL: z.string().trim().min(1).max(60).default('single sign-on'),
  /** Claim holding the user's groups or roles (ID token or userinfo); a dotted path reaches nested claims (realm_access.roles). */
  HUBPULSE_OIDC_ROLE_CLAIM: z.string().trim().min(1).default('groups'),
  /** Claim value → role, e.g. hubpulse-admins:admin,hubpulse-leaders:leader, re-read at every sign-in (several matches: the first of admin, leader, planner, analyst); unset = roles are kept in Hubpulse. */
  HUBPULSE_OIDC_ROLE_MAP: optional,
  /** Role of a user none of whose values is mapped (without a role map: of every new user); unset = such a user is refused and signed out. */
  HUBPULSE_OIDC_DEFAULT_ROLE: optional.pipe(z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }).optional()),
  /** true = password sign-in refused, except for the bootstrap admin (HUBPULSE_BOOTSTRAP_ADMIN_EMAIL, the break-glass account). */
  HUBPULSE_SSO_ONLY: z.enum(['0', '1', 'true', 'false']).default('false').transform((v) => v === '1' || v === 'true'),
};

type SsoEnv = z.output<z.ZodObject<typeof ssoEnv>>;

export interface SsoConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scopes: string;
  tokenAuth: 'client_secret_basic' | 'client_secret_post';
  label: string;
  roleClaim: string;
  roleMap: { value: string; role: Role }[];
  defaultRole: Role | null;
}

/** The missing or contradicting SSO variables, as [variable, message]. */
export function ssoProblems(env: SsoEnv): [string, string][] {
  const problems: [string, string][] = [];
  if (env.HUBPULSE_OIDC_ROLE_MAP) {
    const map = parseRoleMap(env.HUBPULSE_OIDC_ROLE_MAP);
    if (typeof map === 'string') problems.push(['HUBPULSE_OIDC_ROLE_MAP', map]);
  }
  if (!env.HUBPULSE_OIDC_ISSUER) {
    if (env.HUBPULSE_SSO_ONLY) problems.push(['HUBPULSE_SSO_ONLY', 'needs HUBPULSE_OIDC_ISSUER (and the other HUBPULSE_OIDC_ variables)']);
    return problems;
  }
  for (const name of ['HUBPULSE_OIDC_CLIENT_ID', 'HUBPULSE_OIDC_CLIENT_SECRET', 'HUBPULSE_OIDC_REDIRECT_URI'] as const) {
    if (!env[name]) problems.push([name, 'is required when HUBPULSE_OIDC_ISSUER is set']);
  }
  if (!env.HUBPULSE_OIDC_ROLE_MAP && !env.HUBPULSE_OIDC_DEFAULT_ROLE) {
    problems.push(['HUBPULSE_OIDC_ROLE_MAP', 'set it or HUBPULSE_OIDC_DEFAULT_ROLE when HUBPULSE_OIDC_ISSUER is set: who gets which role']);
  }
  return problems;
}

/** The SSO settings (null when SSO is off); call after ssoProblems() found none. */
export function ssoConfig(env: SsoEnv): SsoConfig | null {
  if (!env.HUBPULSE_OIDC_ISSUER) return null;
  const map = env.HUBPULSE_OIDC_ROLE_MAP ? parseRoleMap(env.HUBPULSE_OIDC_ROLE_MAP) : [];
  return {
    issuer: env.HUBPULSE_OIDC_ISSUER,
    clientId: env.HUBPULSE_OIDC_CLIENT_ID!,
    clientSecret: env.HUBPULSE_OIDC_CLIENT_SECRET!,
    redirectUri: env.HUBPULSE_OIDC_REDIRECT_URI!,
    scopes: env.HUBPULSE_OIDC_SCOPES.split(/\s+/).filter(Boolean).join(' '),
    tokenAuth: env.HUBPULSE_OIDC_TOKEN_AUTH,
    label: env.HUBPULSE_OIDC_LABEL,
    roleClaim: env.HUBPULSE_OIDC_ROLE_CLAIM,
    roleMap: typeof map === 'string' ? [] : map,
    defaultRole: env.HUBPULSE_OIDC_DEFAULT_ROLE ?? null,
  };
}
