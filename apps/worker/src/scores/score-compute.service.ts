import { Injectable, Logger } from '@nestjs/common';
import { ClickHouseService } from '@hubpulse/clickhouse';
import type { ScoringModel } from '@hubpulse/analytics';
import { ScoringModelRepository } from './scoring-model.repository';

export interface ScoreRunResult {
  from: string | null;
  to: string | null;
  rows: number;
  modelVersion: number;
  ms: number;
}

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Engagement score per person per day, computed inside ClickHouse:
 * raw(p, d) = Σ weight(type) · 2^(−age/halfLife) over p's actions in the `lookback` days up to d;
 * score = min(100, 100 · raw / p99(raw of everyone scored on d)). See libs/analytics/src/scoring.ts.
 */
@Injectable()
export class ScoreComputeService {
  private readonly logger = new Logger('Scores');

  constructor(
    private readonly ch: ClickHouseService,
    private readonly models: ScoringModelRepository,
  ) {}

  /** Days covered when none are given: the model's lookback up to the newest event. */
  async defaultRange(model: ScoringModel): Promise<{ from: string; to: string } | null> {
    const last = await this.ch.lastEventDay();
    if (!last) return null;
    const to = new Date(`${last}T00:00:00Z`);
    return { from: isoDay(new Date(to.getTime() - (model.lookbackDays - 1) * DAY_MS)), to: last };
  }

  async recompute(range?: { from?: string; to?: string }, onProgress?: (pct: number) => Promise<void> | void): Promise<ScoreRunResult> {
    const started = Date.now();
    const model = await this.models.current();
    const fallback = range?.from && range?.to ? null : await this.defaultRange(model);
    const from = range?.from ?? fallback?.from;
    const to = range?.to ?? fallback?.to;
    if (!from || !to) return { from: null, to: null, rows: 0, modelVersion: model.version, ms: Date.now() - started };

    const types = Object.keys(model.weights);
    const params = {
      from,
      to,
      lookback: model.lookbackDays,
      hl: model.halfLifeDays,
      types,
      weights: types.map((t) => model.weights[t as keyof typeof model.weights]),
      version: model.version,
    };
    // Month by month keeps the cross join (people × days) small and lets progress show.
    const chunks = monthChunks(from, to);
    let rows = 0;
    for (let i = 0; i < chunks.length; i++) {
      const [cFrom, cTo] = chunks[i];
      await this.ch.client.command({ query: SCORE_SQL(this.ch.tables.events, this.ch.tables.engagement_scores), query_params: { ...params, from: cFrom, to: cTo } });
      await onProgress?.(Math.round(((i + 1) / chunks.length) * 100));
    }
    const [count] = await this.ch.rows<{ n: string }>(
      `SELECT count() AS n FROM ${this.ch.tables.engagement_scores} FINAL WHERE day BETWEEN {from:Date} AND {to:Date}`,
      { from, to },
    );
    rows = Number(count?.n ?? 0);
    const ms = Date.now() - started;
    this.logger.log(`scores ${from}..${to}: ${rows} person-days, model v${model.version}, ${ms} ms`);
    return { from, to, rows, modelVersion: model.version, ms };
  }
}

export function monthChunks(from: string, to: string): [string, string][] {
  const out: [string, string][] = [];
  let start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (start <= end) {
    const monthEnd = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
    const chunkEnd = monthEnd < end ? monthEnd : end;
    out.push([isoDay(start), isoDay(chunkEnd)]);
    start = new Date(chunkEnd.getTime() + DAY_MS);
  }
  return out;
}

/**
 * One pass per person instead of a join of person-days × window: with k = day offset from
 * `base = from − lookback` and P the running sum of weight_k · 2^(k/h) over the person's active days,
 * raw(t) = 2^(−t/h) · (P(t) − P(t − lookback)) — the same sum as the definition, in O(days) per person.
 */
const SCORE_SQL = (events: string, scores: string) => `
INSERT INTO ${scores} (day, person_id, raw, score, actions, model_version, computed_at)
SELECT day, person_id, raw,
       if(p99 > 0, least(100, 100 * raw / p99), 0) AS score,
       actions, {version:UInt32}, now64(3)
FROM
(
    SELECT day, person_id, raw, actions,
           quantileExactInclusive(0.99)(raw) OVER (PARTITION BY day) AS p99
    FROM
    (
        SELECT person_id,
               toDate({from:Date}) + i AS day,
               toUInt32({lookback:UInt32} + i) AS t,
               arrayCount(k -> k <= t, ks) AS hi,
               arrayCount(k -> k <= t - {lookback:UInt32}, ks) AS lo,
               exp2(-t / {hl:Float64}) * (P[hi] - if(lo = 0, 0, P[lo])) AS raw,
               if(has(ks, t), ns[indexOf(ks, t)], 0) AS actions
        FROM
        (
            SELECT person_id,
                   arrayMap(x -> x.1, pairs) AS ks,
                   arrayCumSum(arrayMap(x -> x.2 * exp2(x.1 / {hl:Float64}), pairs)) AS P,
                   arrayMap(x -> x.3, pairs) AS ns
            FROM
            (
                SELECT actor_id AS person_id,
                       arraySort(groupArray((toUInt32(dateDiff('day', toDate({from:Date}) - {lookback:UInt32}, d)), w, n))) AS pairs
                FROM
                (
                    SELECT actor_id, toDate(occurred_at) AS d,
                           sum(transform(type, {types:Array(String)}, {weights:Array(Float64)}, 0.0)) AS w,
                           count() AS n
                    FROM ${events} FINAL
                    WHERE toDate(occurred_at) > {from:Date} - {lookback:UInt32} AND toDate(occurred_at) <= {to:Date}
                    GROUP BY actor_id, d
                )
                GROUP BY person_id
            )
        )
        ARRAY JOIN range(toUInt32(dateDiff('day', {from:Date}, {to:Date}) + 1)) AS i
        WHERE hi > lo
    )
)`;
