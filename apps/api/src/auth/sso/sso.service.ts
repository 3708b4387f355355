import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { SsoCallbackQuery, SsoErrorCode, SsoInfoDto } from '@hubpulse/contracts';
import { HUBPULSE_CONFIG, type HubpulseConfig, type SsoConfig } from '@hubpulse/config';
import { SessionsRepository, UserIdentitiesRepository, UsersRepository, type UserEntity } from '@hubpulse/database';
import { AuthService } from '../auth.service';
import { checkIdTokenClaims, IdTokenError, pickKey, tokenHeader, verifySignature, type Claims, type Jwk } from './id-token';
import { newLoginState, openLoginState, pkceChallenge, safeNext, sameString, sealLoginState } from './login-state';
import { claimAt, mapRole } from './role-mapping';

export const SSO_LOGIN_PATH = '/api/auth/sso/login';
const LOGIN_PAGE = '/login';
/** Stored as the password hash of users made by single sign-on: no password verifies against it. */
const NO_PASSWORD = 'sso';
const FETCH_TIMEOUT_MS = 10_000;

/** The provider's discovery document (OpenID Connect Discovery 1.0), the fields Hubpulse uses. */
interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
  code_challenge_methods_supported?: string[];
}

/** A refused sign-in: the code the login page explains, the detail for the log. */
class SsoFailure extends Error {
  constructor(
    readonly code: SsoErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Where the callback sends the browser, with a session to set when the sign-in succeeded. */
export type SsoOutcome = { redirect: string; session?: { token: string; expiresAt: Date } };

async function getJson(url: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  const res = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init.headers }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${url} answered ${res.status} with no JSON`);
  }
  if (!res.ok || !body || typeof body !== 'object') {
    const b = (body ?? {}) as Record<string, unknown>;
    throw new Error(`${url} answered ${res.status}${b.error ? `: ${String(b.error)}${b.error_description ? ` (${String(b.error_description)})` : ''}` : ''}`);
  }
  return body as Record<string, unknown>;
}

/** application/x-www-form-urlencoded, as RFC 6749 2.3.1 wants the client id and secret inside Basic. */
const formEncoded = (s: string) => new URLSearchParams({ v: s }).toString().slice(2);

/**
 * OpenID Connect sign-in (authorization code with PKCE S256): discovery, the redirect to the
 * provider with state and nonce kept in an encrypted HTTP-only cookie, the token exchange, ID token
 * validation against the provider's JWKS, and the Hubpulse user — created at the first sign-in,
 * its role re-read from the provider's claims at every sign-in.
 */
@Injectable()
export class SsoService {
  private readonly log = new Logger('SSO');
  private discovery: { doc: Discovery; until: number } | null = null;
  private jwks: { keys: Jwk[]; at: number } | null = null;

  constructor(
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
    private readonly auth: AuthService,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly identities: UserIdentitiesRepository,
  ) {}

  info(): SsoInfoDto {
    const sso = this.config.sso;
    return { enabled: !!sso, label: sso?.label ?? null, login_url: sso ? SSO_LOGIN_PATH : null, sso_only: this.config.ssoOnly };
  }

  /** The provider's authorization URL to redirect to, and the sealed state for the cookie; null when SSO is off. */
  async start(next: string | undefined): Promise<{ url: string; cookie: string } | { failed: string } | null> {
    const sso = this.config.sso;
    if (!sso) return null;
    let doc: Discovery;
    try {
      doc = await this.discover(sso);
    } catch (err) {
      this.log.warn(`sign-in not started: ${(err as Error).message}`);
      return { failed: `${LOGIN_PAGE}?sso_error=unavailable` };
    }
    const s = newLoginState(safeNext(next));
    const url = new URL(doc.authorization_endpoint);
    const params = {
      response_type: 'code',
      client_id: sso.clientId,
      redirect_uri: sso.redirectUri,
      scope: sso.scopes,
      state: s.state,
      nonce: s.nonce,
      code_challenge: pkceChallenge(s.verifier),
      code_challenge_method: 'S256',
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return { url: url.toString(), cookie: sealLoginState(s, sso.clientSecret) };
  }

  /** The provider's answer: a session and the page to land on, or the login page with the reason. */
  async finish(query: SsoCallbackQuery, cookie: string | undefined, userAgent: string | undefined): Promise<SsoOutcome | null> {
    const sso = this.config.sso;
    if (!sso) return null;
    try {
      const { user, next } = await this.signIn(sso, query, cookie);
      const { token, expiresAt } = await this.auth.openSession(user, userAgent);
      this.log.log(`${user.email} signed in with ${sso.label} as ${user.role}`);
      return { redirect: next, session: { token, expiresAt } };
    } catch (err) {
      const code: SsoErrorCode = err instanceof SsoFailure ? err.code : err instanceof IdTokenError ? err.kind : 'token';
      this.log.warn(`sign-in refused (${code}): ${(err as Error).message}`);
      return { redirect: `${LOGIN_PAGE}?sso_error=${code}` };
    }
  }

  private async signIn(sso: SsoConfig, query: SsoCallbackQuery, cookie: string | undefined): Promise<{ user: UserEntity; next: string }> {
    const s = openLoginState(cookie, sso.clientSecret);
    if (!s) throw new SsoFailure('state', 'no sign-in in progress in this browser (cookie missing, forged or expired)');
    if (!query.state || !sameString(query.state, s.state)) throw new SsoFailure('state', 'the state is not the one this sign-in sent');
    const doc = await this.discover(sso).catch((err: Error) => {
      throw new SsoFailure('unavailable', err.message);
    });
    if (query.iss !== undefined && query.iss !== doc.issuer) throw new SsoFailure('provider', `the answer names issuer ${query.iss}, not ${doc.issuer}`);
    if (query.error) throw new SsoFailure('provider', `the provider answered ${query.error}${query.error_description ? `: ${query.error_description}` : ''}`);
    if (!query.code) throw new SsoFailure('provider', 'the answer holds no code');

    const tokens = await this.exchange(sso, doc, query.code, s.verifier);
    const idToken = tokens.id_token;
    if (typeof idToken !== 'string') throw new SsoFailure('token', 'the token endpoint returned no id_token');
    const claims = await this.verifyIdToken(sso, doc, idToken, s.nonce);
    const all = await this.withUserinfo(sso, doc, claims, tokens.access_token);
    return { user: await this.provision(sso, doc.issuer, all), next: s.next };
  }

  private async exchange(sso: SsoConfig, doc: Discovery, code: string, verifier: string): Promise<Record<string, unknown>> {
    const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: sso.redirectUri, code_verifier: verifier });
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (sso.tokenAuth === 'client_secret_basic') {
      headers.Authorization = `Basic ${Buffer.from(`${formEncoded(sso.clientId)}:${formEncoded(sso.clientSecret)}`).toString('base64')}`;
    } else {
      body.set('client_id', sso.clientId);
      body.set('client_secret', sso.clientSecret);
    }
    try {
      return await getJson(doc.token_endpoint, { method: 'POST', headers, body });
    } catch (err) {
      throw new SsoFailure('token', `token exchange failed: ${(err as Error).message}`);
    }
  }

  private async verifyIdToken(sso: SsoConfig, doc: Discovery, idToken: string, nonce: string): Promise<Claims> {
    const header = tokenHeader(idToken);
    let key = pickKey(await this.keys(doc, false), header);
    // An unknown key: the provider may have rotated its keys since they were fetched (refetched at most once a minute).
    if (!key && Date.now() - (this.jwks?.at ?? 0) > 60_000) key = pickKey(await this.keys(doc, true), header);
    if (!key) throw new IdTokenError(`ID token: no key of the provider's JWKS fits (kid ${header.kid ?? 'none'}, ${header.alg})`);
    const payload = verifySignature(idToken, key);
    return checkIdTokenClaims(payload, { issuer: doc.issuer, clientId: sso.clientId, nonce, now: Math.floor(Date.now() / 1000) });
  }

