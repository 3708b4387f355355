import { EVENT_TYPES, type EventType } from '@hubpulse/contracts';

/**
 * The engagement scoring model. Each version is kept; a score row names the version that made it.
 *
 *   counted(p, d, T) = min(actions of type T by p on day d, dailyCap[T])           (no cap: all)
 *   points(p, t, T)  = Σ_{d ∈ (t − lookback, t]} weight[T] · counted(p, d, T) · 2^(−(t − d) / halfLife[T])
 *   raw(p, t)        = Σ_T points(p, t, T)
 *   score(p, t)      = 100 · (people in the population with a lower raw on t) / (population − 1)
 *
 * The population of a day is everyone in the directory plus anyone who acted without being in it;
 * people with no action in the window have raw 0. The cohort score is the same rank within the
 * person's cohort (department × tenure band on that day).
 */
export interface ScoringModel {
  version: number;
  weights: Record<EventType, number>;
  halfLives: Record<EventType, number>;
  /** Absent type = no cap. */
  dailyCaps: Partial<Record<EventType, number>>;
  lookbackDays: number;
  note?: string | null;
}

/** Limits that keep the arithmetic exact and the SQL bounded (2^(days / half-life) stays far from overflow). */
export const MODEL_LIMITS = {
  weight: { min: 0, max: 1000 },
  halfLife: { min: 1, max: 365 },
  dailyCap: { min: 1, max: 10_000 },
  lookback: { min: 7, max: 365 },
} as const;

const uniform = (v: number) => Object.fromEntries(EVENT_TYPES.map((t) => [t, v])) as Record<EventType, number>;

/**
 * The first model. Giving (posts, answers, comments) counts more than taking (views); an action
 * counts half after 14 days and nothing older than 90 days counts. Views are capped at 20 a day so
 * that scrolling a feed cannot outweigh taking part.
 */
export const DEFAULT_SCORING_MODEL: ScoringModel = {
  version: 1,
  weights: { view: 1, react: 2, comment: 4, share: 4, feedback: 5, answer: 6, doc_share: 5, task_update: 3, post: 8, newsletter_send: 0, newsletter_open: 0, newsletter_click: 0 },
  halfLives: uniform(14),
  dailyCaps: { view: 20 },
  lookbackDays: 90,
};

/** Decay factor of an action `ageDays` old: 1 today, 1/2 after one half-life. */
export function decay(ageDays: number, halfLifeDays: number): number {
  return Math.pow(2, -ageDays / halfLifeDays);
}

export function countedActions(n: number, type: EventType, model: ScoringModel): number {
  const cap = model.dailyCaps[type];
  return cap === undefined || cap === null ? n : Math.min(n, cap);
}

/** Per-day action counts of one person: day number (days since epoch), type, count that day. */
export interface DayActions {
  day: number;
  type: EventType;
  n: number;
}

/** Points per type for one person on `day` — the plain, independent reading of the definition above. */
export function pointsByType(actions: DayActions[], day: number, model: ScoringModel): Record<EventType, number> {
  const out = Object.fromEntries(EVENT_TYPES.map((t) => [t, 0])) as Record<EventType, number>;
  for (const a of actions) {
    const age = day - a.day;
    if (age < 0 || age >= model.lookbackDays) continue;
    out[a.type] += (model.weights[a.type] ?? 0) * countedActions(a.n, a.type, model) * decay(age, model.halfLives[a.type]);
  }
  return out;
}

export function rawScore(actions: DayActions[], day: number, model: ScoringModel): number {
  return Object.values(pointsByType(actions, day, model)).reduce((s, v) => s + v, 0);
}

/** Raw scores are compared to a millionth of a point, so rounding in the last bits never breaks a tie. */
export const rankKey = (raw: number) => Math.round(raw * 1e6);

/**
 * Percentile rank 0–100 of `raw` in a population of `population` people whose raw scores are
 * `others` (the people with raw > 0; everyone else has 0): the share of the other people with a
 * strictly lower raw score. Ties share a rank. A population of one ranks 100 when active.
 */
export function percentileRank(raw: number, activeRaws: number[], population: number): number {
  if (raw <= 0) return 0;
  if (population <= 1) return 100;
  const zeros = population - activeRaws.length;
  const key = rankKey(raw);
  const lower = zeros + activeRaws.filter((r) => rankKey(r) < key).length;
  return (100 * lower) / (population - 1);
}

