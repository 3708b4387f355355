import { POPULATION, type GroupPlan, type HiddenReason } from '@hubpulse/disclosure';
import type { PatternGroupBy } from '@hubpulse/contracts';
import { releaseTable, type GroupTable, type ReleasedTable } from './pattern-release';

/** A week's table over every group of the plan, and what of it may be shown. */
export interface WeekTable<C extends string> {
  table: GroupTable<C>;
  released: ReleasedTable<C>;
}

/**
 * The table of one week from each person's value (persona, stage, or a "from>to" movement pair):
 * totals and cells for every group of the plan and the population, from one per-person read
 * (GroupStructure.sums). People outside today's directory are in no group.
 */
export function buildTable<C extends string>(plan: GroupPlan, valueOf: ReadonlyMap<string, string>, columns: readonly C[], withhold?: GroupTable<C>['withhold']): GroupTable<C> {
  const s = plan.structure;
  const asMap = (sums: { perGroup: Map<string, number>; population: number }) => new Map([...sums.perGroup, [POPULATION, sums.population]]);
  const ones = new Map([...valueOf.keys()].map((p) => [p, 1]));
  const totals = asMap(s.sums(ones));
  const cells = new Map(
    columns.map((c) => {
      const of = new Map<string, number>();
      for (const [p, v] of valueOf) if (v === c) of.set(p, 1);
      return [c, of.size === 0 ? new Map<string, number>() : asMap(s.sums(of))];
    }),
  );
  return { columns, totals, cells, withhold };
}

export function weekTable<C extends string>(plan: GroupPlan, valueOf: ReadonlyMap<string, string>, columns: readonly C[], withhold?: GroupTable<C>['withhold']): WeekTable<C> {
  const table = buildTable(plan, valueOf, columns, withhold);
  return { table, released: releaseTable(plan, table) };
}

/** The groups of the requested family that have people that week, with their labels ('' for the organisation). */
export function groupsOf(plan: GroupPlan, by: PatternGroupBy, totals: ReadonlyMap<string, number>): { key: string; label: string }[] {
  if (by === 'org') return (totals.get(POPULATION) ?? 0) > 0 ? [{ key: POPULATION, label: '' }] : [];
  return plan
    .all()
    .filter((g) => g.family === by && (totals.get(g.key) ?? 0) > 0)
    .map((g) => ({ key: g.key, label: g.key.slice(by.length + 1) }))
    .sort((a, b) => (a.label < b.label ? -1 : 1));
}

/** One row of a week table as the DTOs carry it. */
export function rowOf<C extends string>(w: WeekTable<C>, key: string) {
  const total = w.released.totals.get(key);
  const populationHidden: HiddenReason | null = total ? total.reason : 'below_minimum';
  const counts = {} as Record<C, number | null>;
  const hidden = {} as Record<C, HiddenReason | null>;
  for (const c of w.table.columns) {
    const d = w.released.cells.get(c)?.get(key);
    hidden[c] = populationHidden ?? (d ? d.reason : 'below_minimum');
    counts[c] = hidden[c] === null ? (w.table.cells.get(c)?.get(key) ?? 0) : null;
  }
  return {
    population: populationHidden === null ? (w.table.totals.get(key) ?? 0) : null,
    population_hidden: populationHidden,
    counts,
    hidden,
    suppressed: populationHidden !== null || Object.values<HiddenReason | null>(hidden).some((h) => h !== null),
  };
}

/** Cells of a week's table that are hidden, per group key. */
export function hiddenCells<C extends string>(w: WeekTable<C>): Map<string, Set<C>> {
  const out = new Map<string, Set<C>>();
  for (const key of w.table.totals.keys()) {
    const r = rowOf(w, key);
    const set = new Set(w.table.columns.filter((c) => r.hidden[c] !== null));
    if (set.size > 0) out.set(key, set);
  }
  return out;
}