  /**
   * The ID token's claims, completed from the userinfo endpoint when the email or the role claim is
   * not in the ID token (providers such as Okta and oidc-provider put scope claims only there).
   */
  private async withUserinfo(sso: SsoConfig, doc: Discovery, claims: Claims, accessToken: unknown): Promise<Claims> {
    const needRoleClaim = sso.roleMap.length > 0 && claimAt(claims, sso.roleClaim) === undefined;
    if ((claims.email && !needRoleClaim) || !doc.userinfo_endpoint || typeof accessToken !== 'string') return claims;
    let info: Record<string, unknown>;
    try {
      info = await getJson(doc.userinfo_endpoint, { headers: { Authorization: `Bearer ${accessToken}` } });
    } catch (err) {
      throw new SsoFailure('token', `userinfo failed: ${(err as Error).message}`);
    }
    if (info.sub !== claims.sub) throw new SsoFailure('token', 'userinfo is about another subject than the ID token');
    return { ...info, ...claims };
  }

  /** The Hubpulse user of these claims: found by identity, else by email (linked), else created; role from the mapping. */
  private async provision(sso: SsoConfig, issuer: string, claims: Claims): Promise<UserEntity> {
    const email = emailOf(claims, issuer);
    if (!email) throw new SsoFailure('no_email', `no email claim for subject ${claims.sub}`);
    const identity = await this.identities.find(issuer, claims.sub);
    let user = identity ? await this.users.find(identity.userId) : null;
    if (!user) {
      user = await this.users.findByEmail(email);
      if (user && claims.email_verified === false) throw new SsoFailure('email_unverified', `${email} is not verified at the provider; not linked to the existing user`);
    }
    if (user && 'active' in user && user.active === false) throw new SsoFailure('deactivated', `${email} is deactivated in Hubpulse`);
    // With a role map the provider decides the role at every sign-in; without one (roles kept in Hubpulse,
    // e.g. Google Workspace, which sends no groups) a new user gets the default role and keeps what an admin gives.
    const role = sso.roleMap.length ? mapRole(claims, sso) : (user?.role ?? sso.defaultRole);
    if (!role) {
      // Removed from every mapped group: refused, and signed out everywhere.
      if (user) await this.sessions.deleteByUser(user.id);
      throw new SsoFailure('no_role', `${email}: no value of claim ${sso.roleClaim} is mapped to a role`);
    }
    const now = new Date().toISOString();
    if (!user) {
      const id = randomUUID();
      await this.users.insert({ id, email, name: nameOf(claims, email), role, passwordHash: NO_PASSWORD, createdAt: now });
      user = (await this.users.find(id))!;
      this.log.log(`${email} created by single sign-on as ${role}`);
    } else if (user.role !== role) {
      this.log.log(`${email}: role ${user.role} → ${role} (from claim ${sso.roleClaim})`);
      await this.users.update(user.id, { role });
      user = { ...user, role };
    }
    if (identity) await this.identities.signedIn(issuer, claims.sub, email, now);
    else await this.identities.insert({ issuer, subject: claims.sub, userId: user.id, email, createdAt: now, lastSignInAt: now });
    return user;
  }

