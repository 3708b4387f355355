import { Injectable } from '@nestjs/common';
import { segmentMembersSql } from '@hubpulse/audiences';
import { ClickHouseService, ScoresRepository } from '@hubpulse/clickhouse';

/** Per day of the period, how many members did something for the first time (the scorecard's cumulative series). */
export interface FirstDayCounts {
  day: string;
  /** Members whose first event on the channels was that day. */
  reached: number;
  /** Members whose first interaction on the channels was that day. */
  interacted: number;
  /** Members whose first event anywhere was that day. */
  active: number;
  /** (member, item) pairs first viewed that day, of items published on the channels in the period. */
  reads: number;
  /** Members whose first view of such an item was that day. */
  readers: number;
  /** Items published on the channels that day. */
  items: number;
}

/** One directory person's activity on one channel in a period (channel statistics, per person so every group of the plan gets its numbers). */
export interface PersonChannelRow {
  person_id: string;
  channel: string;
  /** 1 when the person reacted, commented, shared or answered there. */
  interacted: number;
}

/** One directory person's distinct views of items of one channel and purpose published in the period. */
export interface PersonReadRow {
  person_id: string;
  channel: string;
  purpose: string;
  reads: number;
}

/** Interaction: a reaction, comment, share or answer (answer = a reply on Q&A). */
const INTERACTION_TYPES = ['react', 'comment', 'share', 'answer'] as const;

/**
 * ClickHouse reads of the segments product: the activity counts of channel statistics and programme
 * scorecards, of a membership's members where asked (joined through segmentMembersSql; memberships
 * themselves are SegmentMembershipRepository's, scores ScoresRepository's, the directory
 * PeopleRepository's). Values travel as query parameters.
 */
@Injectable()
export class SegmentReadsRepository {
  constructor(
    private readonly ch: ClickHouseService,
    private readonly scores: ScoresRepository,
  ) {}

  private get t() {
    return this.ch.tables;
  }

  /**
   * Per directory person and channel, whether they were active (a row) and interacted there in
   * [from, to]; and per person, channel and purpose, their distinct views of items published in
   * [from, to]. Channel statistics sum these over every group of the disclosure plan.
   */
  async personActivity(from: string, to: string): Promise<{ channels: PersonChannelRow[]; reads: PersonReadRow[] }> {
    const [channels, reads] = await Promise.all([
      this.ch.rows<{ person_id: string; channel: string; interacted: string }>(
        `SELECT actor_id AS person_id, toString(channel) AS channel, max(type IN {interactions:Array(String)}) AS interacted
         FROM ${this.t.events}
         WHERE toDate(occurred_at) BETWEEN {from:Date} AND {to:Date} AND channel != '' AND type != 'newsletter_send'
           AND actor_id IN (SELECT person_id FROM ${this.t.people} FINAL)
         GROUP BY actor_id, channel`,
        { from, to, interactions: [...INTERACTION_TYPES] },
      ),
      this.ch.rows<{ person_id: string; channel: string; purpose: string; reads: string }>(
        `SELECT v.actor_id AS person_id, i.channel AS channel, i.purpose AS purpose, uniqExact(v.content_id) AS reads
         FROM (
           SELECT DISTINCT actor_id, content_id FROM ${this.t.events}
           WHERE type = 'view' AND toDate(occurred_at) BETWEEN {from:Date} AND {to:Date} AND content_id != ''
             AND actor_id IN (SELECT person_id FROM ${this.t.people} FINAL)
         ) AS v
         INNER JOIN (
           SELECT content_id, toString(channel) AS channel, toString(purpose) AS purpose FROM ${this.t.content} FINAL
           WHERE toDate(published_at) BETWEEN {from:Date} AND {to:Date}
         ) AS i ON i.content_id = v.content_id
         GROUP BY person_id, channel, purpose`,
        { from, to },
      ),
    ]);
    return {
      channels: channels.map((r) => ({ person_id: r.person_id, channel: r.channel, interacted: Number(r.interacted) })),
      reads: reads.map((r) => ({ person_id: r.person_id, channel: r.channel, purpose: r.purpose, reads: Number(r.reads) })),
    };
  }

