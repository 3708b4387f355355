import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '@hubpulse/clickhouse';

/** The overview's engagement index counts people active in this many days ending on each day. */
export const ENGAGEMENT_WINDOW_DAYS = 7;

/** The ClickHouse reads behind the overview. Every read of events dedups (FINAL) so a retried event counts once. */
@Injectable()
export class OverviewRepository {
  constructor(private readonly ch: ClickHouseService) {}

  /** Events in the range (everyone's), directory people active in it, and the directory's size. */
  async totals(from: string, to: string): Promise<{ events: number; active: number; people: number }> {
    const [r] = await this.ch.rows<{ events: string; active: string; people: string }>(
      `SELECT count() AS events,
              uniqExactIf(actor_id, type != 'newsletter_send' AND actor_id IN (SELECT person_id FROM ${this.ch.tables.people} FINAL)) AS active,
              (SELECT count() FROM ${this.ch.tables.people} FINAL) AS people
       FROM ${this.ch.tables.events} FINAL
       WHERE toDate(occurred_at) BETWEEN {from:Date} AND {to:Date}`,
      { from, to },
    );
    return { events: Number(r.events), active: Number(r.active), people: Number(r.people) };
  }

  /**
   * Per day of [from, to]: people of the directory who did anything on the hub in the 7 days ending
   * that day (the index is their share of the directory, which `totals` counts). Days nobody was
   * active in give no row. Distinct person-days, so a retried event counts once without FINAL.
   *
   * A person is counted on day d when one of their active days a has d − 6 ≤ a ≤ d: the union of
   * the intervals [a, a + 6]. Per person, their sorted active days give those intervals merged into
   * runs (a new run starts where two active days are more than 7 apart); each run adds +1 on its first
   * day and −1 on the day after it ends, and a running sum over the days gives the count. So the
   * work is one pass over the events grouped by person, not one row per person-day-window (7× the
   * person-days: minutes at 100,000 people over a year).
   */
  async engagement(from: string, to: string): Promise<{ day: string; active: number }[]> {
    const w = ENGAGEMENT_WINDOW_DAYS;
    const rows = await this.ch.rows<{ day: string; active: string }>(
      `SELECT toString(d) AS day, toString(n) AS active FROM (
         SELECT d, sum(sum(delta)) OVER (ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n
         FROM (
           SELECT tupleElement(step, 1) AS d, tupleElement(step, 2) AS delta
           FROM (
             SELECT arraySort(groupUniqArray(toDate(occurred_at))) AS ds
             FROM ${this.ch.tables.events}
             WHERE toDate(occurred_at) BETWEEN toDate({from:Date}) - ${w - 1} AND {to:Date}
               AND type != 'newsletter_send' -- a newsletter reaching an inbox is not activity
               AND actor_id IN (SELECT person_id FROM ${this.ch.tables.people} FINAL)
             GROUP BY actor_id
           )
           ARRAY JOIN arrayConcat(
             arrayMap(i -> (ds[i], toInt64(1)), arrayFilter(i -> i = 1 OR dateDiff('day', ds[i - 1], ds[i]) > ${w}, arrayEnumerate(ds))),
             arrayMap(i -> (ds[i] + ${w}, toInt64(-1)), arrayFilter(i -> i = length(ds) OR dateDiff('day', ds[i], ds[i + 1]) > ${w}, arrayEnumerate(ds)))
           ) AS step
           UNION ALL -- every day of the range, so each has its running sum
           SELECT toDate({from:Date}) + number AS d, toInt64(0) AS delta FROM numbers(toUInt64(dateDiff('day', toDate({from:Date}), toDate({to:Date})) + 1))
         )
         GROUP BY d
         ORDER BY d
       )
       WHERE d BETWEEN {from:Date} AND {to:Date} AND n > 0
       ORDER BY d`,
      { from, to },
    );
    return rows.map((r) => ({ day: r.day, active: Number(r.active) }));
  }

  /** Per channel: events (everyone's) and directory people who used it in the range. */
  async byChannel(from: string, to: string): Promise<{ channel: string; events: number; people: number }[]> {
    const rows = await this.ch.rows<{ channel: string; events: string; people: string }>(
      `SELECT if(channel = '', 'other', toString(channel)) AS channel, count() AS events,
              uniqExactIf(actor_id, actor_id IN (SELECT person_id FROM ${this.ch.tables.people} FINAL)) AS people
       FROM ${this.ch.tables.events} FINAL
       WHERE toDate(occurred_at) BETWEEN {from:Date} AND {to:Date}
       GROUP BY channel ORDER BY events DESC, channel`,
      { from, to },
    );
    return rows.map((r) => ({ channel: r.channel, events: Number(r.events), people: Number(r.people) }));
  }

  /**
   * Per day of [from, to]: how many people (everyone who acted) used each combination of channels —
   * bit i of `mask` is `channels[i]`. From it, the people behind any set of channels' events on a day.
   */
  async dailyChannelPeople(from: string, to: string, channels: readonly string[]): Promise<{ day: string; mask: number; n: number }[]> {
    if (channels.length === 0) return [];
    const rows = await this.ch.rows<{ day: string; mask: string; n: string }>(
      `SELECT toString(d) AS day, mask, count() AS n FROM (
         SELECT toDate(occurred_at) AS d, actor_id,
                groupBitOr(bitShiftLeft(toUInt64(1), indexOf({channels:Array(String)}, if(channel = '', 'other', toString(channel))) - 1)) AS mask
         FROM ${this.ch.tables.events} FINAL
         WHERE toDate(occurred_at) BETWEEN {from:Date} AND {to:Date}
         GROUP BY d, actor_id
       ) GROUP BY d, mask`,
      { from, to, channels },
    );
    return rows.map((r) => ({ day: r.day, mask: Number(r.mask), n: Number(r.n) }));
  }
}