  private async discover(sso: SsoConfig): Promise<Discovery> {
    if (this.discovery && this.discovery.until > Date.now()) return this.discovery.doc;
    const url = `${sso.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const doc = (await getJson(url)) as unknown as Discovery;
    // OpenID Connect Discovery 4.3: the document must name exactly the configured issuer.
    if (doc.issuer !== sso.issuer) throw new Error(`${url} names issuer ${String(doc.issuer)}, not HUBPULSE_OIDC_ISSUER ${sso.issuer}`);
    for (const field of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
      if (typeof doc[field] !== 'string') throw new Error(`${url} has no ${field}`);
    }
    if (doc.code_challenge_methods_supported && !doc.code_challenge_methods_supported.includes('S256')) throw new Error(`${url}: the provider does not support PKCE S256`);
    this.discovery = { doc, until: Date.now() + 3_600_000 };
    return doc;
  }

  private async keys(doc: Discovery, refresh: boolean): Promise<Jwk[]> {
    if (this.jwks && !refresh && Date.now() - this.jwks.at < 86_400_000) return this.jwks.keys;
    let body: Record<string, unknown>;
    try {
      body = await getJson(doc.jwks_uri);
    } catch (err) {
      throw new SsoFailure('token', `JWKS: ${(err as Error).message}`);
    }
    if (!Array.isArray(body.keys)) throw new SsoFailure('token', `${doc.jwks_uri} holds no keys`);
    this.jwks = { keys: body.keys as Jwk[], at: Date.now() };
    return this.jwks.keys;
  }
}

/**
 * The email claim, lower-case; for Entra ID without the optional `email` claim, the UPN
 * (preferred_username, set by the tenant's admins). Elsewhere preferred_username may be a name the
 * user chose, so it never stands in for an email.
 */
function emailOf(claims: Claims, issuer: string): string | null {
  const entra = new URL(issuer).host === 'login.microsoftonline.com';
  for (const v of [claims.email, entra ? claims.preferred_username : undefined]) {
    if (typeof v === 'string' && /^[^\s@]+@[^\s@]+$/.test(v)) return v.toLowerCase();
  }
  return null;
}

function nameOf(claims: Claims, email: string): string {
  const given = [claims.given_name, claims.family_name].filter((v) => typeof v === 'string' && v).join(' ');
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : given || email.split('@')[0];
  return name.slice(0, 200);
}
