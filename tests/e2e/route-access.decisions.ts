/**
 * Who may reach each route: the decision table that route-access.e2e.spec.ts holds the running API
 * to. Every route the app registers (Nest's and the ingestion fast path's) needs a line here and every
 * line a route, so a new endpoint cannot ship without someone deciding who may call it.
 *
 * A line is `METHOD path` → who gets in, one column per caller (see ACCESS). `OK` = the request passes
 * authentication and authorization (whatever it answers then, short of 401 / 403); 401 = refused for
 * want of a session, or of a write key on ingestion; 403 = signed in (or keyed) but not allowed.
 *
 * This is the target policy of issue 11 ("Write boundaries"); lines marked `issue 11` differ from what
 * the code did when the table was written, and fail until the code follows.
 */

/** `writeKey`: a server key with every scope; `browserKey`: a key made for a web page (events only). */
export const CALLERS = ['anonymous', 'writeKey', 'browserKey', 'admin', 'leader', 'planner', 'analyst'] as const;
export type Caller = (typeof CALLERS)[number];

export const OK = 'OK';
export type Outcome = typeof OK | 401 | 403;
export type Access = Readonly<Record<Caller, Outcome>>;

const row = (anonymous: Outcome, writeKey: Outcome, browserKey: Outcome, admin: Outcome, leader: Outcome, planner: Outcome, analyst: Outcome): Access =>
  ({ anonymous, writeKey, browserKey, admin, leader, planner, analyst });

/** Who gets in, by name. A write key opens ingestion and nothing else; a session never opens ingestion. */
export const ACCESS = {
  //                         anonymous writeKey browserKey admin leader planner analyst
  PUBLIC:            row(OK,   OK,   OK,   OK,  OK,  OK,  OK),
  SIGNED_IN:         row(401,  401,  401,  OK,  OK,  OK,  OK),
  ADMIN:             row(401,  401,  401,  OK,  403, 403, 403),
  ADMIN_LEADER:      row(401,  401,  401,  OK,  OK,  403, 403),
  ADMIN_PLANNER:     row(401,  401,  401,  OK,  403, OK,  403),
  /** Reports → Alerts: leadership, admins and planners (who watch purpose indices); the service keeps goal alerts to admins and leaders. */
  ADMIN_LEADER_PLANNER: row(401, 401,  401,  OK,  OK,  OK,  403),
  WRITE_KEY:         row(401,  OK,   OK,   401, 401, 401, 401),
  /** A directory or catalogue write: needs a key with the "directory" scope, which a browser key never has. */
  DIRECTORY_KEY:     row(401,  OK,   403,  401, 401, 401, 401),
} as const;

const { PUBLIC, SIGNED_IN, ADMIN, ADMIN_LEADER, ADMIN_PLANNER, ADMIN_LEADER_PLANNER, WRITE_KEY, DIRECTORY_KEY } = ACCESS;

