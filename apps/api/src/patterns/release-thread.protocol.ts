import { GroupPlan, GroupStructure, type GroupDecision, type GroupSpec } from '@hubpulse/disclosure';
import type { PackedWeek, WeekCodes, WithheldAt } from './pattern-tables';

/**
 * What crosses between the API's main thread and the pattern release thread (release-thread.main.ts).
 * A plan crosses once per content key: its population in index order, each group's members as
 * indices into it, and the decisions; the thread rebuilds the same GroupStructure from them (same
 * people, same order), so its decisions are the main thread's, bit for bit.
 */
export interface PlanMessage {
  op: 'plan';
  id: number;
  contentKey: string;
  k: number;
  population: string[];
  groups: Omit<GroupSpec, 'members'>[];
  members: Int32Array[];
  decisions: GroupDecision[];
}

export interface WeekMessage {
  op: 'week';
  id: number;
  contentKey: string;
  /** One code per person of the plan (typed arrays: copied as blocks, see WeekCodes). */
  codes: WeekCodes;
  columns: string[];
  withhold?: WithheldAt;
}

export type ThreadRequest = PlanMessage | WeekMessage;

export type ThreadReply = { id: number; ok: true; week?: PackedWeek } | { id: number; ok: false; missingPlan?: boolean; error?: string };

export function planMessage(id: number, contentKey: string, plan: GroupPlan): PlanMessage {
  const s = plan.structure;
  const population: string[] = new Array(s.populationSize);
  for (const [p, i] of s.personIndex) population[i] = p;
  return {
    op: 'plan',
    id,
    contentKey,
    k: plan.k,
    population,
    groups: s.groups.map((g) => ({ key: g.key, family: g.family, priority: g.priority, crossTabbed: g.crossTabbed, layers: g.layers })),
    // postMessage clones these: no copy here (the plan's own arrays stay the main thread's)
    members: s.members,
    decisions: [...plan.all()],
  };
}

export function planFromMessage(m: PlanMessage): GroupPlan {
  const groups: GroupSpec[] = m.groups.map((g, i) => ({ ...g, members: Array.from(m.members[i], (p) => m.population[p]) }));
  const index = new Map(groups.map((g, i) => [g.key, i]));
  return new GroupPlan(m.k, new GroupStructure(m.population, groups, index), m.decisions);
}
