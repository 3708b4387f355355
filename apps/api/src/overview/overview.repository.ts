import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '@hubpulse/clickhouse';

/** The ClickHouse reads behind the overview. Every read of events dedups (FINAL) so a retried event counts once. */
@Injectable()
export class OverviewRepository {
  constructor(private readonly ch: ClickHouseService) {}

  lastEventDay(): Promise<string | null> {
    return this.ch.lastEventDay();
  }

  async totals(from: string, to: string): Promise<{ events: number; active: number; people: number }> {
    const [r] = await this.ch.rows<{ events: string; active: string; people: string }>(
      `SELECT count() AS events, uniqExact(actor_id) AS active,
              (SELECT count() FROM ${this.ch.tables.people} FINAL) AS people
       FROM ${this.ch.tables.events} FINAL
       WHERE toDate(occurred_at) BETWEEN {from:Date} AND {to:Date}`,
      { from, to },
    );
    return { events: Number(r.events), active: Number(r.active), people: Number(r.people) };
  }

  async engagement(from: string, to: string): Promise<{ day: string; index: number; people: number }[]> {
    const rows = await this.ch.rows<{ day: string; index: number; people: string }>(
      `SELECT day, round(avg(score), 2) AS index, count() AS people
       FROM ${this.ch.tables.engagement_scores} FINAL
       WHERE day BETWEEN {from:Date} AND {to:Date}
       GROUP BY day ORDER BY day`,
      { from, to },
    );
    return rows.map((r) => ({ day: r.day, index: Number(r.index), people: Number(r.people) }));
  }

  async byChannel(from: string, to: string): Promise<{ channel: string; events: number; people: number }[]> {
    const rows = await this.ch.rows<{ channel: string; events: string; people: string }>(
      `SELECT if(channel = '', 'other', channel) AS channel, count() AS events, uniqExact(actor_id) AS people
       FROM ${this.ch.tables.events} FINAL
       WHERE toDate(occurred_at) BETWEEN {from:Date} AND {to:Date}
       GROUP BY channel ORDER BY events DESC`,
      { from, to },
    );
    return rows.map((r) => ({ channel: r.channel, events: Number(r.events), people: Number(r.people) }));
  }
}
