import { STARTER_SEGMENTS } from '@hubpulse/audiences';
import type { ClickHouseService } from '@hubpulse/clickhouse';
import type { SegmentRule } from '@hubpulse/contracts';

/** The data and the 20 segments of bench:segments. */

const b = (rule: SegmentRule) => rule;
/** 20 segments: the six starters and fourteen mixed rules over every node kind. */
export const RULES: [string, SegmentRule][] = [
  ...STARTER_SEGMENTS.map((s): [string, SegmentRule] => [s.key, s.rule]),
  ['dept-3', { kind: 'attribute', field: 'department', op: 'in', values: ['Dept 3'] }],
  ['site-1-new', { kind: 'and', children: [{ kind: 'attribute', field: 'location', op: 'in', values: ['Site 1'] }, { kind: 'tenure', max_days: 365 }] }],
  ['engineers', { kind: 'attribute', field: 'title', op: 'contains', values: ['engineer', 'architect'] }],
  ['under-p3', { kind: 'manager_tree', manager_id: 'p3', include_manager: true }],
  ['blog-posters', { kind: 'behaviour', action: 'post', min_count: 3, days: 90, channel: 'blog' }],
  ['lapsed', { kind: 'not_since', action: 'any', days: 30 }],
  ['top-decile', { kind: 'score_band', min: 90, max: 100 }],
  ['cohort-bottom', { kind: 'score_band', min: 0, max: 25, cohort: true }],
  ['doc-readers', b({ kind: 'behaviour', action: 'view', min_count: 1, days: 60, content_id: 'c42' })],
  ['quiet-observers', { kind: 'and', children: [{ kind: 'persona', personas: ['observer', 'inactive'] }, { kind: 'not_since', action: 'comment', days: 90 }] }],
  ['active-contributors', { kind: 'and', children: [{ kind: 'segment', segment_id: 'contributors' }, { kind: 'score_band', min: 50, max: 100 }] }],
  [
    'vision-engagers',
    {
      kind: 'or',
      children: [
        { kind: 'behaviour', action: 'react', min_count: 2, days: 28, purpose: 'vision' },
        { kind: 'behaviour', action: 'comment', min_count: 1, days: 180, channel: 'ceo_blog' },
        { kind: 'behaviour', action: 'feedback', min_count: 1, days: 365 },
      ],
    },
  ],
  [
    'nested',
    {
      kind: 'and',
      children: [
        { kind: 'or', children: [{ kind: 'attribute', field: 'department', op: 'in', values: ['Dept 1', 'Dept 2', 'Dept 5'] }, { kind: 'leader', value: true }] },
        { kind: 'not', child: { kind: 'tenure', max_days: 90 } },
        { kind: 'not', child: { kind: 'and', children: [{ kind: 'behaviour', action: 'share', min_count: 1, days: 14 }, { kind: 'is_manager', value: false }] } },
      ],
    },
  ],
  ['managers-lapsed', { kind: 'and', children: [{ kind: 'is_manager', value: true }, { kind: 'not_since', action: 'post', days: 90 }] }],
];

/**
 * 100,000 people (12 departments, 5 sites, 8 titles, a manager tree of 8 reports each, hired over 15
 * years, 200 leaders), events over the 365 days to `AS_OF`, one scored day (10 % without a score)
 * and one pattern week, as the score and pattern workers leave them. `derived: false` leaves the
 * scores and patterns out, for a bench whose product computes them itself (bench:api).
 */
