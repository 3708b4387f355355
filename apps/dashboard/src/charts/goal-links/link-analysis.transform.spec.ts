import {
  CORRELATION_CAVEAT,
  CORRELATION_METHOD,
  DID_METHOD,
  LINK_ENGAGEMENT_DEFINITIONS,
  MULTIPLE_COMPARISONS_NOTE,
  type CorrelationDto,
  type DidDto,
  type LaggedCorrelationDto,
  type LinkAnalysisDto,
} from '@hubpulse/contracts';
import {
  buildDid,
  buildLinkSeries,
  correlationRows,
  correlationSummary,
  defaultSeries,
  formatCoefficient,
  formatPValue,
  pText,
  seriesLabel,
} from './link-analysis.transform';

const refused = (method: 'pearson' | 'spearman', n: number): CorrelationDto => ({ method, n, estimate: null, ci95: null, p_value: null, reason: `too few points: n=${n}, need ≥ 6` });

function analysis(correlations: LaggedCorrelationDto[]): LinkAnalysisDto {
  return {
    caveat: CORRELATION_CAVEAT,
    goal: { id: 'g1', name: 'Grow monthly revenue to $48M', unit_kind: 'currency', unit: 'USD' },
    link: {
      id: 'l1', goal_id: 'g1', kind: 'scope', segment_id: null, programme_id: null, scope: 'department', scope_values: ['Sales'],
      audience_label: 'Department: Sales', purpose: 'vision', hypothesis: 'Engagement of Sales with the vision content should lift revenue',
      created_by: 'demo', created_at: '2026-11-26T00:00:00Z', updated_at: '2026-11-26T00:00:00Z',
    },
    min_group_size: 5,
    min_points: 6,
    audience_size: 431,
    audience_hidden: null,
    definitions: LINK_ENGAGEMENT_DEFINITIONS,
    correlation_method: CORRELATION_METHOD,
    multiple_comparisons_note: MULTIPLE_COMPARISONS_NOTE,
    months: [
      { period: '2026-10-01', kpi: 43_893_562, members: 431, mean_score: 41.95, purposes: { inform: 90.95, vision: 43.16, productivity: 94.43, engagement: 73.09, strategy: 50.12 }, purposes_hidden: { inform: null, vision: null, productivity: null, engagement: null, strategy: null }, mean_score_hidden: null, reason: null },
      { period: '2026-09-01', kpi: 44_891_025, members: 431, mean_score: 38.18, purposes: { inform: 79.58, vision: 35.73, productivity: 94.43, engagement: 65.66, strategy: 57.08 }, purposes_hidden: { inform: null, vision: null, productivity: null, engagement: null, strategy: null }, mean_score_hidden: null, reason: null },
      { period: '2026-07-01', kpi: 42_092_327, members: 431, mean_score: null, purposes: { inform: null, vision: null, productivity: null, engagement: null, strategy: null }, purposes_hidden: { inform: null, vision: null, productivity: null, engagement: null, strategy: null }, mean_score_hidden: null, reason: 'No hub activity recorded this month.' },
    ],
    correlations,
    did: null,
    did_reason: null,
  };
}

/** The demo's answer: about three months of engagement, so every statistic is refused. */
const demoRefusals: LaggedCorrelationDto[] = (['mean_score', 'vision'] as const).flatMap((series) =>
  [3, 3, 2, 1].map((n, lag) => ({ series, lag, pearson: refused('pearson', n), spearman: refused('spearman', n) })),
);

describe('series', () => {
  it('defaults to the link’s purpose and names it in words', () => {
    const a = analysis(demoRefusals);
    expect(defaultSeries(a)).toBe('vision');
    expect(defaultSeries({ link: { ...a.link, purpose: null } })).toBe('mean_score');
    expect(seriesLabel('vision')).toBe('Shared vision reach');
    expect(seriesLabel('mean_score')).toBe('Mean engagement score');
  });

  it('puts months in order with the chosen series beside the KPI, and keeps why a month has no engagement', () => {
    expect(buildLinkSeries(analysis([]), 'vision')).toEqual([
      { period: '2026-07-01', label: 'Jul 2026', kpi: 42_092_327, engagement: null, note: 'No hub activity recorded this month.' },
      { period: '2026-09-01', label: 'Sep 2026', kpi: 44_891_025, engagement: 35.73, note: null },
      { period: '2026-10-01', label: 'Oct 2026', kpi: 43_893_562, engagement: 43.16, note: null },
    ]);
    expect(buildLinkSeries(analysis([]), 'mean_score').map((p) => p.engagement)).toEqual([null, 38.18, 41.95]);
  });
});

