import { ROLES, type Role } from './enums';
import { ALERT_ROLES } from './alerts.types';
import { GOAL_EDITOR_ROLES } from './goals.types';
import { SEGMENT_EDITOR_ROLES } from './segments.types';

/**
 * Which roles may open each dashboard page: the one table behind the dashboard's route gates (the
 * Admin area, score explanations, the editors) and the saved-view API (a shared view is listed and
 * opened only for roles that may open its page). A page not listed here is not a dashboard page.
 * Member lists are a panel of the segment page, not a page: SEGMENT_MEMBER_ROLES gates that panel.
 */
export interface PageAccess {
  /** Path pattern: literal segments, `:param` for one segment (an id). */
  pattern: string;
  /** What the page is called in lists (saved views, messages). */
  label: string;
  roles: readonly Role[];
  /**
   * The API reads the page asks first when opened without a query string (`:param` as in `pattern`).
   * The API names them in the page's HTML (`<link rel="preload">`), so that they are on their way
   * while the dashboard's code loads instead of being asked after it ran. They must be exactly the
   * dashboard's own first reads (app.prefetch; its spec checks that they are): a preload nobody
   * uses is a wasted server read.
   */
  firstReads?: readonly string[];
}

const ALL: readonly Role[] = ROLES;
const ADMIN: readonly Role[] = ['admin'];

export const PAGE_ACCESS: readonly PageAccess[] = [
  { pattern: '/overview', label: 'Overview', roles: ALL, firstReads: ['/api/overview', '/api/goals'] },
  { pattern: '/strategy', label: 'Strategy', roles: ALL, firstReads: ['/api/strategy/overview'] },
  { pattern: '/strategy/goals/new', label: 'Strategy → new goal', roles: GOAL_EDITOR_ROLES },
  { pattern: '/strategy/goals/:id', label: 'Strategy → goal', roles: ALL, firstReads: ['/api/goals/:id', '/api/goals/:id/values/history'] },
  { pattern: '/strategy/goals/:id/edit', label: 'Strategy → edit goal', roles: GOAL_EDITOR_ROLES },
  { pattern: '/engagement', label: 'Engagement → scores', roles: ALL, firstReads: ['/api/engagement/distribution', '/api/engagement/groups?by=department&days=30'] },
  { pattern: '/engagement/purposes', label: 'Engagement → purposes', roles: ALL, firstReads: ['/api/engagement/purposes?by=org&weeks=12', '/api/engagement/purposes?by=department&weeks=12'] },
  { pattern: '/engagement/personas', label: 'Engagement → personas', roles: ALL, firstReads: ['/api/engagement/personas?by=org&weeks=12', '/api/engagement/ambassadors?by=org&weeks=12'] },
  { pattern: '/engagement/leaders', label: 'Engagement → leader responsiveness', roles: ALL, firstReads: ['/api/engagement/leaders?by=org&weeks=12', '/api/engagement/leaders?by=department&weeks=12'] },
  // Explanations name a person.
  { pattern: '/engagement/why', label: 'Engagement → why this score', roles: ADMIN },
  { pattern: '/audiences', label: 'Audiences → segments', roles: ALL, firstReads: ['/api/segments'] },
  { pattern: '/audiences/segments/new', label: 'Audiences → new segment', roles: SEGMENT_EDITOR_ROLES },
  { pattern: '/audiences/segments/:id', label: 'Audiences → segment', roles: ALL, firstReads: ['/api/segments/:id', '/api/segments/:id/history', '/api/segments/:id/channels'] },
  { pattern: '/audiences/segments/:id/edit', label: 'Audiences → edit segment', roles: SEGMENT_EDITOR_ROLES },
  { pattern: '/audiences/programmes', label: 'Audiences → programmes', roles: ALL },
  { pattern: '/audiences/programmes/new', label: 'Audiences → new programme', roles: SEGMENT_EDITOR_ROLES },
  { pattern: '/audiences/programmes/:id', label: 'Audiences → programme', roles: ALL, firstReads: ['/api/programmes/:id'] },
  { pattern: '/audiences/programmes/:id/edit', label: 'Audiences → edit programme', roles: SEGMENT_EDITOR_ROLES },
  // Content (issue 15): planners plan it, analysts explore it, leaders see what their messages reached.
  { pattern: '/content', label: 'Content → items', roles: ALL, firstReads: ['/api/content/items'] },
  { pattern: '/content/items/:id', label: 'Content → item', roles: ALL, firstReads: ['/api/content/items/:id'] },
  { pattern: '/content/newsletters', label: 'Content → newsletters', roles: ALL, firstReads: ['/api/content/newsletters'] },
  { pattern: '/content/newsletters/:issue', label: 'Content → newsletter issue', roles: ALL },
  { pattern: '/content/authors', label: 'Content → authors', roles: ALL, firstReads: ['/api/content/authors'] },
  { pattern: '/reports/exports', label: 'Reports → exports', roles: ALL },
  { pattern: '/reports/saved-views', label: 'Reports → saved views', roles: ALL },
  { pattern: '/reports/schedules', label: 'Reports → schedules', roles: ALL },
  { pattern: '/reports/alerts', label: 'Reports → alerts', roles: ALERT_ROLES },
  { pattern: '/reports/tokens', label: 'Reports → read tokens', roles: ALL },
  { pattern: '/reports/glossary', label: 'Reports → glossary', roles: ALL },
  { pattern: '/account', label: 'Your account', roles: ALL },
  // The Admin area: data reaching Hubpulse, keys, access and the audit log.
  { pattern: '/admin/data-sources', label: 'Admin → data sources', roles: ADMIN },
  { pattern: '/admin/event-mappings', label: 'Admin → event mappings', roles: ADMIN },
  { pattern: '/admin/scoring-model', label: 'Admin → scoring model', roles: ADMIN },
  { pattern: '/admin/people', label: 'Admin → people & access', roles: ADMIN },
  { pattern: '/admin/write-keys', label: 'Admin → write keys', roles: ADMIN },
  { pattern: '/admin/imports', label: 'Admin → imports', roles: ADMIN },
  { pattern: '/admin/audit', label: 'Admin → audit log', roles: ADMIN },
];

