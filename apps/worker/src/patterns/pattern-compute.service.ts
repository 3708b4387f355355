import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { EventsRepository, PatternsRepository } from '@hubpulse/clickhouse';
import {
  AMBASSADOR_OTHER_DEPARTMENTS,
  AMBASSADOR_SHARES,
  AMBASSADOR_STEADY_WEEKS,
  AMBASSADOR_WINDOW_WEEKS,
  PURPOSE_WINDOW_DAYS,
} from '@hubpulse/contracts';
import { addDays, daysBetween } from '@hubpulse/contracts';
import { patternRanges } from './pattern-range';
import { conversationCounts, PEOPLE_METRICS, purposeRows } from './purpose-rollup';
import { audienceParams, STRATEGY_AUDIENCE_SOURCE, type StrategyAudienceSource } from './strategy-audience';

interface PatternRunResult {
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
    private readonly events: EventsRepository,
    private readonly patterns: PatternsRepository,
    @Optional() @Inject(STRATEGY_AUDIENCE_SOURCE) private readonly strategy?: StrategyAudienceSource,
  ) {}

  async recompute(
    range: { from: string; to: string },
    onProgress?: (pct: number, phase: string) => void | Promise<void>,
  ): Promise<PatternRunResult> {
    const started = Date.now();
    const r = patternRanges(range, await this.events.lastEventDay());
    const stamp = await this.patterns.stamp();

    await onProgress?.(0, `patterns: purposes ${r.daily.from}..${r.daily.to}`);
    const purposes = await this.purposes(r.daily.from, r.daily.to, stamp);

    await onProgress?.(40, `patterns: personas ${r.weekly.from}..${r.weekly.to}`);
    const weeks = daysBetween(r.weekly.from, r.weekly.to) / 7 + AMBASSADOR_WINDOW_WEEKS;
    await this.patterns.replacePersonWeeks(
      {
        sfrom: addDays(r.weekly.from, -(AMBASSADOR_WINDOW_WEEKS - 1) * 7),
        wfrom: r.weekly.from,
        wto: r.weekly.to,
        weeks,
        window_rows: AMBASSADOR_WINDOW_WEEKS - 1,
        steady: AMBASSADOR_STEADY_WEEKS,
        other_departments: AMBASSADOR_OTHER_DEPARTMENTS,
        shares: AMBASSADOR_SHARES,
      },
      stamp,
    );

    await onProgress?.(75, `patterns: leader replies ${r.leader.from}..${r.leader.to}`);
    await this.patterns.replaceLeaderItems(r.leader, stamp);

    const rows = {
      pattern_purposes: purposes,
      pattern_person_weeks: await this.patterns.countPersonWeeks(r.weekly),
      pattern_leader_items: await this.patterns.countLeaderItems(r.leader),
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
    const range = { from, to, windowFrom: addDays(from, -(PURPOSE_WINDOW_DAYS - 1)), window: PURPOSE_WINDOW_DAYS, days };
    const [deltas, conversations] = await Promise.all([
      this.patterns.purposePeopleDeltas(range, PEOPLE_METRICS, audienceParams(audiences)),
      this.patterns.purposeConversationDeltas(range),
    ]);
    const rows = purposeRows(
      from,
      days,
      deltas.map((d) => ({ ...d, k: Number(d.k), delta: Number(d.delta) })),
      conversationCounts(conversations.map((c) => ({ ...c, k: Number(c.k), delta: Number(c.delta) })), days),
      audiences.length > 0,
    );
    await this.patterns.replacePurposes({ from, to }, rows, stamp);
    return rows.length;
  }
}
