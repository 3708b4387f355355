// Shaping for the ambassador pipeline: each rung with the people on it and the people who reached
// at least it (a funnel), conversions between rungs, and the weekly trend (the export's rows are contracts' ambassadorsTable).

import { type AmbassadorPipelineRow, type AmbassadorStage, type AmbassadorsResponse, type HiddenReason } from '@hubpulse/contracts';
import { lastCompleteWeek } from '../personas/personas.transform';

export interface FunnelStage {
  key: AmbassadorStage;
  label: string;
  definition: string;
  /** People whose highest rung is this one; null = hidden. */
  atStage: number | null;
  /** Why `atStage` is hidden (null: shown). */
  hidden: HiddenReason | null;
  /**
   * People on this rung or a higher one. When a higher rung is hidden this is only a lower bound
   * (`atLeast`), from the counts that are shown — never a guess at the hidden one.
   */
  reached: number;
  atLeast: boolean;
  /** Share of the population that reached this rung, 0–1. */
  share: number | null;
  /** Of those who reached the rung before, the share that reached this one, 0–1. */
  conversion: number | null;
}

function rowOf(groups: AmbassadorPipelineRow[], group?: string) {
  return group === undefined ? groups[0] : groups.find((g) => g.group === group);
}

/** The pipeline of one group in one week (default: the organisation, the newest complete week). */
export function buildFunnel(
  resp: AmbassadorsResponse,
  week?: string,
  group?: string,
): { week: string | null; population: number | null; populationHidden: HiddenReason | null; stages: FunnelStage[] } {
  const target = week ?? lastCompleteWeek(resp.weeks.map((x) => x.week), resp.range.to);
  const w = resp.weeks.find((x) => x.week.slice(0, 10) === target);
  const row = w ? rowOf(w.groups, group) : undefined;
  const defs = resp.stages;
  const population = row?.population ?? null;
  const stages: FunnelStage[] = [];
  let reached = 0;
  let atLeast = false;
  // From the top rung down: each rung's "reached" adds the people on it.
  for (let i = defs.length - 1; i >= 0; i--) {
    const key = defs[i].key as AmbassadorStage;
    const n = row ? row.stages[key] : null;
    if (n === null || n === undefined) atLeast = true;
    else reached += n;
    stages.unshift({
      key,
      label: defs[i].label,
      definition: defs[i].definition,
      atStage: n ?? null,
      hidden: row?.hidden?.[key] ?? (row ? null : 'below_minimum'),
      reached,
      atLeast,
      share: population ? reached / population : null,
      conversion: null,
    });
  }
  for (let i = 1; i < stages.length; i++) {
    const before = stages[i - 1];
    const s = stages[i];
    s.conversion = !s.atLeast && !before.atLeast && before.reached > 0 ? s.reached / before.reached : null;
  }
  return { week: w?.week.slice(0, 10) ?? null, population, populationHidden: row?.population_hidden ?? null, stages };
}

/** People per rung and week for one group: one point per week, a key per stage. */
export function buildPipelineWeeks(resp: AmbassadorsResponse, group?: string) {
  return resp.weeks.map((w) => {
    const row = rowOf(w.groups, group);
    const point: { day: string } & Record<string, number | null | string> = { day: w.week.slice(0, 10) };
    for (const s of resp.stages) point[s.key] = row ? (row.stages[s.key as AmbassadorStage] ?? null) : null;
    return point;
  });
}

