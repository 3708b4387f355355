import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { LEADER_QUEUE_DAYS, type PatternGroupBy } from '@hubpulse/contracts';

/** The group column of the pattern tables for each `by`: a closed allow-list, never user text. */
const GROUP_COLUMN: Record<PatternGroupBy, string> = { org: "''", department: 'toString(department)', location: 'toString(location)' };

export interface PurposeRowRead {
  day: string;
  group_value: string;
  purpose: string;
  numerator: number;
  denominator: number;
  parts: Record<string, number>;
}

export interface LeaderAggregateRead {
  group_value: string;
  kind: string;
  raised: number;
  askers: number;
  answered: number;
  median_hours: number | null;
}

export interface LeaderQueueRead {
  group_value: string;
  kind: string;
  band: number;
  items: number;
  askers: number;
}

/** Reads of the tables the pattern worker writes (apps/worker/src/patterns). Aggregates only: no person ids leave here. */
@Injectable()
export class PatternsRepository {
  constructor(private readonly ch: ClickHouseService) {}

  lastEventDay(): Promise<string | null> {
    return this.ch.lastEventDay();
  }

  async purposes(from: string, to: string, by: PatternGroupBy): Promise<PurposeRowRead[]> {
    const rows = await this.ch.rows<Omit<PurposeRowRead, 'day' | 'purpose'> & { iso_day: string; purpose_key: string }>(
      `SELECT toString(day) AS iso_day, group_value, toString(purpose) AS purpose_key, numerator, denominator, parts
       FROM ${this.ch.tables.pattern_purposes} FINAL
       WHERE day BETWEEN {from:Date} AND {to:Date} AND group_kind = {by:String}
       ORDER BY purpose_key, group_value, iso_day`,
      { from, to, by },
    );
    return rows.map((r) => ({
      day: r.iso_day,
      group_value: r.group_value,
      purpose: r.purpose_key,
      numerator: Number(r.numerator),
      denominator: Number(r.denominator),
      parts: mapNumbers(r.parts),
    }));
  }

  /** People per week, group and value of `column` (persona or stage), for weeks (Mondays) in [fromWeek, toWeek]. */
  async weeklyCounts(column: 'persona' | 'stage', fromWeek: string, toWeek: string, by: PatternGroupBy): Promise<{ week: string; group_value: string; key: string; people: number }[]> {
    const rows = await this.ch.rows<{ monday: string; group_value: string; key: string; people: string }>(
      `SELECT toString(week) AS monday, ${GROUP_COLUMN[by]} AS group_value, toString(${column}) AS key, count() AS people
       FROM ${this.ch.tables.pattern_person_weeks} FINAL
       WHERE week BETWEEN {fromWeek:Date} AND {toWeek:Date}
       GROUP BY monday, group_value, key ORDER BY monday, group_value, key`,
      { fromWeek, toWeek },
    );
    return rows.map((r) => ({ week: r.monday, group_value: r.group_value, key: r.key, people: Number(r.people) }));
  }

  /** People by persona in the week before and the week (Monday in [fromWeek, toWeek]), per group. */
  async personaMoves(fromWeek: string, toWeek: string, by: PatternGroupBy): Promise<{ week: string; group_value: string; from: string; to: string; people: number }[]> {
    const t = this.ch.tables.pattern_person_weeks;
    const rows = await this.ch.rows<{ monday: string; group_value: string; from_persona: string; to_persona: string; people: string }>(
      `SELECT toString(b.week) AS monday, b.group_value AS group_value, a.persona AS from_persona, b.persona AS to_persona, count() AS people
       FROM (SELECT person_id, week, ${GROUP_COLUMN[by]} AS group_value, toString(persona) AS persona FROM ${t} FINAL
             WHERE week BETWEEN {fromWeek:Date} AND {toWeek:Date}) AS b
       INNER JOIN (SELECT person_id, week + 7 AS next_week, toString(persona) AS persona FROM ${t} FINAL
             WHERE week BETWEEN {fromWeek:Date} - 7 AND {toWeek:Date} - 7) AS a
         ON a.person_id = b.person_id AND a.next_week = b.week
       GROUP BY monday, group_value, from_persona, to_persona`,
      { fromWeek, toWeek },
    );
    return rows.map((r) => ({ week: r.monday, group_value: r.group_value, from: r.from_persona, to: r.to_persona, people: Number(r.people) }));
  }