export const DECISIONS: Readonly<Record<string, Access>> = {
  // ── health, sign-in, API docs (the OpenAPI description and Swagger UI) ──
  'GET /api/health': PUBLIC,
  'GET /api/health/live': PUBLIC,
  'GET /api/health/ready': PUBLIC,
  // Prometheus scrapes: no session; HUBPULSE_METRICS_TOKEN (unset in this matrix) guards it when set.
  'GET /metrics': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': PUBLIC,
  'GET /api/auth/me': SIGNED_IN,
  'GET /api/auth/sso': PUBLIC,
  'GET /api/auth/sso/login': PUBLIC,
  'GET /api/auth/sso/callback': PUBLIC,
  'GET /api/docs': PUBLIC,
  'GET /api/docs/': PUBLIC,
  'GET /api/docs/index.html': PUBLIC,
  'GET /api/docs/LICENSE': PUBLIC,
  'GET /api/docs/swagger-ui-init.js': PUBLIC,
  'GET /api/docs/docs/swagger-ui-init.js': PUBLIC,
  'GET /api/docs/openapi.json': PUBLIC,
  'GET /api/docs-yaml': PUBLIC,

  // ── ingestion: the fast path ahead of Express (native, Segment spec, PostHog capture) ──
  'POST /v1/events': WRITE_KEY,
  'POST /v1/batch': WRITE_KEY,
  'POST /v1/track': WRITE_KEY,
  'POST /v1/identify': WRITE_KEY,
  'POST /v1/group': WRITE_KEY,
  'POST /v1/page': WRITE_KEY,
  'POST /v1/screen': WRITE_KEY,
  'POST /v1/alias': WRITE_KEY,
  'POST /batch': WRITE_KEY,
  'POST /batch/': WRITE_KEY,
  'POST /e': WRITE_KEY,
  'POST /e/': WRITE_KEY,
  'POST /capture': WRITE_KEY,
  'POST /capture/': WRITE_KEY,
  'POST /i/v0/e': WRITE_KEY,
  'POST /i/v0/e/': WRITE_KEY,
  'POST /track': WRITE_KEY,
  'POST /track/': WRITE_KEY,
  // ── ingestion: what browser SDKs fetch and send (analytics.js short paths, RudderStack, posthog-js) ──
  'POST /v1/t': WRITE_KEY,
  'POST /v1/p': WRITE_KEY,
  'POST /v1/i': WRITE_KEY,
  'POST /v1/g': WRITE_KEY,
  'POST /v1/s': WRITE_KEY,
  'POST /v1/a': WRITE_KEY,
  'POST /v1/b': WRITE_KEY,
  'POST /beacon/v1/batch': WRITE_KEY,
  'GET /sourceConfig': WRITE_KEY,
  'GET /sourceConfig/': WRITE_KEY,
  'POST /flags': WRITE_KEY,
  'POST /flags/': WRITE_KEY,
  'POST /decide': WRITE_KEY,
  'POST /decide/': WRITE_KEY,
  /** The key is in the path (as on the SDKs' CDNs): an unknown one is a 404, whoever asks. */
  'GET /v1/projects/:writeKey/settings': PUBLIC,
  'GET /array/:token/config': PUBLIC,
  'GET /array/:token/config.js': PUBLIC,
  // ── ingestion: directory and content catalogue ──
  'PUT /v1/people': DIRECTORY_KEY,
  'PUT /v1/content': DIRECTORY_KEY,

  // ── ingestion admin: keys, per-source health, SDK event mappings ──
  'GET /api/ingestion/keys': ADMIN,
  'POST /api/ingestion/keys': ADMIN,
  'DELETE /api/ingestion/keys/:id': ADMIN,
  'PATCH /api/ingestion/keys/:id': ADMIN,
  'GET /api/ingestion/sources': ADMIN,
  'GET /api/ingestion/mappings': ADMIN,
  'PUT /api/ingestion/mappings': ADMIN,

  // ── bulk imports of people and events: issue 11 makes them admin-only (analysts could import before) ──
  'POST /api/imports': ADMIN,
  'GET /api/imports': ADMIN,
  'GET /api/imports/:id': ADMIN,
  'GET /api/imports/:id/errors': ADMIN,

  // ── people & access: users and roles (admins), one-time links (anyone holding one), own account ──
  'GET /api/users': ADMIN,
  'POST /api/users/invites': ADMIN,
  'PATCH /api/users/:id': ADMIN,
  'POST /api/users/:id/password-reset': ADMIN,
  'GET /api/invites/:token': PUBLIC,
  'POST /api/invites/:token/accept': PUBLIC,
  'PUT /api/me/password': SIGNED_IN,
  'GET /api/me/sessions': SIGNED_IN,
  'DELETE /api/me/sessions/:id': SIGNED_IN,
  'DELETE /api/me/sessions': SIGNED_IN,

  // ── personal read tokens: own (everyone signed in), all of them (admins); session only — see READ_TOKEN_MANAGEMENT ──
  'GET /api/me/tokens': SIGNED_IN,
  'POST /api/me/tokens': SIGNED_IN,
  'DELETE /api/me/tokens/:id': SIGNED_IN,
  'GET /api/read-tokens': ADMIN,
  'DELETE /api/read-tokens/:id': ADMIN,

  // ── audit log ──
  'GET /api/audit': ADMIN,
  'GET /api/audit/facets': ADMIN,
  'GET /api/audit/export.csv': ADMIN,
  'GET /api/privacy/groups': ADMIN,

  // ── overview and engagement (aggregates for every role; individuals and the scoring model for admins) ──
  'GET /api/overview': SIGNED_IN,
  // ── exports: every role exports what it may read (the view's roles are checked per export, 403 naming them) ──
  'GET /api/exports/views': SIGNED_IN,
  'POST /api/exports': SIGNED_IN,
  'POST /api/exports/rerun': SIGNED_IN,
  'GET /api/exports': SIGNED_IN,
  'GET /api/exports/:id': SIGNED_IN,
  'GET /api/exports/:id/file': SIGNED_IN,
  'GET /api/exports/:id/manifest.json': SIGNED_IN,
  'GET /api/engagement/purposes': SIGNED_IN,
  'GET /api/engagement/personas': SIGNED_IN,
  'GET /api/engagement/ambassadors': SIGNED_IN,
  'GET /api/engagement/leaders': SIGNED_IN,
  'GET /api/engagement/distribution': SIGNED_IN,
  'GET /api/engagement/groups': SIGNED_IN,
  'GET /api/engagement/models': SIGNED_IN,
  'POST /api/engagement/models': ADMIN,
  'GET /api/engagement/jobs': SIGNED_IN,
  'POST /api/engagement/jobs': ADMIN,
  'GET /api/engagement/people': ADMIN,
  'GET /api/engagement/people/:personId/why': ADMIN,

  // ── strategy: goals, KPI values, links (leaders and admins write; everyone signed in reads) ──
  'GET /api/strategy/overview': SIGNED_IN,
  'GET /api/goals': SIGNED_IN,
  'POST /api/goals': ADMIN_LEADER,
  'GET /api/goals/:id': SIGNED_IN,
  'PUT /api/goals/:id': ADMIN_LEADER,
  'DELETE /api/goals/:id': ADMIN_LEADER,
  'POST /api/goals/:id/values': ADMIN_LEADER,
  'POST /api/goals/:id/values/import': ADMIN_LEADER,
  'GET /api/goals/:id/values/history': SIGNED_IN,
  'PUT /api/goals/:id/values/:period': ADMIN_LEADER,
  'DELETE /api/goals/:id/values/:period': ADMIN_LEADER,
  'GET /api/goals/:id/links': SIGNED_IN,
  'POST /api/goals/:id/links': ADMIN_LEADER,
  'PUT /api/goals/:id/links/:linkId': ADMIN_LEADER,
  'DELETE /api/goals/:id/links/:linkId': ADMIN_LEADER,
  'GET /api/goals/:id/links/:linkId/analysis': SIGNED_IN,

  // ── content (issue 15): reads of items, authors and newsletters, privacy-suppressed; every signed-in role ──
  'GET /api/content/items': SIGNED_IN,
  'GET /api/content/items/:id': SIGNED_IN,
  'GET /api/content/authors': SIGNED_IN,
  'GET /api/content/newsletters': SIGNED_IN,
  'GET /api/content/newsletters/:issue': SIGNED_IN,

  // ── segments (planners and admins build them and see who is in them; everyone reads suppressed sizes) ──
  'GET /api/segments': SIGNED_IN,
  'POST /api/segments': ADMIN_PLANNER,
  'POST /api/segments/preview': ADMIN_PLANNER,
  'GET /api/segments/people': ADMIN_PLANNER,
  'GET /api/segments/:id': SIGNED_IN,
  'PUT /api/segments/:id': ADMIN_PLANNER,
  'DELETE /api/segments/:id': ADMIN_PLANNER,
  'GET /api/segments/:id/history': SIGNED_IN,
  'POST /api/segments/:id/recompute': ADMIN_PLANNER,
  'POST /api/segments/:id/freeze': ADMIN_PLANNER,
  'GET /api/segments/:id/channels': SIGNED_IN,
  'GET /api/segments/:id/members': ADMIN_PLANNER,
  'GET /api/segments/:id/members.csv': ADMIN_PLANNER,

  // ── saved views (Reports area): every role keeps its own; the service decides owner / shared / page access ──
  'GET /api/saved-views': SIGNED_IN,
  'POST /api/saved-views': SIGNED_IN,
  'GET /api/saved-views/:id': SIGNED_IN,
  'PATCH /api/saved-views/:id': SIGNED_IN,
  'DELETE /api/saved-views/:id': SIGNED_IN,
  'GET /api/glossary': SIGNED_IN,

  // ── alerts (Reports area): admins, leaders and planners; owner or admin edits; goal alerts for admins and leaders (403 from the service) ──
  'GET /api/alerts': ADMIN_LEADER_PLANNER,
  'GET /api/alerts/options': ADMIN_LEADER_PLANNER,
  'GET /api/alerts/:id': ADMIN_LEADER_PLANNER,
  'GET /api/alerts/:id/history': ADMIN_LEADER_PLANNER,
  'POST /api/alerts': ADMIN_LEADER_PLANNER,
  'PATCH /api/alerts/:id': ADMIN_LEADER_PLANNER,
  'DELETE /api/alerts/:id': ADMIN_LEADER_PLANNER,
  // ── scheduled reports: every role schedules the views it may open; the service decides owner / admin and checks recipients' roles ──
  'GET /api/schedules': SIGNED_IN,
  'GET /api/schedules/recipients': SIGNED_IN,
  'POST /api/schedules': SIGNED_IN,
  'GET /api/schedules/:id': SIGNED_IN,
  'PATCH /api/schedules/:id': SIGNED_IN,
  'DELETE /api/schedules/:id': SIGNED_IN,
  'GET /api/schedules/:id/deliveries': SIGNED_IN,
  'POST /api/schedules/:id/send': SIGNED_IN,

  // ── comms programmes (planners and admins plan and launch; everyone reads) ──
  'GET /api/programmes': SIGNED_IN,
  'POST /api/programmes': ADMIN_PLANNER,
  'GET /api/programmes/:id': SIGNED_IN,
  'PUT /api/programmes/:id': ADMIN_PLANNER,
  'DELETE /api/programmes/:id': ADMIN_PLANNER,
  'POST /api/programmes/:id/launch': ADMIN_PLANNER,
  'GET /api/programmes/:id/forecast': SIGNED_IN,
  'GET /api/programmes/:id/scorecard': SIGNED_IN,

  // ── directory history (issue 15): one person's past departments and managers, admins only like a person's score ──
  'GET /api/directory/people/:personId/history': ADMIN,
};

