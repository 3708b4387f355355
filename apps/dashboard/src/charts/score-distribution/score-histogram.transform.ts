// Shaping for the score distribution: histogram bars of raw scores and the quantiles beside them
// (the exports' rows are contracts' scoreHistogramTable and scoreQuantilesTable).

import { SCORE_QUANTILE_POINTS, type HiddenReason, type ScoreDistributionDto } from '@hubpulse/contracts';
import { formatPoints } from '../../lib/format';

export interface HistogramBar {
  /** Unique x value: the bin's label. */
  label: string;
  from: number;
  to: number;
  /** null = fewer people than the privacy minimum: no bar is drawn, never a 0. */
  people: number | null;
  suppressed: boolean;
  hiddenReason: HiddenReason | null;
  /** Whether the population's median raw score falls in this bin. */
  hasMedian: boolean;
}

/** "1.5–3.2": a bin of raw points, both ends in the precision they need. */
export function binLabel(from: number, to: number): string {
  return `${formatPoints(from)}–${formatPoints(to)}`;
}

/**
 * One bar per bin, in the server's (ascending) order. The median marker goes to the bin holding
 * p50; a median of 0 (most people inactive) lies below every bin of active people, so no bin gets it.
 */
export function buildHistogramBars(dto: Pick<ScoreDistributionDto, 'bins' | 'quantiles'>): HistogramBar[] {
  const median = dto.quantiles?.p50;
  const bins = [...dto.bins].sort((a, b) => a.from - b.from);
  const medianIndex =
    median === undefined || median === null || median <= 0 ? -1 : bins.findIndex((b, i) => median >= b.from && (median < b.to || i === bins.length - 1));
  const seen = new Map<string, number>();
  return bins.map((bin, i) => {
    // Two bins may print alike after rounding; keep the x values apart.
    const base = binLabel(bin.from, bin.to);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return {
      label: n === 0 ? base : `${base} (${n + 1})`,
      from: bin.from,
      to: bin.to,
      people: bin.people,
      suppressed: bin.people === null,
      hiddenReason: bin.hidden_reason ?? null,
      hasMedian: i === medianIndex,
    };
  });
}

export function hasHistogramData(bars: readonly HistogramBar[]): boolean {
  return bars.some((b) => b.people === null || b.people > 0);
}

export interface QuantileStat {
  key: 'p25' | 'p50' | 'p75' | 'p90' | 'p99';
  label: string;
  /** What a person at this point scores on the 0–100 scale. */
  score: number;
  /** null: fewer than k people lie on one side of it (`hiddenReason`). */
  raw: number | null;
  hiddenReason: HiddenReason | null;
}


export function buildQuantileStats(quantiles: ScoreDistributionDto['quantiles'], hidden?: ScoreDistributionDto['quantiles_hidden']): QuantileStat[] {
  if (!quantiles) return [];
  return SCORE_QUANTILE_POINTS.map((q) => ({ ...q, raw: quantiles[q.key], hiddenReason: hidden?.[q.key] ?? (quantiles[q.key] === null ? 'numerator' : null) }));
}

/** Share of the population with an action in the lookback window, or null when unknown / hidden. */
export function activeShare(dto: Pick<ScoreDistributionDto, 'population' | 'active'>): number | null {
  if (dto.population === null || dto.active === null || dto.population <= 0) return null;
  return dto.active / dto.population;
}