function matches(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const got = path.split('/');
  return want.length === got.length && want.every((w, i) => (w.startsWith(':') ? got[i].length > 0 : w === got[i]));
}

/** `path` without a trailing slash (`/` stays itself). */
const withoutTrailingSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/** The page a path opens (a trailing slash ignored), or null when it is not a dashboard page. */
export function pageFor(path: string): PageAccess | null {
  const clean = withoutTrailingSlash(path);
  return PAGE_ACCESS.find((p) => matches(p.pattern, clean)) ?? null;
}

/** A path segment that may stand in a read's address as it is (ids, newsletter issues). */
const PLAIN_PARAM = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The first reads (`firstReads`) of the page `path` opens, with its params filled in; empty for a
 * path that is not a page, a page without them, or a param that is not a plain id.
 */
export function firstReadsFor(path: string): string[] {
  const clean = withoutTrailingSlash(path);
  const page = pageFor(clean);
  if (!page?.firstReads) return [];
  const want = page.pattern.split('/');
  const got = clean.split('/');
  const params = new Map<string, string>();
  for (let i = 0; i < want.length; i++) {
    if (!want[i].startsWith(':')) continue;
    if (!PLAIN_PARAM.test(got[i])) return [];
    params.set(want[i], got[i]);
  }
  return page.firstReads.map((read) => read.replace(/:[a-z]+/g, (name) => params.get(name) ?? name));
}

/**
 * Whether `role` may open `path`. Paths below an area whose every page is for some roles (`/admin`,
 * `/admin/…` not listed) take that area's roles, so a new Admin page is admin-only until listed.
 */
export function roleMayOpen(role: string | undefined, path: string): boolean {
  if (!role) return false;
  const page = pageFor(path) ?? areaFor(path);
  return page ? (page.roles as readonly string[]).includes(role) : true;
}

/** For a path not in the table: the roles every listed page under its first segment share (none → open to all). */
function areaFor(path: string): PageAccess | null {
  const first = path.split('/')[1] ?? '';
  const under = PAGE_ACCESS.filter((p) => p.pattern.split('/')[1] === first);
  if (under.length === 0) return null;
  const roles = ROLES.filter((r) => under.every((p) => p.roles.includes(r)));
  return { pattern: `/${first}`, label: first, roles };
}
