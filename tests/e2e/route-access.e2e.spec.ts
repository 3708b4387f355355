import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app-factory';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { ReadTokensService } from '../../apps/api/src/auth/read-tokens.service';
import { signIn, testConfig } from '@hubpulse/testing';
import { CALLERS, DECISIONS, OK, TOKEN_CALLERS, TOKEN_ROLE, readTokenAccess, type Caller, type Outcome, type TokenCaller } from './route-access.decisions';
import { registeredRoutes } from './registered-routes';

const PASSWORD = 'route matrix password';
const isTokenCaller = (c: Caller | TokenCaller): c is TokenCaller => (TOKEN_CALLERS as readonly string[]).includes(c);
/** Stands in for every path parameter: no such id, so a caller let through stops at a 404. */
const NO_SUCH_ID = 'route-access-no-such-id';
/** The body of every write: valid JSON that no schema accepts, so a caller let through stops at a 400. */
const NOT_A_BODY: unknown[] = [];

/**
 * The route × caller matrix on the real API (chDB + SQLite + Redis): every route the app registers
 * must have a line in route-access.decisions.ts, and every caller — anonymous, a write key, a
 * session of each role, and a personal read token of each role — gets exactly the access its line
 * says (a read token: what its owner's session gets on GET routes, refused elsewhere). Probes are harmless: unknown ids and
 * bodies that fail validation, so nothing is created, changed or deleted.
 */
describe('route × role access matrix', () => {
  const config = testConfig();
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  type Role = Exclude<Caller, 'anonymous' | 'writeKey' | 'browserKey'>;
  let browserKey = '';
  const passwords: Record<Role, string> = { admin: 'correct horse battery', leader: PASSWORD, planner: PASSWORD, analyst: PASSWORD };
  const sessions = {} as Record<Role, string>;
  const readTokens = {} as Record<TokenCaller, string>;

  const login = (email: string, password: string) => signIn(http, email, password);

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    http = app.getHttpServer();
    const auth = app.get(AuthService);
    for (const role of ['leader', 'planner', 'analyst'] as const) {
      await auth.createUser({ email: `${role}@test.local`, password: PASSWORD, name: `Route ${role}`, role });
    }
    browserKey = (await auth.createWriteKey({ name: 'intranet page', scopes: ['events'], browser: true })).key;
    for (const role of ['admin', 'leader', 'planner', 'analyst'] as const) sessions[role] = await login(`${role}@test.local`, passwords[role]);
    const me = (await request(http).get('/api/users').set('Cookie', sessions.admin).expect(200)).body.users as { id: string; email: string; name: string; role: Role }[];
    for (const caller of TOKEN_CALLERS) {
      const owner = me.find((u) => u.email === `${TOKEN_ROLE[caller]}@test.local`)!;
      readTokens[caller] = (await app.get(ReadTokensService).create(owner, { name: `matrix ${caller}`, expires_in_days: 1 })).token;
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  /** The headers a caller sends. Signing out ends the session it is sent with, so that route gets a fresh one. */
  const credentials = async (caller: Caller | TokenCaller, route: string): Promise<Record<string, string>> => {
    if (caller === 'anonymous') return {};
    if (isTokenCaller(caller)) return { Authorization: `Bearer ${readTokens[caller]}` };
    if (caller === 'writeKey') return { Authorization: `Bearer ${config.bootstrap.writeKey!}` };
    if (caller === 'browserKey') return { Authorization: `Bearer ${browserKey}` };
    return { Cookie: route === 'POST /api/auth/logout' ? await login(`${caller}@test.local`, passwords[caller]) : sessions[caller] };
  };

  /** What the route answered a caller, as the decision table speaks: OK, 401 or 403 (or the unexpected status). */
  const outcome = async (route: string, caller: Caller | TokenCaller): Promise<Outcome | string> => {
    const [method, template] = route.split(' ');
    const path = template.replace(/:\w+/g, NO_SUCH_ID);
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let req = request(http)[verb](path).set(await credentials(caller, route));
    if (verb === 'post' || verb === 'put' || verb === 'patch') req = req.send(NOT_A_BODY);
    const res = await req;
    if (res.status === 401 || res.status === 403) return res.status;
    if (res.status >= 500) return `${res.status} ${JSON.stringify(res.body)}`;
    return OK;
  };

  it('has a decision for every route the app registers, and a route for every decision', () => {
    const registered = registeredRoutes(app);
    expect({
      undecided: registered.filter((r) => !(r in DECISIONS)),
      gone: Object.keys(DECISIONS).filter((r) => !registered.includes(r)),
    }).toEqual({ undecided: [], gone: [] });
  });

  it.each(Object.entries(DECISIONS))('%s', async (route, expected) => {
    const actual: Record<string, Outcome | string> = {};
    for (const caller of [...CALLERS, ...TOKEN_CALLERS]) actual[caller] = await outcome(route, caller);
    expect(actual).toEqual({ ...expected, ...readTokenAccess(route, expected) });
  });
});
