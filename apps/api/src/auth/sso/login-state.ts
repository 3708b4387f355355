import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** What one sign-in remembers between the redirect to the provider and its callback. */
export interface LoginState {
  state: string;
  nonce: string;
  /** PKCE code verifier (RFC 7636); its S256 challenge went to the provider. */
  verifier: string;
  /** Where to land after signing in (a path on this site). */
  next: string;
  /** Expiry, ms since the epoch. */
  expires: number;
}

export const LOGIN_STATE_MINUTES = 10;

const random = () => randomBytes(32).toString('base64url');

export function newLoginState(next: string, now = Date.now()): LoginState {
  return { state: random(), nonce: random(), verifier: random(), next, expires: now + LOGIN_STATE_MINUTES * 60_000 };
}

export const pkceChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** The cookie key: derived from the client secret, so every API process shares it and nothing new is configured. */
const cookieKey = (secret: string) => Buffer.from(hkdfSync('sha256', secret, 'hubpulse', 'sso-login-state', 32));

/** Encrypts and authenticates (AES-256-GCM) the state for the HTTP-only cookie: it can be neither read nor forged. */
export function sealLoginState(s: LoginState, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cookieKey(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(s), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The state in a cookie, or null when it is missing, forged, tampered with or expired. */
export function openLoginState(cookie: string | undefined, secret: string, now = Date.now()): LoginState | null {
  if (!cookie) return null;
  try {
    const raw = Buffer.from(cookie, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', cookieKey(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const s = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as LoginState;
    return s.expires > now ? s : null;
  } catch {
    return null;
  }
}

export function sameString(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A path on this site to land on after signing in; anything else (other sites, `//host`, `/\host`) becomes `/`. */
export const safeNext = (next: unknown): string =>
  typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && !next.startsWith('/api/') ? next : '/';
