import { createHmac, generateKeyPairSync, sign, constants, type KeyObject } from 'node:crypto';
import { checkIdTokenClaims, IdTokenError, pickKey, tokenHeader, verifySignature, type Jwk } from './id-token';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

function jwt(alg: string, privateKey: KeyObject | null, payload: Record<string, unknown>, kid = 'k1'): string {
  const input = `${b64({ alg, kid, typ: 'JWT' })}.${b64(payload)}`;
  const data = Buffer.from(input);
  const sig =
    alg === 'none' || !privateKey
      ? Buffer.alloc(0)
      : alg.startsWith('PS')
        ? sign(`sha${alg.slice(2)}`, data, { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(2)) / 8 })
        : alg.startsWith('ES')
          ? sign(`sha${alg.slice(2)}`, data, { key: privateKey, dsaEncoding: 'ieee-p1363' })
          : alg === 'EdDSA'
            ? sign(null, data, privateKey)
            : sign(`sha${alg.slice(2)}`, data, privateKey);
  return `${input}.${sig.toString('base64url')}`;
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ed = generateKeyPairSync('ed25519');
const jwk = (k: KeyObject, kid: string): Jwk => ({ ...(k.export({ format: 'jwk' }) as Jwk), kid });

describe('ID token signature', () => {
  const keys = [jwk(rsa.publicKey, 'k1'), jwk(ec.publicKey, 'k1'), jwk(ed.publicKey, 'k1')];

  it.each([
    ['RS256', rsa.privateKey],
    ['RS512', rsa.privateKey],
    ['PS256', rsa.privateKey],
    ['ES256', ec.privateKey],
    ['EdDSA', ed.privateKey],
  ] as const)('verifies %s with the JWKS key of its kid and type', (alg, key) => {
    const token = jwt(alg, key, { sub: 's' });
    const chosen = pickKey(keys, tokenHeader(token));
    expect(chosen).not.toBeNull();
    expect(verifySignature(token, chosen!)).toEqual({ sub: 's' });
  });

  it('refuses a changed payload, another key, alg none and HMAC', () => {
    const token = jwt('RS256', rsa.privateKey, { sub: 's' });
    const [h, , s] = token.split('.');
    expect(() => verifySignature(`${h}.${b64({ sub: 'admin' })}.${s}`, keys[0])).toThrow('signature does not verify');
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() => verifySignature(token, jwk(other.publicKey, 'k1'))).toThrow(IdTokenError);
    expect(() => pickKey(keys, tokenHeader(jwt('none', null, { sub: 's' })))).toThrow('algorithm none is not accepted');
    const hs = `${b64({ alg: 'HS256', kid: 'k1' })}.${b64({ sub: 's' })}`;
    const forged = `${hs}.${createHmac('sha256', 'client secret').update(hs).digest('base64url')}`;
    expect(() => pickKey(keys, tokenHeader(forged))).toThrow('algorithm HS256 is not accepted');
  });

  it('picks by kid, and finds nothing for an unknown kid (the caller refetches the JWKS once)', () => {
    const two = [jwk(rsa.publicKey, 'old'), jwk(rsa.publicKey, 'new')];
    expect(pickKey(two, { alg: 'RS256', kid: 'new' })?.kid).toBe('new');
    expect(pickKey(two, { alg: 'RS256', kid: 'rotated' })).toBeNull();
    expect(pickKey(two, { alg: 'RS256' })).toBeNull();
    expect(pickKey([{ ...two[0], use: 'enc' }], { alg: 'RS256', kid: 'old' })).toBeNull();
  });
});

describe('ID token claims', () => {
  const now = 1_800_000_000;
  const want = { issuer: 'https://idp.example', clientId: 'hubpulse', nonce: 'n-1', now };
  const good = { iss: 'https://idp.example', aud: 'hubpulse', sub: 'u1', exp: now + 300, iat: now - 5, nonce: 'n-1' };
  const check = (over: Record<string, unknown>) => () => checkIdTokenClaims({ ...good, ...over }, want);

  it('accepts a token for this client, issuer and nonce', () => {
    expect(checkIdTokenClaims(good, want)).toEqual(good);
    expect(check({ aud: ['hubpulse', 'api'], azp: 'hubpulse' })).not.toThrow();
    expect(check({ exp: now - 30 })).not.toThrow(); // within the 60 s skew
  });

  it.each([
    ['another issuer', { iss: 'https://evil.example' }, 'issuer'],
    ['another audience', { aud: 'someone-else' }, 'aud'],
    ['several audiences without azp', { aud: ['hubpulse', 'api'] }, 'azp'],
    ['azp of another client', { azp: 'other' }, 'azp'],
    ['expired', { exp: now - 61 }, 'expired'],
    ['no exp', { exp: undefined }, 'expired'],
    ['issued in the future', { iat: now + 120 }, 'future'],
    ['not valid yet', { nbf: now + 120 }, 'nbf'],
    ['no subject', { sub: '' }, 'sub'],
  ])('refuses %s', (_what, over, message) => {
    expect(check(over)).toThrow(message);
  });

  it('refuses another nonce as a nonce failure', () => {
    let err: unknown;
    try {
      check({ nonce: 'n-2' })();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IdTokenError);
    expect((err as IdTokenError).kind).toBe('nonce');
    expect(check({ nonce: undefined })).toThrow('nonce');
  });
});