  /** Items raised in [from, to] per group and kind ('all' too): counts, distinct askers, median hours to the first leader reply. */
  async leaderAggregates(from: string, to: string, by: PatternGroupBy): Promise<LeaderAggregateRead[]> {
    const rows = await this.ch.rows<Record<string, string | number | null>>(
      `SELECT ${GROUP_COLUMN[by]} AS group_value, k AS kind, count() AS raised, uniqExact(asker_id) AS askers,
              countIf(first_reply_at IS NOT NULL) AS answered,
              if(answered = 0, NULL, quantileExactInclusiveIf(0.5)(dateDiff('second', raised_at, assumeNotNull(first_reply_at)) / 3600, first_reply_at IS NOT NULL)) AS median_hours
       FROM ${this.ch.tables.pattern_leader_items} FINAL
       ARRAY JOIN ['all', toString(kind)] AS k
       WHERE toDate(raised_at) BETWEEN {from:Date} AND {to:Date}
       GROUP BY group_value, kind`,
      { from, to },
    );
    return rows.map((r) => ({
      group_value: String(r.group_value),
      kind: String(r.kind),
      raised: Number(r.raised),
      askers: Number(r.askers),
      answered: Number(r.answered),
      median_hours: r.median_hours === null ? null : Number(r.median_hours),
    }));
  }

  /** Unanswered at the end of `to` (raised in the 90 days before), per group, kind and age band (index into `bandsFrom`). */
  async leaderQueue(to: string, by: PatternGroupBy, bandsFrom: number[]): Promise<LeaderQueueRead[]> {
    const rows = await this.ch.rows<Record<string, string>>(
      `SELECT group_value, kind, band, count() AS items, uniqExact(asker_id) AS askers
       FROM
       (
           SELECT ${GROUP_COLUMN[by]} AS group_value, k AS kind, asker_id,
                  arrayCount(b -> b * 86400 <= dateDiff('second', raised_at, toDateTime64({to:Date} + 1, 3, 'UTC')), {bands:Array(UInt32)}) - 1 AS band
           FROM ${this.ch.tables.pattern_leader_items} FINAL
           ARRAY JOIN ['all', toString(kind)] AS k
           WHERE raised_at < toDateTime64({to:Date} + 1, 3, 'UTC') AND raised_at >= toDateTime64({to:Date} + 1 - {queue:UInt32}, 3, 'UTC')
             AND (first_reply_at IS NULL OR first_reply_at >= toDateTime64({to:Date} + 1, 3, 'UTC'))
       )
       GROUP BY group_value, kind, band`,
      { to, bands: bandsFrom, queue: LEADER_QUEUE_DAYS },
    );
    return rows.map((r) => ({ group_value: r.group_value, kind: r.kind, band: Number(r.band), items: Number(r.items), askers: Number(r.askers) }));
  }

  /** Organisation-wide, all kinds, per day raised. */
  async leaderDays(from: string, to: string): Promise<(Omit<LeaderAggregateRead, 'group_value' | 'kind'> & { day: string })[]> {
    const rows = await this.ch.rows<Record<string, string | number | null>>(
      `SELECT toString(toDate(raised_at)) AS day, count() AS raised, uniqExact(asker_id) AS askers,
              countIf(first_reply_at IS NOT NULL) AS answered,
              if(answered = 0, NULL, quantileExactInclusiveIf(0.5)(dateDiff('second', raised_at, assumeNotNull(first_reply_at)) / 3600, first_reply_at IS NOT NULL)) AS median_hours
       FROM ${this.ch.tables.pattern_leader_items} FINAL
       WHERE toDate(raised_at) BETWEEN {from:Date} AND {to:Date}
       GROUP BY day ORDER BY day`,
      { from, to },
    );
    return rows.map((r) => ({
      day: String(r.day),
      raised: Number(r.raised),
      askers: Number(r.askers),
      answered: Number(r.answered),
      median_hours: r.median_hours === null ? null : Number(r.median_hours),
    }));
  }
}

function mapNumbers(m: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, Number(v)]));
}
