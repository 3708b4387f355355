import { Injectable } from '@nestjs/common';
import { ClickHouseService } from '../clickhouse.service';

/** First and last event day, how many rows, and the newest ingested_at (the score worker's watermark). */
export interface EventSpan {
  first: string;
  last: string;
  n: string;
  wm: string;
}

/**
 * Whole-table facts about `events` that several areas need (the API's default date ranges, the score
 * and pattern workers' ranges). Events are written by ingestion only; each area's repository reads
 * the rows it aggregates itself.
 */
@Injectable()
export class EventsRepository {
  constructor(private readonly ch: ClickHouseService) {}

  /** Day (YYYY-MM-DD) of the newest stored event, or null when there is none. */
  async lastEventDay(): Promise<string | null> {
    const [r] = await this.ch.rows<{ last: string; n: string }>(
      `SELECT toString(toDate(max(occurred_at))) AS last, count() AS n FROM ${this.ch.tables.events}`,
    );
    return r && Number(r.n) > 0 ? r.last : null;
  }

  /** Days of the first and last event, the row count and the newest ingested_at; null when there is no event. */
  async span(): Promise<EventSpan | null> {
    const [r] = await this.ch.rows<EventSpan>(
      `SELECT toString(toDate(min(occurred_at))) AS first, toString(toDate(max(occurred_at))) AS last, count() AS n,
              toString(max(ingested_at)) AS wm
       FROM ${this.ch.tables.events}`,
    );
    return r && Number(r.n) > 0 ? r : null;
  }

  /** The first day of the events ingested after `watermark` − `marginMs`, or null when none were. */
  async firstDayIngestedSince(watermark: string, marginMs: number): Promise<string | null> {
    const [r] = await this.ch.rows<{ from: string; n: string }>(
      `SELECT toString(min(toDate(occurred_at))) AS from, count() AS n
       FROM ${this.ch.tables.events}
       WHERE ingested_at > parseDateTime64BestEffort({wm:String}, 3, 'UTC') - toIntervalMillisecond({margin:UInt32})`,
      { wm: watermark, margin: marginMs },
    );
    return Number(r?.n ?? 0) > 0 ? r.from : null;
  }
}
