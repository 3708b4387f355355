import { goalCardFixture, statusFixture } from '../../charts/goals/goals.fixtures';
import { forecastSummary, goalHeadline, statusSummary } from './strategy-summary.transform';

const onTrack = statusFixture({ status: 'on_track', label: 'On track' });
const atRisk = statusFixture({ status: 'at_risk', label: 'At risk' });
const noStatus = statusFixture({ status: null, label: null, reason: 'No KPI value in the period yet.' });

/** The four demo goals: revenue off track, cost and profit on track, market share at risk. */
const demo = [
  goalCardFixture({ id: 'rev', metric_label: 'Revenue', probability_of_meeting_target: 0.07 }),
  goalCardFixture({ id: 'cost', metric_label: 'Cost reduction', status: onTrack, probability_of_meeting_target: 0.35 }),
  goalCardFixture({ id: 'profit', metric_label: 'Profit', status: onTrack, probability_of_meeting_target: 0.52 }),
  goalCardFixture({ id: 'share', metric_label: 'Market share', status: atRisk, probability_of_meeting_target: 0.004 }),
];

describe('statusSummary', () => {
  it('counts goals on track and names the others, worst first', () => {
    expect(statusSummary(demo)).toBe('2 of 4 goals on track; Revenue off track, Market share at risk.');
  });

  it('says so when all are on track, and counts goals without a value apart', () => {
    expect(statusSummary([demo[1], demo[2]])).toBe('All 2 goals on track.');
    expect(statusSummary([demo[1]])).toBe('All goal on track.');
    expect(statusSummary([demo[1], goalCardFixture({ id: 'new', status: noStatus })])).toBe('1 of 2 goals on track; 1 without a KPI value in its period yet.');
    expect(statusSummary([])).toBe('No goals yet.');
  });

  it('uses goal names when two goals share a metric', () => {
    const a = goalCardFixture({ id: 'a', name: 'EMEA revenue', status: atRisk });
    const b = goalCardFixture({ id: 'b', name: 'US revenue', status: onTrack });
    expect(statusSummary([a, b])).toBe('1 of 2 goals on track; EMEA revenue at risk.');
  });
});

describe('forecastSummary', () => {
  it('counts the targets the forecasts reach (an even chance or better) and names them', () => {
    expect(forecastSummary(demo)).toBe('Forecast to reach the target by the end of the period: 1 of 4 goals (Profit).');
    expect(forecastSummary([goalCardFixture({ forecast_end: null, probability_of_meeting_target: null })])).toBeNull();
  });
});

describe('goalHeadline', () => {
  it('states the status with the numbers behind it, then the forecast', () => {
    expect(goalHeadline(goalCardFixture())).toBe(
      'Off track: $44.8M in Nov 2026, $1.2M below the $46.1M expected for that month. ' +
        'Forecast for Feb 2027: $46.3M (80% range $44.8M – $47.7M); 7% chance of meeting the $48M target.',
    );
  });

  it('reads "above" as the bad side for goals that should come down', () => {
    const cost = goalCardFixture({
      target_type: 'decrease_to',
      baseline: 10_000_000,
      target: 8_000_000,
      status: statusFixture({ status: 'at_risk', label: 'At risk', latest: 9_500_000, expected: 9_000_000 }),
      forecast_end: null,
      probability_of_meeting_target: null,
      forecast_reason: 'too few points: n=2, need ≥ 3.',
    });
    expect(goalHeadline(cost)).toBe('At risk: $9.5M in Nov 2026, $500K above the $9M expected for that month. No forecast: too few points: n=2, need ≥ 3.');
  });

  it('gives the gap between two percentages in points', () => {
    const share = goalCardFixture({
      unit_kind: 'unit',
      unit: '%',
      status: statusFixture({ status: 'at_risk', label: 'At risk', latest: 15.4, expected: 15.6 }),
      forecast_end: null,
      probability_of_meeting_target: null,
      forecast_reason: null,
    });
    expect(goalHeadline(share)).toBe('At risk: 15.4% in Nov 2026, 0.2 percentage points below the 15.6% expected for that month.');
  });

  it('says why there is no status', () => {
    expect(goalHeadline(goalCardFixture({ status: noStatus, forecast_end: null, forecast_reason: null }))).toBe('No status yet: No KPI value in the period yet.');
  });
});