export async function generateSegmentBenchData(ch: ClickHouseService, PEOPLE: number, EVENTS: number, AS_OF: string, { derived = true } = {}): Promise<void> {
  const t = ch.tables;
  // The directory: 12 departments, 5 sites, 8 titles, a manager tree of 8 reports each, hired over 15 years.
  await ch.client.command({
    query: `INSERT INTO ${t.people} (person_id, name, department, location, title, manager_id, hired_at, is_leader, version)
      SELECT concat('p', toString(number)), concat('Person ', toString(number)), concat('Dept ', toString(number % 12)),
             concat('Site ', toString(number % 5)),
             ['Software Engineer','Sales Executive','Analyst','Architect','Designer','Support Agent','Recruiter','Accountant'][1 + cityHash64(number, 1) % 8],
             if(number = 0, '', concat('p', toString(intDiv(number - 1, 8)))),
             toDate({asOf:Date}) - (cityHash64(number, 3) % 5475), number < 200, 1
      FROM numbers({people:UInt64})`,
    query_params: { people: PEOPLE, asOf: AS_OF },
  });
  await ch.client.command({
    query: `INSERT INTO ${t.events} (event_id, type, actor_id, occurred_at, content_id, channel, purpose, source, key_id, ingested_at)
      SELECT concat('b-', toString(number)),
             ['view','view','view','view','react','comment','post','share','doc_share','task_update','answer','feedback'][1 + number % 12],
             concat('p', toString(cityHash64(number) % {people:UInt64})),
             toDateTime64({end:DateTime}, 3, 'UTC') - toIntervalSecond(cityHash64(number, 7) % (365 * 86400)) AS at,
             concat('c', toString(cityHash64(number, 11) % 5000)),
             ['blog','newsletter','microblog','ceo_blog','documents','tasks','qa'][1 + number % 7],
             ['inform','vision','productivity','engagement','strategy'][1 + number % 5],
             'bench', 'bench', at + toIntervalMinute(1)
      FROM numbers({n:UInt64})`,
    query_params: { n: EVENTS, people: PEOPLE, end: `${AS_OF} 23:59:59` },
  });
  // The catalogue of the 5,000 items the events refer to, published over the year.
  await ch.client.command({
    query: `INSERT INTO ${t.content} (content_id, channel, purpose, author_id, title, published_at, version)
      SELECT concat('c', toString(number)), ['blog','newsletter','microblog','ceo_blog','documents','tasks','qa'][1 + number % 7],
             ['inform','vision','productivity','engagement','strategy'][1 + number % 5], concat('p', toString(number % {people:UInt64})),
             concat('Item ', toString(number)), toDateTime64({end:DateTime}, 3, 'UTC') - toIntervalSecond(cityHash64(number, 13) % (365 * 86400)), 1
      FROM numbers(5000)`,
    query_params: { people: PEOPLE, end: `${AS_OF} 23:59:59` },
  });
  if (!derived) return;
  // One scored day and one pattern week, as the score and pattern workers leave them.
  await ch.client.command({ query: `INSERT INTO ${t.score_days} (day, model_version, population, active, mode, watermark, computed_at) VALUES ({asOf:Date}, 1, {people:UInt32}, {people:UInt32}, 'full', now64(3), now64(3))`, query_params: { asOf: AS_OF, people: PEOPLE } });
  await ch.client.command({
    query: `INSERT INTO ${t.engagement_scores} (day, person_id, raw, score, score_cohort, actions, model_version, computed_at)
      SELECT {asOf:Date}, concat('p', toString(number)), 1 + cityHash64(number, 5) % 100, cityHash64(number, 5) % 101, cityHash64(number, 6) % 101, 1, 1, now64(3)
      FROM numbers({people:UInt64}) WHERE number % 10 != 0`,
    query_params: { people: PEOPLE, asOf: AS_OF },
  });
  await ch.client.command({
    query: `INSERT INTO ${t.pattern_person_weeks} (week, person_id, department, location, actions, initiatives, responses, received, shares, other_departments, persona, stage, computed_at)
      SELECT toMonday(toDate({asOf:Date})), concat('p', toString(number)), '', '', 0, 0, 0, 0, 0, [],
             ['inactive','observer','responder','broadcaster','engager','catalyst'][1 + cityHash64(number, 8) % 6],
             ['inactive','observer','contributor','steady','connector','ambassador'][1 + cityHash64(number, 9) % 6], now64(3)
      FROM numbers({people:UInt64})`,
    query_params: { people: PEOPLE, asOf: AS_OF },
  });
}
