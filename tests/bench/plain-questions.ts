import type { ClickHouseService } from '@hubpulse/clickhouse';
import { SEGMENT } from './content-bench.data';

/** The plainest SQL answering each read's question, by name (no privacy, no audiences, no FINAL on events), for data ending on AS_OF: what bench:api and bench:plan-change compare the API's reads with. */
export function plainQuestions(ch: ClickHouseService, item: string, AS_OF: string): Record<string, [sql: string, params: Record<string, unknown>]> {
  const t = ch.tables;
  const since = (days: number) => `occurred_at >= toDateTime64({asOf:Date}, 3, 'UTC') - toIntervalDay(${days - 1})`;
  const activeBy = (column: string) => [
    `SELECT p.g, uniqExact(e.actor_id) FROM ${t.events} AS e INNER JOIN (SELECT person_id, ${column} AS g FROM ${t.people} FINAL) AS p ON p.person_id = e.actor_id WHERE ${since(30)} GROUP BY p.g`,
    { asOf: AS_OF },
  ] as [string, Record<string, unknown>];
  const daily = (days: number) => [`SELECT toDate(occurred_at) AS d, uniqExact(actor_id) FROM ${t.events} WHERE ${since(days)} GROUP BY d`, { asOf: AS_OF }] as [string, Record<string, unknown>];
  return {
    'daily active people, 30 days': daily(30),
    'daily active people, 90 days': daily(90),
    'daily active people, 365 days': daily(365),
    'active people per department, 30 days': activeBy('department'),
    'active people per location, 30 days': activeBy('location'),
    'active people per manager, 30 days': activeBy('manager_id'),
    'active people per hiring year, 30 days': activeBy('toYear(hired_at)'),
    'score histogram of the newest day': [`SELECT intDiv(score, 5) AS b, count() FROM ${t.engagement_scores} FINAL WHERE day = (SELECT max(day) FROM ${t.score_days}) GROUP BY b`, {}],
    'actions and people per purpose and week, 90 days': [`SELECT purpose, toMonday(occurred_at) AS w, count(), uniqExact(actor_id) FROM ${t.events} WHERE ${since(90)} GROUP BY purpose, w`, { asOf: AS_OF }],
    'people per persona, newest week': [`SELECT persona, count() FROM ${t.pattern_person_weeks} FINAL WHERE week = (SELECT max(week) FROM ${t.pattern_person_weeks}) GROUP BY persona`, {}],
    "leaders' items and their repliers, 90 days": [
      `SELECT e.actor_id, uniqExact(e.content_id) FROM ${t.events} AS e INNER JOIN (SELECT person_id FROM ${t.people} FINAL WHERE is_leader) AS l ON l.person_id = e.actor_id WHERE e.type = 'post' AND ${since(90)} GROUP BY e.actor_id`,
      { asOf: AS_OF },
    ],
    'active people per month, 12 months': [`SELECT toStartOfMonth(occurred_at) AS m, uniqExact(actor_id) FROM ${t.events} WHERE ${since(365)} GROUP BY m`, { asOf: AS_OF }],
    'members per segment': [`SELECT segment_id, count() FROM ${t.segment_members} GROUP BY segment_id`, {}],
    "a segment's members per department": [
      `SELECT p.department, count() FROM ${t.segment_members} AS s INNER JOIN (SELECT person_id, department FROM ${t.people} FINAL) AS p ON p.person_id = s.person_id WHERE s.segment_id = {seg:String} GROUP BY p.department`,
      { seg: SEGMENT },
    ],
    'read rate of inform content per channel, 30 days': [`SELECT channel, countIf(type = 'view') / count() FROM ${t.events} WHERE purpose = 'inform' AND ${since(30)} GROUP BY channel`, { asOf: AS_OF }],
    'readers per item published in 90 days': [
      `SELECT content_id, uniqExact(actor_id) FROM ${t.events} WHERE type = 'view' AND content_id IN (SELECT content_id FROM ${t.content} FINAL WHERE toDate(published_at) >= toDate({asOf:Date}) - 89) AND ${since(90)} GROUP BY content_id`,
      { asOf: AS_OF },
    ],
    'readers of one item': [`SELECT uniqExact(actor_id) FROM ${t.events} WHERE content_id = {item:String} AND type = 'view'`, { item }],
    'readers per author, 90 days': [
      `SELECT i.author_id, uniqExact(e.actor_id) FROM ${t.events} AS e INNER JOIN (SELECT content_id, author_id FROM ${t.content} FINAL WHERE toDate(published_at) >= toDate({asOf:Date}) - 89) AS i ON i.content_id = e.content_id WHERE e.type = 'view' AND ${since(90)} GROUP BY i.author_id`,
      { asOf: AS_OF },
    ],
    'recipients and openers per issue': [`SELECT content_id, uniqExactIf(actor_id, type = 'newsletter_send'), uniqExactIf(actor_id, type = 'newsletter_open') FROM ${t.events} WHERE type IN ('newsletter_send', 'newsletter_open') GROUP BY content_id`, {}],
    'openers per department of one issue': [
      `SELECT p.department, uniqExact(e.actor_id) FROM ${t.events} AS e INNER JOIN (SELECT person_id, department FROM ${t.people} FINAL) AS p ON p.person_id = e.actor_id WHERE e.content_id = 'nl-3' AND e.type = 'newsletter_open' GROUP BY p.department`,
      {},
    ],
  };
}
