import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '@hubpulse/clickhouse';
import type { PatternGroupBy } from '@hubpulse/contracts';

export interface PurposeRowRead {
  day: string;
  group_kind: PatternGroupBy;
  group_value: string;
  purpose: string;
  numerator: number;
  denominator: number;
  parts: Record<string, number>;
}

/** One item addressed to leaders, with its asker and the leader who replied first (person ids stay in the API). */
export interface LeaderItemRead {
  kind: string;
  asker_id: string;
  raised_at: string;
  first_reply_at: string | null;
  first_replier_id: string;
}

/** Reads of the tables the pattern worker writes (apps/worker/src/patterns). Person ids are read only to group people by the disclosure plan; they never leave the API. */
@Injectable()
export class PatternsRepository {
  constructor(private readonly ch: ClickHouseService) {}

  lastEventDay(): Promise<string | null> {
    return this.ch.lastEventDay();
  }

  /** Every group kind of every day (the release is decided over all of them, whatever the view asks for); `by` narrows for callers that show one kind. */
  async purposes(from: string, to: string, by?: PatternGroupBy): Promise<PurposeRowRead[]> {
    const rows = await this.ch.rows<Omit<PurposeRowRead, 'day' | 'purpose'> & { iso_day: string; purpose_key: string }>(
      `SELECT toString(day) AS iso_day, group_kind, group_value, toString(purpose) AS purpose_key, numerator, denominator, parts
       FROM ${this.ch.tables.pattern_purposes} FINAL
       WHERE day BETWEEN {from:Date} AND {to:Date} AND ({by:String} = '' OR group_kind = {by:String})
       ORDER BY purpose_key, group_kind, group_value, iso_day`,
      { from, to, by: by ?? '' },
    );
    return rows.map((r) => ({
      day: r.iso_day,
      group_kind: r.group_kind,
      group_value: r.group_value,
      purpose: r.purpose_key,
      numerator: Number(r.numerator),
      denominator: Number(r.denominator),
      parts: mapNumbers(r.parts),
    }));
  }

  /** Persona and stage of every person per week (Monday in [fromWeek, toWeek]); the API groups them by the plan. */
  async personWeeks(fromWeek: string, toWeek: string): Promise<{ week: string; person_id: string; persona: string; stage: string }[]> {
    const rows = await this.ch.rows<{ monday: string; person_id: string; persona: string; stage: string }>(
      `SELECT toString(week) AS monday, person_id, toString(persona) AS persona, toString(stage) AS stage
       FROM ${this.ch.tables.pattern_person_weeks} FINAL
       WHERE week BETWEEN {fromWeek:Date} AND {toWeek:Date}`,
      { fromWeek, toWeek },
    );
    return rows.map((r) => ({ week: r.monday, person_id: r.person_id, persona: r.persona, stage: r.stage }));
  }

  /** Items raised in [from, to] (from ≤ to − LEADER_QUEUE_DAYS + 1 covers the queue too). */
  async leaderItems(from: string, to: string): Promise<LeaderItemRead[]> {
    return this.ch.rows<LeaderItemRead>(
      `SELECT toString(kind) AS kind, asker_id, toString(raised_at) AS raised_at, if(first_reply_at IS NULL, NULL, toString(first_reply_at)) AS first_reply_at, first_replier_id
       FROM ${this.ch.tables.pattern_leader_items} FINAL
       WHERE toDate(raised_at) BETWEEN {from:Date} AND {to:Date}`,
      { from, to },
    );
  }
}

function mapNumbers(m: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, Number(v)]));
}