/** A personal read token of each role (`Authorization: Bearer hp_rt_…`), the columns derived from DECISIONS by readTokenAccess. */
export const TOKEN_CALLERS = ['adminToken', 'leaderToken', 'plannerToken', 'analystToken'] as const;
export type TokenCaller = (typeof TOKEN_CALLERS)[number];
export const TOKEN_ROLE = { adminToken: 'admin', leaderToken: 'leader', plannerToken: 'planner', analystToken: 'analyst' } as const satisfies Record<TokenCaller, Caller>;

/** GET routes a read token never opens although its owner's role may: managing the tokens themselves (sign in for that). */
export const READ_TOKEN_MANAGEMENT: ReadonlySet<string> = new Set(['GET /api/me/tokens', 'GET /api/read-tokens']);

/**
 * What a read token gets on a route, from the line its owner's session has: on a GET route exactly
 * what the session of its owner's role gets (token management aside: 403); on every other method 403
 * where a session would pass or be refused; a public route ignores it (OK); and it is no write key,
 * so ingestion answers 401 as it does to a session.
 */
export function readTokenAccess(route: string, access: Access): Record<TokenCaller, Outcome> {
  const method = route.split(' ')[0];
  const one = (role: Caller): Outcome => {
    if (access.anonymous === OK) return OK;
    if (access[role] === 401) return 401;
    if (method !== 'GET' || READ_TOKEN_MANAGEMENT.has(route)) return 403;
    return access[role];
  };
  return Object.fromEntries(TOKEN_CALLERS.map((t) => [t, one(TOKEN_ROLE[t])])) as Record<TokenCaller, Outcome>;
}
