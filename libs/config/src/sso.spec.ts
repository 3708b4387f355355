import { ConfigError, loadConfig } from './config';

const sso = {
  HUBPULSE_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant/v2.0',
  HUBPULSE_OIDC_CLIENT_ID: 'app-id',
  HUBPULSE_OIDC_CLIENT_SECRET: 's3cret',
  HUBPULSE_OIDC_REDIRECT_URI: 'https://hubpulse.example/api/auth/sso/callback',
  HUBPULSE_OIDC_ROLE_MAP: 'hubpulse-admins:admin',
};
const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    return (err as ConfigError).problems;
  }
};

describe('single sign-on configuration', () => {
  it('is off by default', () => {
    expect(loadConfig({})).toMatchObject({ sso: null, ssoOnly: false });
  });

  it('reads the provider, client, scopes and role mapping', () => {
    expect(loadConfig({ ...sso, HUBPULSE_OIDC_SCOPES: 'openid  email groups', HUBPULSE_SSO_ONLY: 'true' })).toMatchObject({
      ssoOnly: true,
      sso: {
        issuer: sso.HUBPULSE_OIDC_ISSUER,
        clientId: 'app-id',
        scopes: 'openid email groups',
        tokenAuth: 'client_secret_basic',
        label: 'single sign-on',
        roleClaim: 'groups',
        roleMap: [{ value: 'hubpulse-admins', role: 'admin' }],
        defaultRole: null,
      },
    });
  });

  it('names every missing or wrong variable, and never echoes the secret', () => {
    expect(problems({ ...sso, HUBPULSE_OIDC_ISSUER: 'http://idp.example' })).toEqual([
      expect.stringMatching(/^HUBPULSE_OIDC_ISSUER: must be an https:\/\/ URL/),
    ]);
    expect(problems({ HUBPULSE_OIDC_ISSUER: 'https://idp.example' }).map((p) => p.split(':')[0])).toEqual([
      'HUBPULSE_OIDC_CLIENT_ID',
      'HUBPULSE_OIDC_CLIENT_SECRET',
      'HUBPULSE_OIDC_REDIRECT_URI',
      'HUBPULSE_OIDC_ROLE_MAP',
    ]);
    expect(problems({ ...sso, HUBPULSE_OIDC_REDIRECT_URI: 'https://hubpulse.example/callback' })).toEqual([expect.stringMatching(/must end in \/api\/auth\/sso\/callback/)]);
    expect(problems({ ...sso, HUBPULSE_OIDC_SCOPES: 'email' })).toEqual([expect.stringMatching(/must include openid/)]);
    expect(problems({ ...sso, HUBPULSE_OIDC_ROLE_MAP: 'admins:root' })).toEqual([expect.stringMatching(/HUBPULSE_OIDC_ROLE_MAP: "root" .* is not a role/)]);
    expect(problems({ ...sso, HUBPULSE_OIDC_DEFAULT_ROLE: 'root' })).toEqual([expect.stringMatching(/HUBPULSE_OIDC_DEFAULT_ROLE: must be one of/)]);
    expect(problems({ HUBPULSE_SSO_ONLY: 'true' })).toEqual([expect.stringMatching(/HUBPULSE_SSO_ONLY: needs HUBPULSE_OIDC_ISSUER/)]);
    expect(problems({ ...sso, HUBPULSE_OIDC_CLIENT_SECRET: 'x', HUBPULSE_OIDC_TOKEN_AUTH: 'private_key_jwt' }).join()).not.toContain('"x"');
  });

  it('accepts http only for a provider on this machine', () => {
    expect(loadConfig({ ...sso, HUBPULSE_OIDC_ISSUER: 'http://127.0.0.1:8080/realms/corp', HUBPULSE_OIDC_REDIRECT_URI: 'http://localhost:3000/api/auth/sso/callback' }).sso?.issuer).toBe(
      'http://127.0.0.1:8080/realms/corp',
    );
  });
});