describe('correlations', () => {
  it('shows refusals with their reason instead of numbers', () => {
    const rows = correlationRows(analysis(demoRefusals), 'vision');
    expect(rows.map((r) => r.lagLabel)).toEqual(['Same month', 'KPI 1 month later', 'KPI 2 months later', 'KPI 3 months later']);
    expect(rows[0].pearson).toEqual({ kind: 'refused', reason: 'too few points: n=3, need ≥ 6', n: 3 });
    expect(rows[3].spearman).toEqual({ kind: 'refused', reason: 'too few points: n=1, need ≥ 6', n: 1 });
    expect(correlationSummary(rows, 6)).toBe(
      'No correlation shown: too few months with both an engagement value and a KPI value (at most n=3; at least 6 needed).',
    );
  });

  it('formats computed values and names the largest without claiming a cause', () => {
    const computed: CorrelationDto = { method: 'pearson', n: 9, estimate: 0.6213, ci95: [-0.0712, 0.9104], p_value: 0.0741, reason: null };
    const rho: CorrelationDto = { method: 'spearman', n: 9, estimate: -0.7, ci95: [-0.93, -0.05], p_value: 0.0004, reason: null };
    const rows = correlationRows(
      analysis([
        { series: 'mean_score', lag: 0, pearson: computed, spearman: refused('spearman', 5) },
        { series: 'mean_score', lag: 1, pearson: { ...computed, estimate: 0.1 }, spearman: rho },
      ]),
      'mean_score',
    );
    expect(rows[0].pearson).toEqual({ kind: 'value', estimate: '+0.62', ci: '−0.07 to +0.91', p: '0.074', n: 9, raw: 0.6213, pValue: 0.0741 });
    expect(rows[1].spearman).toMatchObject({ estimate: '−0.70', ci: '−0.93 to −0.05', p: '< 0.001' });
    expect(correlationSummary(rows, 6)).toBe(
      'Largest: Spearman ρ = −0.70 (kpi 1 month later; 95% interval −0.93 to −0.05, p < 0.001, n = 9). 1 of 4 not computed: too few months.',
    );
  });

  it('formats coefficients with a real minus and p-values by size', () => {
    expect(formatCoefficient(0)).toBe('0.00');
    expect(formatCoefficient(-0.105)).toBe('−0.11');
    expect([formatPValue(0.5), formatPValue(0.0123), formatPValue(0.00004)]).toEqual(['0.50', '0.012', '< 0.001']);
    expect([pText('0.012'), pText('< 0.001')]).toEqual(['p = 0.012', 'p < 0.001']);
  });
});

describe('buildDid', () => {
  const did: DidDto = {
    method: DID_METHOD,
    launched_at: '2026-09-01T10:00:00Z',
    before: { from: '2026-06-03', to: '2026-08-31' },
    after: { from: '2026-09-01', to: '2026-11-25' },
    treated: { label: 'Targeted: Sales ambassadors', people: 48, before: 30.25, after: 41.5 },
    control: { label: 'Comparison: others in the same departments', people: null, before: 31, after: 33.1 },
    estimate: 9.15,
    se: 2.1,
    df: 61.2,
    ci95: [4.95, 13.35],
    p_value: 0.00005,
    reason: null,
    hidden_reason: null,
    people_hidden: null,
    monthly: [{ period: '2026-08-01', treated: 30, control: 31 }],
  };

  it('shows each group’s change, the estimate with its interval, and keeps a hidden group hidden', () => {
    const m = buildDid(did);
    expect(m.rows).toEqual([
      { label: 'Targeted: Sales ambassadors', people: 48, before: '30.3', after: '41.5', change: '+11.3' },
      { label: 'Comparison: others in the same departments', people: null, before: '31.0', after: '33.1', change: '+2.1' },
    ]);
    expect([m.estimate, m.ci, m.p, m.reason]).toEqual(['+9.2 points', '+5.0 to +13.4', '< 0.001', null]);
    expect(m.monthly[0].label).toBe('Aug 2026');
    expect(m.launchLabel).toBe('Sep 2026');
    expect(m.windows).toBe('Launched Sep 1, 2026. Before: Jun 3, 2026 – Aug 31, 2026; after: Sep 1, 2026 – Nov 25, 2026.');
  });

  it('refuses the estimate with the server’s reason', () => {
    const m = buildDid({ ...did, estimate: null, ci95: null, p_value: null, reason: 'too few people: 7 targeted, need ≥ 10' });
    expect([m.estimate, m.ci, m.p, m.reason]).toEqual([null, null, null, 'too few people: 7 targeted, need ≥ 10']);
  });
});
