import { FORECAST_METHOD, GOAL_STATUS_RULE, PROGRESS_DEFINITION, type GoalCardDto, type GoalDetailDto, type GoalStatusDto } from '@hubpulse/contracts';

// Goals as the API sends them, for the unit specs of the Strategy area (never imported by the app).
// Numbers are the demo's revenue goal: baseline $40.2M, target $48M, Mar 2026 – Feb 2027.

export function statusFixture(over: Partial<GoalStatusDto> = {}): GoalStatusDto {
  return {
    status: 'off_track',
    label: 'Off track',
    reason: null,
    rule: GOAL_STATUS_RULE,
    as_of: '2026-11-01',
    latest: 44_803_763,
    expected: 46_050_000,
    expected_from: 'monthly_target',
    shortfall: 0.1598,
    progress: 0.5902,
    expected_progress: 0.75,
    elapsed: 0.7534,
    ...over,
  };
}

export function goalCardFixture(over: Partial<GoalCardDto> = {}): GoalCardDto {
  return {
    id: 'g-revenue',
    name: 'Grow monthly revenue to $48M',
    metric: 'revenue',
    metric_label: 'Revenue',
    custom_metric_name: null,
    scope: 'organisation',
    scope_value: null,
    scope_label: 'Organisation',
    unit_kind: 'currency',
    unit: 'USD',
    baseline: 40_200_000,
    target: 48_000_000,
    target_type: 'increase_to',
    target_type_label: 'Increase to',
    period_start: '2026-03-01',
    period_end: '2027-02-28',
    monthly_targets: [
      { period: '2026-10-01', target: 45_400_000 },
      { period: '2026-11-01', target: 46_050_000 },
    ],
    owner: 'Ana Richter',
    created_by: 'demo',
    created_at: '2026-11-26T01:47:47.092Z',
    updated_at: '2026-11-26T01:47:47.092Z',
    latest: { period: '2026-11-01', value: 44_803_763 },
    status: statusFixture(),
    forecast_end: {
      period: '2027-02-01',
      forecast: true,
      value: 46_267_097.59,
      lower80: 44_801_402.94,
      upper80: 47_732_792.24,
      lower95: 43_887_116.45,
      upper95: 48_647_078.74,
    },
    probability_of_meeting_target: 0.0679,
    forecast_reason: null,
    sparkline: [
      { period: '2026-11-01', value: 44_803_763 },
      { period: '2026-10-01', value: 43_893_562 },
      { period: '2026-09-01', value: 44_891_025 },
    ],
    links: 1,
    ...over,
  };
}

export function goalDetailFixture(over: Partial<GoalDetailDto> = {}): GoalDetailDto {
  const { latest: _latest, forecast_end: _end, probability_of_meeting_target: _p, sparkline: _s, links: _l, ...card } = goalCardFixture();
  const f = (period: string, value: number, w80: number, w95: number) => ({ period, forecast: true as const, value, lower80: value - w80, upper80: value + w80, lower95: value - w95, upper95: value + w95 });
  return {
    ...card,
    values: [
      { period: '2026-10-01', value: 43_893_562, source: 'demo', set_by: 'demo', set_at: '2026-11-26T01:47:47.092Z', note: null },
      { period: '2026-11-01', value: 44_803_763, source: 'import', set_by: 'leader@example.com', set_at: '2026-11-26T09:05:00.000Z', note: 'kpi.csv line 2' },
    ],
    progress_definition: PROGRESS_DEFINITION,
    forecast: {
      forecast: true,
      method: FORECAST_METHOD,
      n: 12,
      fitted_from: '2025-12-01',
      fitted_to: '2026-11-01',
      slope_per_month: 576_296.77,
      points: [f('2026-12-01', 45_100_000, 1_400_000, 2_200_000), f('2027-01-01', 45_700_000, 1_450_000, 2_300_000)],
      end: f('2027-01-01', 45_700_000, 1_450_000, 2_300_000),
      meets_target: false,
      probability_of_meeting_target: 0.07,
    },
    forecast_reason: null,
    series: [
      { period: '2026-11-01', actual: 44_803_763, expected: 46_050_000, forecast: null },
      { period: '2026-10-01', actual: 43_893_562, expected: 45_400_000, forecast: null },
      { period: '2026-12-01', actual: null, expected: 46_739_178, forecast: f('2026-12-01', 45_100_000, 1_400_000, 2_200_000) },
      { period: '2027-01-01', actual: null, expected: 47_401_644, forecast: f('2027-01-01', 45_700_000, 1_450_000, 2_300_000) },
    ],
    links: [],
    programmes: [],
    history_count: 0,
    ...over,
  };
}
