import type { EventType } from '@hubpulse/contracts';

export interface ScoringModel {
  version: number;
  weights: Record<EventType, number>;
  halfLifeDays: number;
  lookbackDays: number;
}

/**
 * The first scoring model. Giving (posts, answers, comments) counts more than taking (views);
 * an action counts half after `halfLifeDays`, and nothing older than `lookbackDays` counts.
 */
export const DEFAULT_SCORING_MODEL: ScoringModel = {
  version: 1,
  weights: {
    view: 1,
    react: 2,
    comment: 4,
    share: 4,
    feedback: 5,
    answer: 6,
    doc_share: 5,
    task_update: 3,
    post: 8,
  },
  halfLifeDays: 14,
  lookbackDays: 90,
};

/** Decay factor of an action `ageDays` old: 1 today, 1/2 after one half-life. */
export function decay(ageDays: number, halfLifeDays: number): number {
  return Math.pow(2, -ageDays / halfLifeDays);
}

/**
 * Raw score of one person on day `day` (days as integers): the weighted, decayed sum of their
 * actions on that day and the `lookbackDays - 1` days before. The SQL in the score worker computes
 * exactly this; the test suite checks one against the other.
 */
export function rawScore(actions: { day: number; type: EventType }[], day: number, model: ScoringModel): number {
  let sum = 0;
  for (const a of actions) {
    const age = day - a.day;
    if (age < 0 || age >= model.lookbackDays) continue;
    sum += (model.weights[a.type] ?? 0) * decay(age, model.halfLifeDays);
  }
  return sum;
}

/**
 * 0–100 scale: raw divided by the organisation's 99th percentile raw score that day, capped at 100.
 * A reference point inside the data keeps the scale stable as the organisation grows.
 */
export function scaleScore(raw: number, p99: number): number {
  if (p99 <= 0) return 0;
  return Math.min(100, (100 * raw) / p99);
}

/** Linear-interpolated quantile (the "R-7" definition ClickHouse's quantileExactInclusive uses). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
