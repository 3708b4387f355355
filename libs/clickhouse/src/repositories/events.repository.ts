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
  private spanOfEvents?: () => Promise<Readonly<EventSpan> | null>;

  constructor(private readonly ch: ClickHouseService) {}

  /** Day (YYYY-MM-DD) of the newest stored event, or null when there is none. */
  async lastEventDay(): Promise<string | null> {
    return (await this.span())?.last ?? null;
  }

  /** Day of the oldest stored event, or null when there is none (the start of "All"). */
  async firstEventDay(): Promise<string | null> {
    return (await this.span())?.first ?? null;
  }

  /**
   * Days of the first and last event, the row count and the newest ingested_at; null when there is
   * no event. Asked of ClickHouse again only when events were stored or merged (DataVersions.memo:
   * most requests read the first and last days); shared, so frozen.
   */
  span(): Promise<Readonly<EventSpan> | null> {
    this.spanOfEvents ??= this.ch.versions.memo(['events'], async () => {
      const [r] = await this.ch.rows<EventSpan>(
        `SELECT toString(toDate(min(occurred_at))) AS first, toString(toDate(max(occurred_at))) AS last, count() AS n,
                toString(max(ingested_at)) AS wm
         FROM ${this.ch.tables.events}`,
      );
      return r && Number(r.n) > 0 ? Object.freeze(r) : null;
    });
    return this.spanOfEvents();
  }

  /**
   * When the newest stored event was ingested ('YYYY-MM-DD HH:mm:ss.sss', UTC), or null when there is
   * none: the data watermark of exports' manifests. Served by the `newest_ingested` projection
   * (migration 016): one row per part, not a scan of the table, with the same answer as span().wm.
   */
  async newestIngestedAt(): Promise<string | null> {
    const [r] = await this.ch.rows<{ wm: string; n: string }>(
      `SELECT toString(max(ingested_at)) AS wm, count() AS n FROM ${this.ch.tables.events}`,
    );
    return r && Number(r.n) > 0 ? r.wm : null;
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

  /**
   * Stored events of days [from, to], each once (FINAL), in table key order (day, event_id, origin)
   * after the key `after`: a keyset page for exports, so a long range streams without an offset scan.
   * The cursor is the whole sorting key: two sources' events with one id on one day are two rows, and
   * a page ending between them must not skip the second. `day >= after.day` lets the primary index
   * skip the days already read (the tuple comparison alone does not).
   */
  async page(from: string, to: string, after: EventPageKey | null, limit: number): Promise<EventExportRow[]> {
    // The ISO times get their own names: an alias named like its column would replace it in WHERE and ORDER BY.
    const rows = await this.ch.rows<Omit<EventExportRow, 'occurred_at' | 'ingested_at' | 'origin'> & { occurred_iso: string; ingested_iso: string; origin_key: string }>(
      `SELECT event_id, type, actor_id, concat(replaceOne(toString(occurred_at), ' ', 'T'), 'Z') AS occurred_iso, content_id, channel, purpose,
              target_actor_id, properties, source, key_id, concat(replaceOne(toString(ingested_at), ' ', 'T'), 'Z') AS ingested_iso,
              toString(toDate(occurred_at)) AS day, toString(origin) AS origin_key
       FROM ${this.ch.tables.events} FINAL
       WHERE toDate(occurred_at) BETWEEN {from:Date} AND {to:Date}
         AND toDate(occurred_at) >= toDate({afterDay:String})
         AND (toDate(occurred_at), event_id, origin) > (toDate({afterDay:String}), {afterId:String}, {afterOrigin:String})
       ORDER BY toDate(occurred_at), event_id, origin
       LIMIT {limit:UInt32}`,
      { from, to, afterDay: after?.day ?? '1970-01-01', afterId: after?.eventId ?? '', afterOrigin: after?.origin ?? '', limit },
    );
    return rows.map(({ occurred_iso, ingested_iso, origin_key, ...r }) => ({ ...r, occurred_at: occurred_iso, ingested_at: ingested_iso, origin: origin_key }));
  }

  /**
   * Every stored event of days [from, to], once, as keyset pages of `size` rows in table key order.
   * Each page reads a window of days, not the rest of the range: ClickHouse's primary index uses the
   * day bounds only (not the key tuple), so a page over [after.day, to] with FINAL reads everything
   * after it, and an export's pages cost more the longer the range (bench:exports measured it). The
   * window starts at one day; it doubles (up to 64) after a window that held less than a page
   * (sparse data) and halves after one that held more than two.
   */
  async *pages(from: string, to: string, size: number): AsyncGenerator<EventExportRow[]> {
    let start = from;
    let span = 1;
    let after: EventPageKey | null = null;
    let inWindow = 0;
    while (start <= to) {
      const end = minDay(plusDays(start, span - 1), to);
      const rows = await this.page(start, end, after, size);
      if (rows.length) yield rows;
      inWindow += rows.length;
      if (rows.length === size) {
        const last = rows[rows.length - 1];
        after = { day: last.day, eventId: last.event_id, origin: last.origin };
        start = last.day;
        continue;
      }
      // the window [.., end] is done
      span = inWindow < size ? Math.min(span * 2, 64) : inWindow > 2 * size ? Math.max(1, span / 2) : span;
      after = null;
      inWindow = 0;
      start = plusDays(end, 1);
    }
  }
}

/** An event as an export writes it (times ISO, UTC). */
export interface EventExportRow {
  event_id: string;
  type: string;
  actor_id: string;
  occurred_at: string;
  content_id: string;
  channel: string;
  purpose: string;
  target_actor_id: string;
  properties: string;
  source: string;
  key_id: string;
  ingested_at: string;
  day: string;
  /** The sorting key's source part (the write key id, or 'import'): with day and event_id, the page cursor. */
  origin: string;
}

/** Where an events page continues: the last row's whole sorting key. */
export interface EventPageKey {
  day: string;
  eventId: string;
  origin: string;
}

function plusDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}
