// A real OpenID provider for the single sign-on e2e (npm oidc-provider, a certified implementation),
// run as a child process: oidc-provider is ESM-only, which Jest's module loader cannot load.
//
//   node tests/e2e/oidc-provider.fixture.mjs <accounts.json> <client_id> <client_secret> <redirect_uri>[,<redirect_uri>…]
//
// Prints `issuer <url>` once it listens on a free port of 127.0.0.1. accounts.json, re-read at every
// request, is { "next": "<account id>", "accounts": { "<id>": { email, email_verified, name, groups } } }:
// the interaction signs in `next` without a form (login and consent at once), so a test changes who
// signs in, or someone's groups, by rewriting the file.
//
// Two environment variables serve the browser spec:
// OIDC_FIXTURE_FORMS=1 shows the provider's own sign-in form (any account id of accounts.json as the
// login, any password) and consent page instead of signing in `next` (oidc-provider's devInteractions);
// OIDC_FIXTURE_HOST names the issuer's host (default 127.0.0.1; `localhost` makes it another site than
// a Hubpulse on 127.0.0.1, so the browser applies its cross-site cookie rules).
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const [file, clientId, clientSecret, redirectUris] = process.argv.slice(2);
const read = () => JSON.parse(readFileSync(file, 'utf8'));
const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://${process.env.OIDC_FIXTURE_HOST || '127.0.0.1'}:${server.address().port}`;
const forms = process.env.OIDC_FIXTURE_FORMS === '1';

const provider = new Provider(issuer, {
  // <client_id> authenticates at the token endpoint with client_secret_basic, <client_id>-post with client_secret_post.
  clients: ['client_secret_basic', 'client_secret_post'].map((method) => ({
    client_id: method === 'client_secret_basic' ? clientId : `${clientId}-post`,
    client_secret: clientSecret,
    redirect_uris: redirectUris.split(','),
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: method,
  })),
  jwks: { keys: [{ ...key, kid: 'fixture-rs256', use: 'sig', alg: 'RS256' }] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
  cookies: { keys: ['oidc fixture cookie key'] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: forms } },
  ...(forms ? {} : { interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` } }),
  async findAccount(_ctx, id) {
    const account = read().accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...account }) };
  },
});

server.on('request', async (req, res) => {
  if (forms || !req.url.startsWith('/interaction/')) return provider.callback()(req, res);
  try {
    const { params } = await provider.interactionDetails(req, res);
    const accountId = read().next;
    const grant = new provider.Grant({ accountId, clientId: params.client_id });
    grant.addOIDCScope(String(params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
  } catch (err) {
    res.statusCode = 500;
    res.end(String(err));
  }
});

console.log(`issuer ${issuer}`);
