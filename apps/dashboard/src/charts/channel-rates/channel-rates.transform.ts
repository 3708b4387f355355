// Channel statistics of a segment: reach, read and interaction rates pulled towards the organisation
// (shrinkage) with 95% intervals, laid out on one scale per metric, and the ranked recommendations.

import { rateVerdict, round, type Channel, type HiddenReason, type Purpose, type RecommendationDto, type SegmentChannelStatsDto, type ShrunkRateDto } from '@hubpulse/contracts';

import { SEGMENT_RATE_METRICS as RATE_METRICS, type SegmentRateMetric as RateMetric } from '@hubpulse/contracts';

export { RATE_METRICS, type RateMetric };

export const RATE_LABELS: Record<RateMetric, string> = { reach_rate: 'Reach', read_rate: 'Read rate', interaction_rate: 'Interaction rate' };

export interface RateCell {
  rate: ShrunkRateDto;
  /** Positions on the metric's scale, 0–1. */
  lowerPos: number;
  upperPos: number;
  estimatePos: number;
  orgPos: number;
  /** Whole interval above / below the organisation's rate. */
  verdict: 'above' | 'below' | 'similar';
}

export interface ChannelRow {
  channel: Channel;
  items: number;
  reached: number | null;
  reachedSuppressed: HiddenReason | null;
  cells: Record<RateMetric, RateCell | null>;
  /** Why a rate is hidden (null: shown, or undefined such as nothing published). */
  hidden: Record<RateMetric, HiddenReason | null>;
}

/** A round upper end for a scale holding `max` (0.037 → 0.05, 0.42 → 0.5, 0.9 → 1). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  if (max >= 1) return 1;
  const exp = Math.pow(10, Math.floor(Math.log10(max)));
  for (const step of [1, 2, 2.5, 5, 10]) if (max <= step * exp + 1e-12) return Math.min(1, step * exp);
  return 1;
}

export const verdictOf: (rate: ShrunkRateDto) => 'above' | 'below' | 'similar' = rateVerdict;

/** One scale per metric, from 0 to a round number above every interval and organisation rate shown. */
export function metricScales(dto: Pick<SegmentChannelStatsDto, 'channels'>): Record<RateMetric, number> {
  const out = {} as Record<RateMetric, number>;
  for (const m of RATE_METRICS) {
    const highs = dto.channels.flatMap((c) => (c[m] ? [c[m]!.upper, c[m]!.org] : []));
    out[m] = niceMax(Math.max(0, ...highs));
  }
  return out;
}

function cell(rate: ShrunkRateDto | null, scale: number): RateCell | null {
  if (!rate) return null;
  const pos = (v: number) => Math.max(0, Math.min(1, v / scale));
  return { rate, lowerPos: pos(rate.lower), upperPos: pos(rate.upper), estimatePos: pos(rate.estimate), orgPos: pos(rate.org), verdict: verdictOf(rate) };
}

export function buildChannelRows(dto: SegmentChannelStatsDto): { rows: ChannelRow[]; scales: Record<RateMetric, number> } {
  const scales = metricScales(dto);
  const rows = dto.channels.map((c) => ({
    channel: c.channel,
    items: c.items,
    reached: c.reached,
    reachedSuppressed: c.reached === null ? (c.reached_suppressed ?? 'below_minimum') : null,
    cells: {
      reach_rate: cell(c.reach_rate, scales.reach_rate),
      read_rate: cell(c.read_rate, scales.read_rate),
      interaction_rate: cell(c.interaction_rate, scales.interaction_rate),
    },
    hidden: { reach_rate: c.reach_rate ? null : c.reached_suppressed, read_rate: c.read_rate ? null : c.read_rate_hidden, interaction_rate: c.interaction_rate ? null : c.interaction_rate_hidden },
  }));
  return { rows, scales };
}

/** "0.42" → "42%"; small rates keep a decimal ("3.7%"). */
export function formatRate(v: number): string {
  const pct = v * 100;
  if (pct === 0) return '0%';
  if (Math.abs(pct) < 10) return `${round(pct, 1).toString()}%`;
  return `${Math.round(pct)}%`;
}

/** "1.4×", "0.82×". */
export function formatLift(lift: number): string {
  if (!Number.isFinite(lift)) return '—';
  return `${lift >= 10 ? Math.round(lift) : round(lift, 2).toString()}×`;
}

/** What shrinkage did to one rate, in words: "Own data 34% of the estimate: 12% observed, pulled to 9.4% (organisation 6%)". */
export function shrinkageText(rate: ShrunkRateDto): string {
  const own = `${Math.round(rate.weight * 100)}% from this segment's own data`;
  const observed = rate.observed === null ? 'observed rate hidden for privacy' : `observed ${formatRate(rate.observed)}`;
  return `${observed}, estimate ${formatRate(rate.estimate)} (95% interval ${formatRate(rate.lower)}–${formatRate(rate.upper)}), organisation ${formatRate(rate.org)}; ${own}.`;
}

export interface RecommendationView<K extends string> {
  key: K;
  label: string;
  rank: number;
  lift: string;
  metric: string;
  verdict: 'above' | 'below' | 'similar';
  reason: string;
}

export function buildRecommendations<K extends Channel | Purpose>(recs: readonly RecommendationDto<K>[], label: (key: K) => string): RecommendationView<K>[] {
  return [...recs]
    .sort((a, b) => a.rank - b.rank)
    .map((r) => ({
      key: r.key,
      label: label(r.key),
      rank: r.rank,
      lift: formatLift(r.lift),
      metric: r.metric === 'read_rate' ? 'read rate' : 'reach',
      verdict: r.verdict,
      reason: r.reason,
    }));
}
