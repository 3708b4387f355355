import type { GoalCardDto, GoalStatus } from '@hubpulse/contracts';
import { forecastRangeText, formatChance, formatGoalValue } from '../../charts/goals/goals.transform';
import { formatMonth, formatScore } from '../../lib/format';

// The one line at the top of the Strategy page: how many goals are on track, which are not, and
// how many targets the forecasts reach. Written for someone who has not seen the page before.

type Card = Pick<GoalCardDto, 'id' | 'name' | 'metric_label' | 'status' | 'forecast_end' | 'probability_of_meeting_target'>;

const WORDS: Record<Exclude<GoalStatus, 'on_track'>, string> = { at_risk: 'at risk', off_track: 'off track' };

/** What a goal is called in the summary: its metric ("Revenue"), or its name when two goals share a metric. */
function shortNames(goals: readonly Card[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const g of goals) counts.set(g.metric_label, (counts.get(g.metric_label) ?? 0) + 1);
  return new Map(goals.map((g) => [g.id, counts.get(g.metric_label) === 1 ? g.metric_label : g.name]));
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * "2 of 4 goals on track; Revenue off track, Market share at risk." — worst first. Goals without a
 * status are counted apart ("1 has no KPI value yet").
 */
export function statusSummary(goals: readonly Card[]): string {
  if (goals.length === 0) return 'No goals yet.';
  const names = shortNames(goals);
  const onTrack = goals.filter((g) => g.status.status === 'on_track').length;
  const none = goals.filter((g) => !g.status.status).length;
  const trouble = (['off_track', 'at_risk'] as const).flatMap((s) => goals.filter((g) => g.status.status === s).map((g) => `${names.get(g.id)} ${WORDS[s]}`));
  const total = goals.length;
  const head = onTrack === total ? `All ${total === 1 ? '' : `${total} `}goal${total === 1 ? '' : 's'} on track` : `${onTrack} of ${total} goal${total === 1 ? '' : 's'} on track`;
  const parts = [head];
  if (trouble.length) parts.push(trouble.join(', '));
  if (none) parts.push(`${none} without a KPI value in its period yet`);
  return `${parts.join('; ')}.`;
}

/** "Forecasts reach the target by the end of the period for 1 of 4 goals (Cost reduction)." */
export function forecastSummary(goals: readonly Card[]): string | null {
  const withForecast = goals.filter((g) => g.forecast_end !== null && g.probability_of_meeting_target !== null);
  if (withForecast.length === 0) return null;
  const names = shortNames(goals);
  const likely = withForecast.filter((g) => (g.probability_of_meeting_target ?? 0) >= 0.5);
  const which = likely.length > 0 && likely.length < withForecast.length ? ` (${list(likely.map((g) => names.get(g.id)!))})` : '';
  return `Forecast to reach the target by the end of the period: ${likely.length} of ${withForecast.length} goal${withForecast.length === 1 ? '' : 's'}${which}.`;
}

type Detail = Pick<GoalCardDto, 'status' | 'target' | 'target_type' | 'unit_kind' | 'unit' | 'probability_of_meeting_target'> & {
  forecast_end?: GoalCardDto['forecast_end'];
  forecast_reason: string | null;
};

/**
 * The goal page's first line: status with the numbers behind it, then the forecast.
 * "Off track: $44.8M in Nov 2026, $1.2M below the $46.1M expected for that month. Forecast for Feb 2027: $46.3M (80% range …); 7% chance of meeting the $48M target."
 */
export function goalHeadline(goal: Detail): string {
  const fmt = (v: number) => formatGoalValue(v, goal);
  const s = goal.status;
  const parts: string[] = [];
  if (!s.status || s.latest === null || s.as_of === null) {
    parts.push(`No status yet: ${trimStop(s.reason ?? 'no KPI value in the period')}.`);
  } else {
    const lowerIsBetter = goal.target_type === 'decrease_to' || goal.target_type === 'at_or_below';
    let where = '';
    if (s.expected !== null) {
      const gap = s.latest - s.expected;
      const behind = lowerIsBetter ? gap > 0 : gap < 0;
      // A gap between two percentages is in points, not a percentage of anything.
      const gapText = goal.unit_kind === 'unit' && goal.unit.trim() === '%' ? `${formatScore(Math.abs(gap))} percentage points` : fmt(Math.abs(gap));
      where = behind
        ? `, ${gapText} ${gap < 0 ? 'below' : 'above'} the ${fmt(s.expected)} expected for that month`
        : `, level with or ahead of the ${fmt(s.expected)} expected for that month`;
    }
    parts.push(`${s.label}: ${fmt(s.latest)} in ${formatMonth(s.as_of)}${where}.`);
  }
  const end = goal.forecast_end;
  if (end) {
    const chance = goal.probability_of_meeting_target;
    parts.push(
      `Forecast for ${formatMonth(end.period)}: ${fmt(end.value)} (${forecastRangeText(end, goal)})` +
        (chance !== null ? `; ${formatChance(chance)} chance of meeting the ${fmt(goal.target)} target.` : '.'),
    );
  } else if (goal.forecast_reason) {
    parts.push(`No forecast: ${trimStop(goal.forecast_reason)}.`);
  }
  return parts.join(' ');
}

const trimStop = (text: string) => text.replace(/\.\s*$/, '');
