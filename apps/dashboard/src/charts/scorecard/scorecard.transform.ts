// A programme's numbers: the forecast before launch and the scorecard against its measure after.

import { round, type ProgrammeForecastDto, type ProgrammeMetric, type ProgrammeScorecardDto, type ScorecardStatus } from '@hubpulse/contracts';
import { formatShortDay } from '../../lib/format';

/** A value of a measure: rates as percentages, mean_score on its 0–100 scale. */
export function formatMeasure(metric: ProgrammeMetric, value: number): string {
  if (metric === 'mean_score') return round(value, 1).toString();
  const pct = value * 100;
  return `${pct !== 0 && Math.abs(pct) < 10 ? round(pct, 1) : Math.round(pct)}%`;
}

export const METRIC_LABELS: Record<ProgrammeMetric, string> = {
  reach_rate: 'Reach rate',
  read_rate: 'Read rate',
  interaction_rate: 'Interaction rate',
  active_share: 'Active share',
  mean_score: 'Mean engagement score',
};

export const SCORECARD_STATUS: Record<ScorecardStatus, { label: string; tone: 'met' | 'behind' | 'no-data' | 'on-track' }> = {
  not_started: { label: 'Not started', tone: 'no-data' },
  met: { label: 'Target met', tone: 'met' },
  below: { label: 'Below target', tone: 'behind' },
  no_data: { label: 'No data yet', tone: 'no-data' },
  suppressed: { label: 'Hidden for privacy', tone: 'no-data' },
};

export interface ScorecardPoint {
  week: string;
  label: string;
  /** null: hidden for privacy or nothing to count that week; drawn as a gap. */
  value: number | null;
  target: number;
}

export function buildScorecardPoints(dto: ProgrammeScorecardDto): ScorecardPoint[] {
  return [...dto.series]
    .sort((a, b) => a.week.localeCompare(b.week))
    .map((p) => ({ week: p.week, label: formatShortDay(p.week), value: p.value, target: dto.target }));
}

/** The y-axis top: a little above the higher of target and every value (rates capped at 100%). */
export function scorecardDomainMax(dto: ProgrammeScorecardDto): number {
  const max = Math.max(dto.target, ...dto.series.map((p) => p.value ?? 0), dto.actual ?? 0);
  const padded = max * 1.15 || (dto.metric === 'mean_score' ? 100 : 1);
  return dto.metric === 'mean_score' ? Math.min(100, padded) : Math.min(1, padded);
}

export interface ForecastView {
  /** "About 420 members read an item (95%: 380–470)". */
  headline: string | null;
  reason: string | null;
  channels: { channel: string; items: number; rate: string | null; readers: string | null }[];
}

const count = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);

export function buildForecastView(dto: ProgrammeForecastDto, channelLabel: (c: string) => string): ForecastView {
  const e = dto.expected_readers;
  return {
    headline: e ? `${count(e.estimate)} expected readers per item` : null,
    reason: e ? null : (dto.reason ?? 'No forecast can be made yet.'),
    channels: dto.channels.map((c) => ({
      channel: channelLabel(c.channel),
      items: c.items,
      rate: c.read_rate ? formatMeasure('read_rate', c.read_rate.estimate) : null,
      readers: c.expected_readers === null ? null : count(c.expected_readers),
    })),
  };
}

export function forecastInterval(dto: ProgrammeForecastDto): string | null {
  const e = dto.expected_readers;
  return e ? `95% interval ${count(e.lower)}–${count(e.upper)}` : null;
}
