import type { GoalMetric, GoalSeed, Purpose, TargetType } from '@hubpulse/contracts';
import { DAY_MS } from '@hubpulse/contracts';
import { monthStart } from './calendar';
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
  /** The contribution hypothesis: whose engagement (a department, or everyone) with which purpose should move it. */
  link: { department: string | null; purpose: Purpose; hypothesis: string };
}

const GOALS: readonly GoalSpec[] = [
  {
    name: 'Grow monthly revenue to $48M', metric: 'revenue', unit: 'USD', targetType: 'increase_to', baseline: 40_200_000, target: 48_000_000, drift: 0.014, noise: 0.018, decimals: 0, ownerTitle: 'Chief Revenue Officer',
    link: { department: 'Sales', purpose: 'vision', hypothesis: 'Engagement of Sales with the vision content should lift revenue' },
  },
  {
    name: 'Save at least $1.5M a month in operating cost', metric: 'cost_reduction', unit: 'USD', targetType: 'at_or_above', baseline: 850_000, target: 1_500_000, drift: 0.06, noise: 0.07, decimals: 0, ownerTitle: 'Chief Financial Officer',
    link: { department: 'Operations', purpose: 'productivity', hypothesis: 'Operations sharing and reusing documents should cut operating cost' },
  },
  {
    name: 'Raise monthly operating profit to $7M', metric: 'profit', unit: 'USD', targetType: 'increase_to', baseline: 5_300_000, target: 7_000_000, drift: 0.022, noise: 0.035, decimals: 0,
    link: { department: null, purpose: 'strategy', hypothesis: 'Everyone following the strategy updates should raise operating profit' },
  },
  {
    name: 'Reach 16% market share', metric: 'market_share', unit: '%', targetType: 'increase_to', baseline: 14.2, target: 16, drift: 0.009, noise: 0.006, decimals: 1, ownerTitle: 'Chief Marketing Officer',
    link: { department: 'Marketing', purpose: 'engagement', hypothesis: 'Marketing in open conversation with the field should win market share' },
  },
];

const FISCAL_MONTHS = 12;
/** The fiscal year starts this many months before the month of the window's last day, so the window sits inside it. */
const MONTHS_BEFORE_END = 8;
/** Monthly values recorded before the fiscal year (history, for the trend). */
const HISTORY_MONTHS = 3;

/**
 * The four strategy goals for the fiscal year around the window, each with one value per month from
 * three months before the year up to the window's last month (12 values: a trend with noise; the last
 * months improve faster, as the hub's engagement rises), a monthly target on a straight line from
 * baseline to target for the months of the year, and one contribution hypothesis (a scope link).
 */
export function generateGoals(org: DemoOrganisation): GoalSeed[] {
  const rng = new Rng(org.seed, 'goals');
  const endMs = org.window.startMs + (org.window.days - 1) * DAY_MS;
  const periodStart = monthStart(endMs, -MONTHS_BEFORE_END);
  const periodEnd = new Date(Date.parse(`${monthStart(endMs, FISCAL_MONTHS - MONTHS_BEFORE_END)}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  const months = HISTORY_MONTHS + MONTHS_BEFORE_END + 1;

  return GOALS.map((spec) => {
    const owner = org.people.find((p) => p.title === (spec.ownerTitle ?? 'Chief Executive Officer'));
    const round = (x: number) => Number(x.toFixed(spec.decimals));
    const values: GoalSeed['values'] = [];
    // The level at the start of the year is the baseline; the history months lead up to it at half the drift.
    let level = spec.baseline;
    for (let k = 0; k < months; k++) {
      const inYear = k - HISTORY_MONTHS;
      if (inYear > 0) level += spec.baseline * spec.drift * (k >= months - 3 ? 1.5 : 1);
      const mean = inYear < 0 ? spec.baseline + inYear * spec.baseline * spec.drift * 0.5 : level;
      const value = mean + rng.normal(0, spec.baseline * spec.noise);
      const target = inYear >= 0 ? round(spec.baseline + ((spec.target - spec.baseline) * (inYear + 1)) / FISCAL_MONTHS) : null;
      values.push({ period: monthStart(Date.parse(`${periodStart}T00:00:00Z`), inYear), value: round(value), target });
    }
    return {
      name: spec.name,
      metric: spec.metric,
      unit: spec.unit,
      unit_kind: spec.unit === '%' ? 'unit' : 'currency',
      baseline: spec.baseline,
      target: spec.target,
      target_type: spec.targetType,
      period_start: periodStart,
      period_end: periodEnd,
      owner: owner?.name ?? null,
      values,
      links: [
        spec.link.department
          ? { scope: 'department', values: [spec.link.department], purpose: spec.link.purpose, hypothesis: spec.link.hypothesis }
          : { scope: 'organisation', values: [], purpose: spec.link.purpose, hypothesis: spec.link.hypothesis },
      ],
    };
  });
}
