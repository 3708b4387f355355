import type { GoalMetric, GoalSeed, TargetType } from '@hubpulse/contracts';
import { DAY_MS, monthStart } from './calendar';
import type { DemoOrganisation } from './demo.types';
import { Rng } from './random';

interface GoalSpec {
  name: string;
  metric: GoalMetric;
  unit: string;
  targetType: TargetType;
  /** Monthly value at the start of the fiscal year. */
  baseline: number;
  /** Where the goal wants the monthly value by the end of the year. */
  target: number;
  /** Actual monthly drift as a share of baseline; noise as a share of baseline. */
  drift: number;
  noise: number;
  decimals: number;
  /** Title of the executive who owns it (the CEO when absent). */
  ownerTitle?: string;
}

const GOALS: readonly GoalSpec[] = [
  { name: 'Grow monthly revenue to $48M', metric: 'revenue', unit: 'USD', targetType: 'increase_to', baseline: 40_200_000, target: 48_000_000, drift: 0.014, noise: 0.018, decimals: 0, ownerTitle: 'Chief Revenue Officer' },
  { name: 'Save at least $1.5M a month in operating cost', metric: 'cost_reduction', unit: 'USD', targetType: 'at_or_above', baseline: 850_000, target: 1_500_000, drift: 0.06, noise: 0.07, decimals: 0, ownerTitle: 'Chief Financial Officer' },
  { name: 'Raise monthly operating profit to $7M', metric: 'profit', unit: 'USD', targetType: 'increase_to', baseline: 5_300_000, target: 7_000_000, drift: 0.022, noise: 0.035, decimals: 0 },
  { name: 'Reach 16% market share', metric: 'market_share', unit: '%', targetType: 'increase_to', baseline: 14.2, target: 16, drift: 0.009, noise: 0.006, decimals: 1, ownerTitle: 'Chief Marketing Officer' },
];

const FISCAL_MONTHS = 12;
/** The fiscal year starts this many months before the month of the window's last day, so the window sits inside it. */
const MONTHS_BEFORE_END = 6;

/**
 * The four strategy goals for the fiscal year around the window, each with one value per month up
 * to the window's last month (a trend with noise; the last months improve faster, as the hub's
 * engagement rises) and a monthly target on a straight line from baseline to target.
 */
export function generateGoals(org: DemoOrganisation): GoalSeed[] {
  const rng = new Rng(org.seed, 'goals');
  const endMs = org.window.startMs + (org.window.days - 1) * DAY_MS;
  const periodStart = monthStart(endMs, -MONTHS_BEFORE_END);
  const periodEnd = new Date(Date.parse(`${monthStart(endMs, FISCAL_MONTHS - MONTHS_BEFORE_END)}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  const months = MONTHS_BEFORE_END + 1;

  return GOALS.map((spec) => {
    const owner = org.people.find((p) => p.title === (spec.ownerTitle ?? 'Chief Executive Officer'));
    const round = (x: number) => Number(x.toFixed(spec.decimals));
    const values: GoalSeed['values'] = [];
    let level = spec.baseline;
    for (let k = 0; k < months; k++) {
      const boost = k >= months - 3 ? 1.5 : 1;
      if (k > 0) level += spec.baseline * spec.drift * boost;
      const value = level + rng.normal(0, spec.baseline * spec.noise);
      const target = spec.baseline + ((spec.target - spec.baseline) * (k + 1)) / FISCAL_MONTHS;
      values.push({ period: monthStart(Date.parse(`${periodStart}T00:00:00Z`), k), value: round(value), target: round(target) });
    }
    return {
      name: spec.name,
      metric: spec.metric,
      unit: spec.unit,
      baseline: spec.baseline,
      target: spec.target,
      target_type: spec.targetType,
      period_start: periodStart,
      period_end: periodEnd,
      owner: owner?.name ?? null,
      values,
    };
  });
}
