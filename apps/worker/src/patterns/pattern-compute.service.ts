import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ClickHouseService } from '@hubpulse/clickhouse';
import {
  AMBASSADOR_OTHER_DEPARTMENTS,
  AMBASSADOR_SHARES,
  AMBASSADOR_STEADY_WEEKS,
  AMBASSADOR_WINDOW_WEEKS,
  PURPOSE_WINDOW_DAYS,
} from '@hubpulse/contracts';
import { addDays, daysBetween } from '@hubpulse/contracts';
import { patternRanges } from './pattern-range';
import { LEADER_ITEMS_SQL, PERSON_WEEKS_SQL, PURPOSE_CONVERSATIONS_SQL, PURPOSE_PEOPLE_SQL } from './pattern.sql';
import { conversationCounts, PEOPLE_METRICS, purposeRows, type CellDelta, type GroupDelta } from './purpose-rollup';
import { audienceParams, STRATEGY_AUDIENCE_SOURCE, type StrategyAudienceSource } from './strategy-audience';

export interface PatternRunResult {
  ms: number;
  /** Rows written per table. */
  rows: Record<string, number>;
}

/**
 * Recomputes the people patterns — purpose indices, personas, ambassador stages, leader items — for
 * a range of days, inside ClickHouse. Idempotent: the rows of the days (weeks, items) a run covers
 * are written again with this run's stamp, then the older rows of the range are deleted — so a
 * reader (FINAL, newest computed_at wins) never sees the range empty, and rows the run no longer
 * produces disappear. Called by the scores job after the scores are computed.
 */
@Injectable()
export class PatternComputeService {
  private readonly logger = new Logger('Patterns');

  constructor(
    private readonly ch: ClickHouseService,
    @Optional() @Inject(STRATEGY_AUDIENCE_SOURCE) private readonly strategy?: StrategyAudienceSource,
  ) {}

  async recompute(
    range: { from: string; to: string },
    onProgress?: (pct: number, phase: string) => void | Promise<void>,
  ): Promise<PatternRunResult> {
    const started = Date.now();
    const r = patternRanges(range, await this.ch.lastEventDay());
    const t = this.ch.tables;
    const [{ stamp }] = await this.ch.rows<{ stamp: string }>(`SELECT toString(now64(3, 'UTC')) AS stamp`);

    await onProgress?.(0, `patterns: purposes ${r.daily.from}..${r.daily.to}`);
    const purposes = await this.purposes(r.daily.from, r.daily.to, stamp);

    await onProgress?.(40, `patterns: personas ${r.weekly.from}..${r.weekly.to}`);
    const weeks = daysBetween(r.weekly.from, r.weekly.to) / 7 + AMBASSADOR_WINDOW_WEEKS;
    await this.replace(t.pattern_person_weeks, 'week', r.weekly, stamp, PERSON_WEEKS_SQL(t), {
      sfrom: addDays(r.weekly.from, -(AMBASSADOR_WINDOW_WEEKS - 1) * 7),
      wfrom: r.weekly.from,
      wto: r.weekly.to,
      weeks,
      window_rows: AMBASSADOR_WINDOW_WEEKS - 1,
      steady: AMBASSADOR_STEADY_WEEKS,
      other_departments: AMBASSADOR_OTHER_DEPARTMENTS,
      shares: AMBASSADOR_SHARES,
    });

    await onProgress?.(75, `patterns: leader replies ${r.leader.from}..${r.leader.to}`);
    await this.replace(t.pattern_leader_items, 'toDate(raised_at)', r.leader, stamp, LEADER_ITEMS_SQL(t), { ...r.leader });

    const rows = {
      pattern_purposes: purposes,
      pattern_person_weeks: await this.count(t.pattern_person_weeks, 'week', r.weekly),
      pattern_leader_items: await this.count(t.pattern_leader_items, 'toDate(raised_at)', r.leader),
    };
    await onProgress?.(100, 'patterns: done');
    const ms = Date.now() - started;
    this.logger.log(`patterns ${range.from}..${range.to}: ${JSON.stringify(rows)}, ${ms} ms`);
    return { ms, rows };
  }

  /** The purpose indices of every day of [from, to]: two aggregations in ClickHouse, the roll-up here. */
  private async purposes(from: string, to: string, stamp: string): Promise<number> {
    const audiences = (await this.strategy?.audiences()) ?? [];
    const days = daysBetween(from, to) + 1;
    const params = { from, to, wfrom: addDays(from, -(PURPOSE_WINDOW_DAYS - 1)), W: PURPOSE_WINDOW_DAYS, days };
    const [deltas, conversations] = await Promise.all([
      this.ch.rows<CellDelta>(PURPOSE_PEOPLE_SQL(this.ch.tables, Object.keys(PEOPLE_METRICS).length), {
        ...params,
        metrics: Object.keys(PEOPLE_METRICS),
        ...Object.fromEntries(Object.values(PEOPLE_METRICS).map((m, i) => [`mask${i}`, m])),
        ...audienceParams(audiences),
      }),
      this.ch.rows<GroupDelta>(PURPOSE_CONVERSATIONS_SQL(this.ch.tables), params),
    ]);
    const rows = purposeRows(
      from,
      days,
      deltas.map((d) => ({ ...d, k: Number(d.k), delta: Number(d.delta) })),
      conversationCounts(conversations.map((c) => ({ ...c, k: Number(c.k), delta: Number(c.delta) })), days),
      audiences.length > 0,
    );
    const table = this.ch.tables.pattern_purposes;
    for (let i = 0; i < rows.length; i += 50_000) {
      await this.ch.client.insert({ table, values: rows.slice(i, i + 50_000).map((r) => ({ ...r, computed_at: stamp })), format: 'JSONEachRow' });
    }
    await this.dropOlder(table, 'day', { from, to }, stamp);
    return rows.length;
  }

  /** Runs the INSERT … SELECT that writes the range again with `stamp`, then drops the range's older rows. */
  private async replace(table: string, dayExpr: string, range: { from: string; to: string }, stamp: string, insert: string, params: Record<string, unknown>): Promise<void> {
    await this.ch.client.command({ query: insert, query_params: { ...params, stamp } });
    await this.dropOlder(table, dayExpr, range, stamp);
  }

  private async dropOlder(table: string, dayExpr: string, range: { from: string; to: string }, stamp: string): Promise<void> {
    await this.ch.client.command({
      query: `DELETE FROM ${table} WHERE ${dayExpr} BETWEEN {from:Date} AND {to:Date} AND computed_at < {stamp:DateTime64(3, 'UTC')}`,
      query_params: { ...range, stamp },
    });
  }

  private async count(table: string, dayExpr: string, range: { from: string; to: string }): Promise<number> {
    const [c] = await this.ch.rows<{ n: string }>(`SELECT count() AS n FROM ${table} FINAL WHERE ${dayExpr} BETWEEN {from:Date} AND {to:Date}`, range);
    return Number(c?.n ?? 0);
  }
}
