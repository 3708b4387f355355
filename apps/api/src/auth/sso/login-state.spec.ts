import { newLoginState, openLoginState, pkceChallenge, safeNext, sealLoginState } from './login-state';

describe('sign-in state cookie', () => {
  const secret = 'client secret';

  it('round-trips, and is neither readable nor changeable', () => {
    const s = newLoginState('/goals', 1_000);
    const sealed = sealLoginState(s, secret);
    expect(sealed).not.toContain(s.state);
    expect(openLoginState(sealed, secret, 2_000)).toEqual(s);
    const raw = Buffer.from(sealed, 'base64url');
    raw[raw.length - 1] ^= 1;
    expect(openLoginState(raw.toString('base64url'), secret, 2_000)).toBeNull();
    expect(openLoginState(sealed, 'another secret', 2_000)).toBeNull();
    expect(openLoginState('garbage', secret, 2_000)).toBeNull();
    expect(openLoginState(undefined, secret)).toBeNull();
  });

  it('expires after ten minutes', () => {
    const sealed = sealLoginState(newLoginState('/', 0), secret);
    expect(openLoginState(sealed, secret, 9 * 60_000)).not.toBeNull();
    expect(openLoginState(sealed, secret, 10 * 60_000)).toBeNull();
  });

  it('makes the S256 PKCE challenge of RFC 7636 (appendix B)', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('lands only on paths of this site', () => {
    expect(safeNext('/goals?period=2026-03')).toBe('/goals?period=2026-03');
    for (const bad of [undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'goals', '/api/auth/me', '/a b']) expect(safeNext(bad)).toBe('/');
  });
});
