import {
  LINK_LAGS,
  PURPOSE_DEFINITIONS,
  PURPOSES,
  type CorrelationDto,
  type DidDto,
  type EngagementSeriesKey,
  type LinkAnalysisDto,
} from '@hubpulse/contracts';
import { LOCALE, formatDay, formatMonth } from '../../lib/format';

// An audience's engagement against a goal's KPI: the monthly series side by side, the lagged
// correlations (or the reason there are none), and difference in differences for programmes.

export const ENGAGEMENT_SERIES: readonly EngagementSeriesKey[] = ['mean_score', ...PURPOSES];

/** "Mean engagement score" or "Shared vision reach". */
export function seriesLabel(key: EngagementSeriesKey): string {
  return key === 'mean_score' ? 'Mean engagement score' : `${PURPOSE_DEFINITIONS[key].label} reach`;
}

/** What the series' numbers are, for the axis and the table. */
export function seriesUnit(key: EngagementSeriesKey): string {
  return key === 'mean_score' ? 'score 0–100' : '% of the audience';
}

/** The series a link is about: its purpose's reach when it names one, else the mean score. */
export function defaultSeries(analysis: Pick<LinkAnalysisDto, 'link'>): EngagementSeriesKey {
  return analysis.link.purpose ?? 'mean_score';
}

export interface LinkMonthPoint {
  period: string;
  label: string;
  kpi: number | null;
  engagement: number | null;
  /** Why the engagement value is missing (or partial), from the server. */
  note: string | null;
}

export function buildLinkSeries(analysis: Pick<LinkAnalysisDto, 'months'>, series: EngagementSeriesKey): LinkMonthPoint[] {
  return [...analysis.months]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((m) => ({
      period: m.period,
      label: formatMonth(m.period),
      kpi: m.kpi,
      engagement: series === 'mean_score' ? m.mean_score : m.purposes[series],
      note: m.reason,
    }));
}

export type CorrelationCell =
  | { kind: 'value'; estimate: string; ci: string; p: string; n: number; raw: number; pValue: number | null }
  | { kind: 'refused'; reason: string; n: number };

export interface CorrelationRow {
  lag: number;
  lagLabel: string;
  pearson: CorrelationCell;
  spearman: CorrelationCell;
}

const two = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const MINUS = '\u2212';

/** 0.4216 → "+0.42", −0.1 → "−0.10" (a real minus sign), 0 → "0.00". */
export function formatCoefficient(r: number): string {
  return two.format(r).replace('-', MINUS);
}

/** 0.0123 → "0.012", 0.00004 → "< 0.001", 0.5 → "0.50". */
export function formatPValue(p: number): string {
  if (p < 0.001) return '< 0.001';
  if (p < 0.1) return p.toFixed(3);
  return p.toFixed(2);
}

/** "p = 0.012", "p < 0.001". */
export function pText(formatted: string): string {
  return formatted.startsWith('<') ? `p ${formatted}` : `p = ${formatted}`;
}

export function lagLabel(lag: number): string {
  if (lag === 0) return 'Same month';
  return `KPI ${lag} month${lag === 1 ? '' : 's'} later`;
}

function cell(c: CorrelationDto): CorrelationCell {
  if (c.estimate === null || c.reason) return { kind: 'refused', reason: c.reason ?? 'not computed', n: c.n };
  return {
    kind: 'value',
    estimate: formatCoefficient(c.estimate),
    ci: c.ci95 ? `${formatCoefficient(c.ci95[0])} to ${formatCoefficient(c.ci95[1])}` : '—',
    p: c.p_value === null ? '—' : formatPValue(c.p_value),
    n: c.n,
    raw: c.estimate,
    pValue: c.p_value,
  };
}

/** One row per lag (0–3) for the chosen series; a statistic the server refused keeps its reason. */
export function correlationRows(analysis: Pick<LinkAnalysisDto, 'correlations'>, series: EngagementSeriesKey): CorrelationRow[] {
  return LINK_LAGS.flatMap((lag) => {
    const c = analysis.correlations.find((x) => x.series === series && x.lag === lag);
    return c ? [{ lag, lagLabel: lagLabel(lag), pearson: cell(c.pearson), spearman: cell(c.spearman) }] : [];
  });
}

/**
 * One sentence over the table: either that nothing could be computed and why, or the largest
 * coefficient with its interval — never a claim about cause.
 */
export function correlationSummary(rows: readonly CorrelationRow[], minPoints: number): string {
  const cells = rows.flatMap((r) => [
    { row: r, method: 'Pearson r', c: r.pearson },
    { row: r, method: 'Spearman ρ', c: r.spearman },
  ]);
  const computed = cells.filter((x): x is typeof x & { c: Extract<CorrelationCell, { kind: 'value' }> } => x.c.kind === 'value');
  if (computed.length === 0) {
    const most = Math.max(0, ...cells.map((x) => x.c.n));
    return `No correlation shown: too few months with both an engagement value and a KPI value (at most n=${most}; at least ${minPoints} needed).`;
  }
  const best = computed.reduce((a, b) => (Math.abs(b.c.raw) > Math.abs(a.c.raw) ? b : a));
  const refused = cells.length - computed.length;
  return (
    `Largest: ${best.method} = ${best.c.estimate} (${best.row.lagLabel.toLowerCase()}; 95% interval ${best.c.ci}, ${pText(best.c.p)}, n = ${best.c.n}).` +
    (refused > 0 ? ` ${refused} of ${cells.length} not computed: too few months.` : '')
  );
}

export interface DidGroupRow {
  label: string;
  people: number | null;
  before: string;
  after: string;
  change: string;
}

export interface DidModel {
  rows: DidGroupRow[];
  /** "+4.2 points" or null with `reason`. */
  estimate: string | null;
  ci: string | null;
  p: string | null;
  reason: string | null;
  windows: string;
  /** The axis label of the launch month, for a marker on the monthly chart. */
  launchLabel: string;
  monthly: { period: string; label: string; treated: number | null; control: number | null }[];
}

const score = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const signedScore = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const s1 = (v: number | null) => (v === null ? '—' : score.format(v));
const d1 = (v: number) => signedScore.format(v).replace('-', MINUS);

export function buildDid(did: DidDto): DidModel {
  const row = (g: DidDto['treated']): DidGroupRow => ({
    label: g.label,
    people: g.people,
    before: s1(g.before),
    after: s1(g.after),
    change: g.before !== null && g.after !== null ? d1(g.after - g.before) : '—',
  });
  const computed = did.estimate !== null && !did.reason;
  return {
    rows: [row(did.treated), row(did.control)],
    estimate: computed ? `${d1(did.estimate!)} points` : null,
    ci: computed && did.ci95 ? `${d1(did.ci95[0])} to ${d1(did.ci95[1])}` : null,
    p: computed && did.p_value !== null ? formatPValue(did.p_value) : null,
    reason: did.reason,
    windows: `Launched ${formatDay(did.launched_at)}. Before: ${formatDay(did.before.from)} – ${formatDay(did.before.to)}; after: ${formatDay(did.after.from)} – ${formatDay(did.after.to)}.`,
    launchLabel: formatMonth(`${did.launched_at.slice(0, 7)}-01`),
    monthly: did.monthly.map((m) => ({ ...m, label: formatMonth(m.period) })),
  };
}