export const TENURE_BANDS = ['under 1 year', '1–3 years', '3–10 years', '10+ years', 'unknown'] as const;
export type TenureBand = (typeof TENURE_BANDS)[number];

/** Tenure band on `day` (ISO dates); hired after `day` or unknown → 'unknown'. Years are 365 days. */
export function tenureBand(hiredAt: string | null | undefined, day: string): TenureBand {
  if (!hiredAt) return 'unknown';
  const days = (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${hiredAt.slice(0, 10)}T00:00:00Z`)) / 86_400_000;
  if (!(days >= 0)) return 'unknown';
  if (days < 365) return 'under 1 year';
  if (days < 3 * 365) return '1–3 years';
  if (days < 10 * 365) return '3–10 years';
  return '10+ years';
}

/** The cohort label: department × tenure band. */
export function cohortOf(department: string | null | undefined, band: TenureBand): string {
  return `${department || 'unknown'} · ${band}`;
}

/**
 * What a model change that leaves out a newsletter type gives it: weight 0 (a send, an open or a click
 * scores nothing unless an admin says so) and the default half-life.
 */
export const MODEL_DEFAULTS: { weights: Partial<Record<EventType, number>>; half_lives: Partial<Record<EventType, number>> } = {
  weights: { newsletter_send: 0, newsletter_open: 0, newsletter_click: 0 },
  half_lives: { newsletter_send: 14, newsletter_open: 14, newsletter_click: 14 },
};

/** Validation of a model change; returns problems as { path, message } (empty when valid). */
export function validateModel(input: {
  weights?: Record<string, unknown>;
  half_lives?: Record<string, unknown>;
  daily_caps?: Record<string, unknown>;
  lookback_days?: unknown;
}): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  const check = (group: 'weights' | 'half_lives', lim: { min: number; max: number }) => {
    const rec = input[group];
    if (!rec || typeof rec !== 'object') return problems.push({ path: group, message: `${group} must be an object with a number per action type` });
    for (const k of Object.keys(rec)) if (!(EVENT_TYPES as readonly string[]).includes(k)) problems.push({ path: `${group}.${k}`, message: `unknown action type "${k}"` });
    for (const t of EVENT_TYPES) {
      const v = rec[t];
      // Types added after clients were written (newsletters) may be left out: they take MODEL_DEFAULTS.
      if (v === undefined && t in MODEL_DEFAULTS[group]) continue;
      if (!num(v)) problems.push({ path: `${group}.${t}`, message: 'required, a number' });
      else if ((v as number) < lim.min || (v as number) > lim.max) problems.push({ path: `${group}.${t}`, message: `must be between ${lim.min} and ${lim.max}` });
    }
  };
  check('weights', MODEL_LIMITS.weight);
  check('half_lives', MODEL_LIMITS.halfLife);
  if (input.daily_caps !== undefined) {
    if (!input.daily_caps || typeof input.daily_caps !== 'object') problems.push({ path: 'daily_caps', message: 'must be an object' });
    else
      for (const [k, v] of Object.entries(input.daily_caps)) {
        if (!(EVENT_TYPES as readonly string[]).includes(k)) problems.push({ path: `daily_caps.${k}`, message: `unknown action type "${k}"` });
        else if (v === null) continue;
        else if (!num(v) || !Number.isInteger(v)) problems.push({ path: `daily_caps.${k}`, message: 'must be a whole number (or absent for no cap)' });
        else if ((v as number) < MODEL_LIMITS.dailyCap.min || (v as number) > MODEL_LIMITS.dailyCap.max)
          problems.push({ path: `daily_caps.${k}`, message: `must be between ${MODEL_LIMITS.dailyCap.min} and ${MODEL_LIMITS.dailyCap.max}` });
      }
  }
  const lb = input.lookback_days;
  if (!num(lb) || !Number.isInteger(lb)) problems.push({ path: 'lookback_days', message: 'required, a whole number of days' });
  else if ((lb as number) < MODEL_LIMITS.lookback.min || (lb as number) > MODEL_LIMITS.lookback.max)
    problems.push({ path: 'lookback_days', message: `must be between ${MODEL_LIMITS.lookback.min} and ${MODEL_LIMITS.lookback.max}` });
  return problems;
}

/** Linear-interpolated quantile (the "R-7" definition ClickHouse's quantileExactInclusive uses). */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
