import { Injectable, Logger } from '@nestjs/common';
import { EventsRepository, ScoresRepository } from '@hubpulse/clickhouse';
import type { ScoreRunResultDto } from '@hubpulse/contracts';
import { addDays, DAY_MS, daysBetween, formatDayKey } from '@hubpulse/contracts';
import type { ScoringModel } from '@hubpulse/analytics';
import { ScoringModelsRepository } from '@hubpulse/database';

export type ScoreRunResult = ScoreRunResultDto;
type ScoreProgress = (pct: number, phase: string) => Promise<void> | void;

/** Longer incremental spans are recomputed month by month instead of carried day by day. */
const MAX_CARRIED_DAYS = 14;
/** A full recompute reads the events once per chunk of whole months of at most this many days. */
const MAX_CHUNK_DAYS = 100;

/**
 * Engagement scores per person per day (definition: libs/analytics/src/scoring.ts), computed in
 * ClickHouse two ways that give the same numbers (tests/integration/scores.integration.spec.ts):
 * - full: month by month from the events, each month built aside and swapped in whole
 *   (REPLACE PARTITION), so readers never see a half-written month and no stale row survives;
 * - incremental: only the days that events ingested since the last run touched, each carried
 *   forward from the day before with the same model version (a few hundred ms a day).
 * Work for one organisation never runs twice at once: the scores processor holds a lock around this.
 */
@Injectable()
export class ScoreComputeService {
  private readonly logger = new Logger('Scores');
  /** Events may become visible a little after their ingested_at (an insert in flight): look back this far. */
  watermarkMarginMs = 60_000;

  constructor(
    private readonly events: EventsRepository,
    private readonly scores: ScoresRepository,
    private readonly models: ScoringModelsRepository,
  ) {}

  /**
   * kind 'auto': incremental when possible, full when nothing was scored yet with the current model;
   * kind 'full': every day from `from` (default: the first event) to the newest day, month by month.
   */
  async recompute(opts: { kind?: 'auto' | 'full'; from?: string; to?: string } = {}, onProgress?: ScoreProgress): Promise<ScoreRunResult> {
    const started = Date.now();
    const model = await this.models.current();
    const bounds = await this.events.span();
    if (!bounds) return { mode: 'none', from: null, to: null, rows: 0, model_version: model.version, ms: Date.now() - started };
    const watermark = bounds.wm;
    const last = opts.to ?? bounds.last;

    if (opts.kind !== 'full') {
      const plan = await this.incrementalPlan(model, bounds.first, last);
      if (plan === 'nothing') {
        return { mode: 'incremental', from: null, to: null, rows: 0, model_version: model.version, ms: Date.now() - started };
      }
      if (plan !== 'full' && daysBetween(plan.from, plan.to) < MAX_CARRIED_DAYS) {
        const rows = await this.carry(model, plan.from, plan.to, watermark, onProgress);
        return this.done('incremental', plan.from, plan.to, rows, model, started);
      }
      if (plan !== 'full') {
        const rows = await this.full(model, plan.from, plan.to, watermark, onProgress);
        return this.done('full', plan.from, plan.to, rows, model, started);
      }
    }
    const from = opts.from ?? bounds.first;
    const rows = await this.full(model, from, last, watermark, onProgress);
    return this.done('full', from, last, rows, model, started);
  }

  /** The result of an automatic job that an earlier-started, finished run already covered (ScoreRunCoverage). */
  async covered(): Promise<ScoreRunResult> {
    const model = await this.models.current();
    return { mode: 'covered', from: null, to: null, rows: 0, model_version: model.version, ms: 0 };
  }

  private done(mode: 'full' | 'incremental', from: string, to: string, rows: number, model: ScoringModel, started: number): ScoreRunResult {
    const ms = Date.now() - started;
    this.logger.log(`scores ${mode} ${from}..${to}: ${rows} person-days, model v${model.version}, ${ms} ms`);
    return { mode, from, to, rows, model_version: model.version, ms };
  }

  /** Days touched since the last run with this model, or 'full' when there is nothing to carry forward from. */
  private async incrementalPlan(model: ScoringModel, firstEventDay: string, lastEventDay: string): Promise<{ from: string; to: string } | 'full' | 'nothing'> {
    const state = await this.scores.scoredWith(model.version);
    if (!state) return 'full';
    const touched = await this.events.firstDayIngestedSince(state.wm, this.watermarkMarginMs);
    const to = lastEventDay > state.last ? lastEventDay : state.last;
    // A new day with no events yet still needs scores (yesterday's actions decay) once events arrive.
    const from = touched ?? (state.last < to ? addDays(state.last, 1) : null);
    if (!from) return 'nothing';
    const start = from < firstEventDay ? firstEventDay : from;
    if (start === firstEventDay) return { from: start, to };
    return (await this.scores.isDayScored(addDays(start, -1), model.version)) ? { from: start, to } : 'full';
  }

  /**
   * Full: whole months, computed into a staging table a few months at a time (one read of the
   * events per chunk) and swapped in month by month (REPLACE PARTITION is atomic per partition).
   */
  private async full(model: ScoringModel, from: string, to: string, watermark: string, onProgress?: ScoreProgress): Promise<number> {
    await this.scores.createStaging();
    const chunks = groupMonths(monthChunks(`${from.slice(0, 7)}-01`, to), MAX_CHUNK_DAYS);
    let rows = 0;
    for (let i = 0; i < chunks.length; i++) {
      const months = chunks[i];
      const cFrom = months[0][0];
      const cTo = months[months.length - 1][1];
      await onProgress?.(Math.round((100 * i) / chunks.length), `scores ${cFrom}..${cTo}`);
      const days = daysBetween(cFrom, cTo) + 1;
      const dayList = Array.from({ length: days }, (_, k) => addDays(cFrom, k));
      await this.scores.scoreIntoStaging(model, dayList);
      for (const [mFrom] of months) await this.scores.swapInMonth(mFrom);
      rows += await this.scores.recordDays(model.version, dayList, 'full', watermark);
    }
    await onProgress?.(100, 'scores done');
    return rows;
  }

  /** Incremental: the touched days carried forward from the day before them, in one query. */
  private async carry(model: ScoringModel, from: string, to: string, watermark: string, onProgress?: ScoreProgress): Promise<number> {
    const days = daysBetween(from, to) + 1;
    const dayList = Array.from({ length: days }, (_, k) => addDays(from, k));
    await onProgress?.(0, `scores ${from}..${to} (carried forward)`);
    await this.scores.carryForward(model, dayList);
    const rows = await this.scores.recordDays(model.version, dayList, 'incremental', watermark);
    await onProgress?.(100, 'scores done');
    return rows;
  }
}

/** Consecutive months grouped while their days add up to at most `maxDays` (a month is never split). */
export function groupMonths(months: [string, string][], maxDays: number): [string, string][][] {
  const out: [string, string][][] = [];
  let cur: [string, string][] = [];
  let days = 0;
  for (const m of months) {
    const n = daysBetween(m[0], m[1]) + 1;
    if (cur.length && days + n > maxDays) {
      out.push(cur);
      cur = [];
      days = 0;
    }
    cur.push(m);
    days += n;
  }
  if (cur.length) out.push(cur);
  return out;
}

export function monthChunks(from: string, to: string): [string, string][] {
  const out: [string, string][] = [];
  let start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (start <= end) {
    const monthEnd = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
    const chunkEnd = monthEnd < end ? monthEnd : end;
    out.push([formatDayKey(start.getTime()), formatDayKey(chunkEnd.getTime())]);
    start = new Date(chunkEnd.getTime() + DAY_MS);
  }
  return out;
}
