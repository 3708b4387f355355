import type { ClickHouseService } from '@hubpulse/clickhouse';

/**
 * A small organisation whose segment memberships are worked out by hand in
 * segments.integration.spec.ts. As-of day 2026-03-10 (the 7-day window is 03-04..03-10, 28 days
 * 02-11..03-10, 30 days 02-09..03-10).
 *
 *   ceo  exec  oslo  "Chief Executive"            leader, hired 2015-01-01
 *   m1   eng   oslo  "Engineering Manager"        → ceo, hired 2020-01-01
 *   e1   eng   oslo  "Software Engineer"          → m1, hired 2026-01-15 (54 days)
 *   e2   eng   rome  "Senior Software Engineer"   → m1, hired 2025-06-01 (282 days)
 *   e3   eng   rome  "QA Engineer"                → e2, no hire date
 *   s1   sales rome  "Account Executive"          → ceo, hired 2026-03-01 (9 days)
 *   s2   sales oslo  "Sales Manager"              → ceo, leader, hired 2019-05-05
 *   x1   (no department, location or title), hired 2026-03-20 (not yet)
 * `ghost` acts on the hub but is not in the directory.
 */
export const AS_OF = '2026-03-10';
export const EVERYONE = ['ceo', 'e1', 'e2', 'e3', 'm1', 's1', 's2', 'x1'];

export const PEOPLE = [
  { person_id: 'ceo', name: 'Cee', department: 'exec', location: 'oslo', title: 'Chief Executive', manager_id: '', hired_at: '2015-01-01', is_leader: true },
  { person_id: 'm1', name: 'Em One', department: 'eng', location: 'oslo', title: 'Engineering Manager', manager_id: 'ceo', hired_at: '2020-01-01', is_leader: false },
  { person_id: 'e1', name: 'E One', department: 'eng', location: 'oslo', title: 'Software Engineer', manager_id: 'm1', hired_at: '2026-01-15', is_leader: false },
  { person_id: 'e2', name: 'E Two', department: 'eng', location: 'rome', title: 'Senior Software Engineer', manager_id: 'm1', hired_at: '2025-06-01', is_leader: false },
  { person_id: 'e3', name: 'E Three', department: 'eng', location: 'rome', title: 'QA Engineer', manager_id: 'e2', hired_at: null, is_leader: false },
  { person_id: 's1', name: 'S One', department: 'sales', location: 'rome', title: 'Account Executive', manager_id: 'ceo', hired_at: '2026-03-01', is_leader: false },
  { person_id: 's2', name: 'S Two', department: 'sales', location: 'oslo', title: 'Sales Manager', manager_id: 'ceo', hired_at: '2019-05-05', is_leader: true },
  { person_id: 'x1', name: 'X One', department: '', location: '', title: '', manager_id: '', hired_at: '2026-03-20', is_leader: false },
];

type Row = Record<string, unknown>;
const ev = (event_id: string, type: string, actor_id: string, at: string, channel = '', purpose = '', content_id = ''): Row => ({
  event_id,
  type,
  actor_id,
  occurred_at: `${at}.000`,
  channel,
  purpose,
  content_id,
});

export const EVENTS: Row[] = [
  ev('p1', 'post', 'e1', '2026-03-09 09:00:00', 'blog', 'inform', 'b-1'),
  ev('p1', 'post', 'e1', '2026-03-09 09:00:00', 'blog', 'inform', 'b-1'), // sent twice: counts once
  ev('p2', 'post', 'e1', '2026-03-05 09:00:00', 'microblog', 'engagement'),
  ev('c1', 'comment', 'e1', '2026-02-20 09:00:00', 'blog', 'inform', 'b-0'),
  ...[1, 2, 3, 4, 5].map((i) => ev(`v${i}`, 'view', 'e2', '2026-03-08 10:00:00', 'newsletter', 'inform', 'n-1')),
  ev('d1', 'doc_share', 'e2', '2026-03-01 09:00:00', 'documents', 'productivity', 'doc-1'),
  ev('c2', 'comment', 'e3', '2026-01-01 09:00:00', 'blog', 'inform', 'b-0'),
  ev('a1', 'answer', 's1', '2026-03-10 23:59:00', 'qa', 'engagement', 'q-1'),
  ev('p3', 'post', 's1', '2026-03-11 08:00:00', 'blog', 'inform', 'b-2'), // after the as-of day
  ev('v9', 'view', 'm1', '2026-02-01 09:00:00', 'blog', 'inform', 'b-0'),
  ev('r1', 'react', 'ceo', '2026-03-03 09:00:00', 'ceo_blog', 'vision', 'ceo-1'),
  ...[1, 2, 3].map((i) => ev(`g${i}`, 'post', 'ghost', '2026-03-09 09:00:00', 'blog', 'inform')),
];

/** Day 03-10 scored by model 3 (03-09 by model 2); m1's model-2 row on 03-10 is stale and ignored. */
export const SCORE_DAYS = [
  { day: '2026-03-09', model_version: 2, population: 8, active: 3, mode: 'full', watermark: '2026-03-10 00:00:00.000', computed_at: '2026-03-10 00:00:00.000' },
  { day: '2026-03-10', model_version: 3, population: 8, active: 3, mode: 'full', watermark: '2026-03-11 00:00:00.000', computed_at: '2026-03-11 00:00:00.000' },
];
const score = (day: string, person_id: string, s: number, cohort: number, model_version: number) => ({
  day,
  person_id,
  raw: 1 + s,
  score: s,
  score_cohort: cohort,
  actions: 1,
  model_version,
  computed_at: '2026-03-11 00:00:00.000',
});
export const SCORES = [
  score('2026-03-10', 'e1', 95, 80, 3),
  score('2026-03-10', 'e2', 60, 50, 3),
  score('2026-03-10', 's1', 30, 90, 3),
  score('2026-03-10', 'm1', 99, 99, 2),
  score('2026-03-09', 'ceo', 70, 70, 2),
];

const week = (w: string, person_id: string, persona: string, stage: string) => ({
  week: w,
  person_id,
  department: '',
  location: '',
  actions: 0,
  initiatives: 0,
  responses: 0,
  received: 0,
  shares: 0,
  other_departments: [],
  persona,
  stage,
  computed_at: '2026-03-11 00:00:00.000',
});
/** Latest week on or before the as-of day: 2026-03-02 (the 03-16 row is after it, the 02-23 rows older). */
export const PERSON_WEEKS = [
  week('2026-03-02', 'e1', 'broadcaster', 'contributor'),
  week('2026-03-02', 'e2', 'observer', 'observer'),
  week('2026-03-02', 's1', 'responder', 'ambassador'),
  week('2026-03-02', 'm1', 'observer', 'steady'),
  week('2026-02-23', 'e3', 'observer', 'ambassador'),
  week('2026-03-16', 'e3', 'catalyst', 'ambassador'),
];

export async function insertSegmentFixture(ch: ClickHouseService): Promise<void> {
  const t = ch.tables;
  const insert = (table: string, values: Row[]) => ch.client.insert({ table, values, format: 'JSONEachRow' });
  await insert(t.people, PEOPLE.map((p) => ({ ...p, version: 1 })));
  await insert(t.events, EVENTS.slice(0, 1));
  await insert(t.events, EVENTS.slice(1)); // the duplicate in another part, as a retry would land
  await insert(t.score_days, SCORE_DAYS);
  await insert(t.engagement_scores, SCORES);
  await insert(t.pattern_person_weeks, PERSON_WEEKS);
}