  /** Items published in [from, to] per channel and purpose (the catalogue's). */
  async items(from: string, to: string): Promise<{ channel: string; purpose: string; items: number }[]> {
    const rows = await this.ch.rows<{ channel: string; purpose: string; items: string }>(
      `SELECT toString(channel) AS channel, toString(purpose) AS purpose, count() AS items
       FROM ${this.t.content} FINAL WHERE toDate(published_at) BETWEEN {from:Date} AND {to:Date}
       GROUP BY channel, purpose`,
      { from, to },
    );
    return rows.map((r) => ({ channel: r.channel, purpose: r.purpose, items: Number(r.items) }));
  }

  /**
   * The scorecard's raw material: per day of [from, to], members doing something for the first time
   * (on `channels`, or anywhere for `active`), first views of items published on `channels` in the
   * period, and those items by publication day.
   */
  async firstDays(segmentId: string, version: number, from: string, to: string, channels: readonly string[]): Promise<FirstDayCounts[]> {
    const members = segmentMembersSql.of(this.t, '{id:String}', '{v:UInt64}');
    const rows = await this.ch.rows<Record<string, string>>(
      `WITH ev AS (
         SELECT actor_id, toDate(occurred_at) AS day, toString(channel) AS channel, toString(type) AS type, content_id
         FROM ${this.t.events}
         WHERE toDate(occurred_at) BETWEEN {from:Date} AND {to:Date} AND actor_id IN (${members})
       )
       SELECT toString(day) AS day, sum(reached) AS reached, sum(interacted) AS interacted, sum(active) AS active, sum(reads) AS reads, sum(readers) AS readers, sum(items) AS items
       FROM (
         SELECT d AS day, toUInt64(kind = 1) AS reached, toUInt64(kind = 2) AS interacted, toUInt64(kind = 3) AS active, 0 AS reads, 0 AS readers, 0 AS items
         FROM (
           SELECT actor_id, 1 AS kind, min(day) AS d FROM ev WHERE channel IN {channels:Array(String)} GROUP BY actor_id
           UNION ALL
           SELECT actor_id, 2 AS kind, min(day) AS d FROM ev WHERE channel IN {channels:Array(String)} AND type IN {interactions:Array(String)} GROUP BY actor_id
           UNION ALL
           SELECT actor_id, 3 AS kind, min(day) AS d FROM ev GROUP BY actor_id
         )
         UNION ALL
         SELECT d AS day, 0, 0, 0, toUInt64(1) AS reads, 0, 0
         FROM (
           SELECT actor_id, content_id, min(day) AS d FROM ev
           WHERE type = 'view' AND content_id IN (
             SELECT content_id FROM ${this.t.content} FINAL
             WHERE channel IN {channels:Array(String)} AND toDate(published_at) BETWEEN {from:Date} AND {to:Date})
           GROUP BY actor_id, content_id
         )
         UNION ALL
         SELECT d AS day, 0, 0, 0, 0, toUInt64(1) AS readers, 0
         FROM (
           SELECT actor_id, min(day) AS d FROM ev
           WHERE type = 'view' AND content_id IN (
             SELECT content_id FROM ${this.t.content} FINAL
             WHERE channel IN {channels:Array(String)} AND toDate(published_at) BETWEEN {from:Date} AND {to:Date})
           GROUP BY actor_id
         )
         UNION ALL
         SELECT toDate(published_at) AS day, 0, 0, 0, 0, 0, toUInt64(1) AS items
         FROM ${this.t.content} FINAL
         WHERE channel IN {channels:Array(String)} AND toDate(published_at) BETWEEN {from:Date} AND {to:Date}
       )
       GROUP BY day ORDER BY day`,
      { id: segmentId, v: version, from, to, channels: [...channels], interactions: [...INTERACTION_TYPES] },
    );
    return rows.map((r) => ({
      day: r.day,
      reached: Number(r.reached),
      interacted: Number(r.interacted),
      active: Number(r.active),
      reads: Number(r.reads),
      readers: Number(r.readers),
      items: Number(r.items),
    }));
  }

  /** Sum of the members' organisation scores on each of `days` (members without a row add 0), and the members with a score above 0. */
  scoreTotals(segmentId: string, version: number, days: readonly string[]): Promise<Map<string, { total: number; contributors: number }>> {
    return this.scores.dailyTotals(days, { sql: segmentMembersSql.of(this.t, '{id:String}', '{v:UInt64}'), params: { id: segmentId, v: version } });
  }
}
