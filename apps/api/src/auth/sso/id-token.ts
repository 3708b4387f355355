import { constants, createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

/** A public key of the provider's JWKS (RFC 7517). */
export interface Jwk extends JsonWebKey {
  kid?: string;
  use?: string;
  alg?: string;
}

/** Claims of a verified ID token; `sub` always present. */
export type Claims = Record<string, unknown> & { sub: string };

/** Why an ID token was refused; `nonce` separates a replayed or swapped sign-in from a broken token. */
export class IdTokenError extends Error {
  constructor(
    message: string,
    readonly kind: 'token' | 'nonce' = 'token',
  ) {
    super(message);
    this.name = 'IdTokenError';
  }
}

type AlgSpec = { hash: string | null; kty: 'RSA' | 'EC' | 'OKP'; pss?: number; crv?: string };

/** The asymmetric JWS algorithms accepted (never `none`, never HMAC: a client secret must not sign ID tokens here). */
const ALGS: Record<string, AlgSpec> = {
  RS256: { hash: 'sha256', kty: 'RSA' },
  RS384: { hash: 'sha384', kty: 'RSA' },
  RS512: { hash: 'sha512', kty: 'RSA' },
  PS256: { hash: 'sha256', kty: 'RSA', pss: 32 },
  PS384: { hash: 'sha384', kty: 'RSA', pss: 48 },
  PS512: { hash: 'sha512', kty: 'RSA', pss: 64 },
  ES256: { hash: 'sha256', kty: 'EC', crv: 'P-256' },
  ES384: { hash: 'sha384', kty: 'EC', crv: 'P-384' },
  ES512: { hash: 'sha512', kty: 'EC', crv: 'P-521' },
  EdDSA: { hash: null, kty: 'OKP' },
};

const part = (s: string, what: string): Record<string, unknown> => {
  try {
    const v: unknown = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // falls through
  }
  throw new IdTokenError(`ID token: the ${what} is not a JSON object`);
};

/** The JWS header of a compact token, unverified (to choose the key). */
export function tokenHeader(token: string): { alg: string; kid?: string } {
  const header = part(token.split('.')[0] ?? '', 'header');
  if (typeof header.alg !== 'string') throw new IdTokenError('ID token: no alg in the header');
  return { alg: header.alg, kid: typeof header.kid === 'string' ? header.kid : undefined };
}

/** The JWKS key that signed a token with this header, or null (then refetch the JWKS once: the provider may have rotated keys). */
export function pickKey(keys: readonly Jwk[], header: { alg: string; kid?: string }): Jwk | null {
  const spec = ALGS[header.alg];
  if (!spec) throw new IdTokenError(`ID token: algorithm ${header.alg} is not accepted (${Object.keys(ALGS).join(', ')})`);
  const fits = keys.filter(
    (k) => k.kty === spec.kty && (!k.use || k.use === 'sig') && (!k.alg || k.alg === header.alg) && (!spec.crv || k.crv === spec.crv) && (!header.kid || k.kid === header.kid),
  );
  return fits.length === 1 || (header.kid && fits.length > 0) ? fits[0] : null;
}

/** Checks the JWS signature of a compact token with one public key; returns the payload. */
export function verifySignature(token: string, jwk: Jwk): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new IdTokenError('ID token: not a compact JWS (three parts)');
  const { alg } = tokenHeader(token);
  const spec = ALGS[alg];
  if (!spec) throw new IdTokenError(`ID token: algorithm ${alg} is not accepted`);
  let key: KeyObject;
  try {
    key = createPublicKey({ key: jwk, format: 'jwk' });
  } catch (err) {
    throw new IdTokenError(`ID token: the provider's key ${jwk.kid ?? ''} is unusable (${(err as Error).message})`);
  }
  const data = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2], 'base64url');
  const ok = verify(
    spec.hash,
    data,
    spec.pss
      ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: spec.pss }
      : spec.kty === 'EC'
        ? { key, dsaEncoding: 'ieee-p1363' }
        : key,
    signature,
  );
  if (!ok) throw new IdTokenError('ID token: the signature does not verify');
  return part(parts[1], 'payload');
}

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  nonce: string;
  /** Seconds since the epoch. */
  now: number;
  /** Clock difference tolerated between the provider and this server, in seconds. */
  skewSeconds?: number;
}

/** OpenID Connect Core 3.1.3.7: issuer, audience (and azp), expiry, issue time, nonce. Returns the claims. */
export function checkIdTokenClaims(payload: Record<string, unknown>, want: IdTokenExpectations): Claims {
  const skew = want.skewSeconds ?? 60;
  if (payload.iss !== want.issuer) throw new IdTokenError(`ID token: issuer ${String(payload.iss)} is not ${want.issuer}`);
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!aud.includes(want.clientId)) throw new IdTokenError('ID token: not issued to this client (aud)');
  if ((aud.length > 1 || payload.azp !== undefined) && payload.azp !== want.clientId) throw new IdTokenError('ID token: authorized party (azp) is not this client');
  if (typeof payload.exp !== 'number' || payload.exp + skew <= want.now) throw new IdTokenError('ID token: expired (exp)');
  if (typeof payload.iat !== 'number' || payload.iat - skew > want.now) throw new IdTokenError('ID token: issued in the future (iat)');
  if (typeof payload.nbf === 'number' && payload.nbf - skew > want.now) throw new IdTokenError('ID token: not valid yet (nbf)');
  if (typeof payload.sub !== 'string' || !payload.sub) throw new IdTokenError('ID token: no subject (sub)');
  if (payload.nonce !== want.nonce) throw new IdTokenError('ID token: the nonce is not the one this sign-in sent', 'nonce');
  return payload as Claims;
}
