import type { ClickHouseService } from '@hubpulse/clickhouse';

/**
 * A tiny organisation whose patterns are computed by hand in patterns.integration.spec.ts and
 * tests/e2e/patterns.e2e.spec.ts. Eight people:
 *   eng / oslo: e1 e2 e3        exec / oslo: L (leader), C (CEO, leader)
 *   sales / rome: s1, s2 (hired 2026-03-05), a1
 * Content: news-1 (newsletter, inform, by L), ceo-1 (ceo_blog, vision, by C),
 *          doc-1 (documents, productivity, by e1), q-1 (qa, engagement, by e2), strat-1 (blog, strategy, by e1).
 * Weeks (Mondays): 2026-02-23, 2026-03-02. 2026-03-01 is a Sunday.
 */
export const PEOPLE = [
  { person_id: 'e1', name: 'E One', department: 'eng', location: 'oslo', is_leader: false, hired_at: null },
  { person_id: 'e2', name: 'E Two', department: 'eng', location: 'oslo', is_leader: false, hired_at: null },
  { person_id: 'e3', name: 'E Three', department: 'eng', location: 'oslo', is_leader: false, hired_at: '2025-01-01' },
  { person_id: 'L', name: 'Lea Der', department: 'exec', location: 'oslo', is_leader: true, hired_at: null },
  { person_id: 'C', name: 'Cee Oh', department: 'exec', location: 'oslo', is_leader: true, hired_at: null },
  { person_id: 's1', name: 'S One', department: 'sales', location: 'rome', is_leader: false, hired_at: null },
  { person_id: 's2', name: 'S Two', department: 'sales', location: 'rome', is_leader: false, hired_at: '2026-03-05' },
  { person_id: 'a1', name: 'A One', department: 'sales', location: 'rome', is_leader: false, hired_at: null },
];

export const CONTENT = [
  { content_id: 'news-1', channel: 'newsletter', purpose: 'inform', author_id: 'L' },
  { content_id: 'ceo-1', channel: 'ceo_blog', purpose: 'vision', author_id: 'C' },
  { content_id: 'doc-1', channel: 'documents', purpose: 'productivity', author_id: 'e1' },
  { content_id: 'q-1', channel: 'qa', purpose: 'engagement', author_id: 'e2' },
  { content_id: 'strat-1', channel: 'blog', purpose: 'strategy', author_id: 'e1' },
];

const CH: Record<string, [string, string]> = {
  'news-1': ['newsletter', 'inform'],
  'ceo-1': ['ceo_blog', 'vision'],
  'doc-1': ['documents', 'productivity'],
  'q-1': ['qa', 'engagement'],
  'strat-1': ['blog', 'strategy'],
};

type Row = Record<string, unknown>;
const ev = (event_id: string, type: string, actor_id: string, at: string, content_id = '', target_actor_id = '', properties = '{}'): Row => {
  const [channel, purpose] = content_id ? CH[content_id] : type === 'task_update' ? ['tasks', 'productivity'] : ['', ''];
  return { event_id, type, actor_id, occurred_at: `${at}.000`, content_id, channel, purpose, target_actor_id, properties };
};

export const EVENTS: Row[] = [
  ev('n1', 'view', 'e1', '2026-02-10 09:00:00', 'news-1'),
  ev('n2', 'view', 'e2', '2026-02-01 09:00:00', 'news-1'),
  ev('n3', 'view', 's1', '2026-03-03 09:00:00', 'news-1'),
  ev('n4', 'view', 's2', '2026-03-02 09:00:00', 'news-1'),
  ev('v1', 'react', 'e3', '2026-03-01 09:00:00', 'ceo-1'),
  ev('fb-1', 'feedback', 's1', '2026-03-02 10:00:00', 'ceo-1', 'C'),
  ev('a-fb1', 'answer', 'L', '2026-03-02 15:00:00', 'ceo-1', 's1', '{"reply_to_event_id":"fb-1"}'),
  ev('fb-2', 'feedback', 'e3', '2026-03-01 10:00:00', 'ceo-1', 'C'),
  ev('d1', 'doc_share', 'e1', '2026-02-20 09:00:00', 'doc-1'),
  ev('d2', 'view', 'e2', '2026-03-02 11:00:00', 'doc-1'),
  ev('t1', 'task_update', 'e3', '2026-02-01 09:00:00'),
  ev('t2', 'task_update', 'C', '2026-03-03 09:00:00'),
  ev('q1', 'post', 'e2', '2026-02-25 09:00:00', 'q-1'),
  ev('qa1', 'answer', 'e1', '2026-02-25 12:00:00', 'q-1', 'e2'),
  ev('qa2', 'answer', 'C', '2026-02-26 09:00:00', 'q-1', 'e2'),
  ev('c1', 'comment', 's1', '2026-03-03 10:00:00', 'doc-1', 'e1'),
  // a1: a reaction to L's newsletter in six weeks, two shares of e1's strategy post
  ...['2026-01-27', '2026-02-03', '2026-02-10', '2026-02-17', '2026-02-24', '2026-03-02'].map((d, i) => ev(`ar${i}`, 'react', 'a1', `${d} 08:00:00`, 'news-1')),
  ev('as1', 'share', 'a1', '2026-02-11 08:30:00', 'strat-1'),
  ev('as2', 'share', 'a1', '2026-02-18 08:30:00', 'strat-1'),
];

/** Writes the fixture; the first events are sent twice (a retried batch must count once). */
export async function insertPatternFixture(ch: ClickHouseService): Promise<void> {
  await ch.client.insert({
    table: ch.tables.people,
    format: 'JSONEachRow',
    values: PEOPLE.map((p) => ({ ...p, version: 1 })),
  });
  await ch.client.insert({
    table: ch.tables.content,
    format: 'JSONEachRow',
    values: CONTENT.map((c) => ({ ...c, title: c.content_id, published_at: '2026-01-01 00:00:00.000', version: 1 })),
  });
  await ch.client.insert({ table: ch.tables.events, format: 'JSONEachRow', values: EVENTS });
  await ch.client.insert({ table: ch.tables.events, format: 'JSONEachRow', values: EVENTS.slice(0, 8) });
}
