import { POPULATION, type GroupPlan, type HiddenReason } from '@hubpulse/disclosure';
import type { PatternGroupBy } from '@hubpulse/contracts';
import type { DisclosurePlan } from '../disclosure/disclosure.service';
import { releaseTable, type GroupTable, type ReleasedTable } from './pattern-release';

/** A week's table over every group of the plan, and what of it may be shown. */
interface WeekTable<C extends string> {
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

/**
 * Decisions depend only on what the plan decides (its content key, DisclosurePlan.contentKey) and the
 * week's per-person values (and what is withheld), so they are kept under those: the dashboard asks
 * for the same weeks again with another grouping or range, and a plan rebuilt with the same content
 * (a segment run that found the same people) keeps them. The last PLANS_KEPT contents are kept, each
 * bounded to CACHE_ENTRIES weeks; the oldest go first.
 */
const cache = new Map<string, Map<string, WeekTable<string>>>();
const CACHE_ENTRIES = 400;
const PLANS_KEPT = 2;

export function weekTable<C extends string>(
  { plan, contentKey }: Pick<DisclosurePlan, 'plan' | 'contentKey'>,
  valueOf: ReadonlyMap<string, string>,
  columns: readonly C[],
  withhold?: GroupTable<C>['withhold'],
): WeekTable<C> {
  let byPlan = cache.get(contentKey);
  if (!byPlan) {
    cache.set(contentKey, (byPlan = new Map()));
    while (cache.size > PLANS_KEPT) cache.delete(cache.keys().next().value!);
  }
  const key = fingerprint(valueOf, columns, withhold);
  const hit = byPlan.get(key) as WeekTable<C> | undefined;
  if (hit) return hit;
  const table = buildTable(plan, valueOf, columns, withhold);
  const out = { table, released: releaseTable(plan, table) };
  byPlan.set(key, out as WeekTable<string>);
  if (byPlan.size > CACHE_ENTRIES) byPlan.delete(byPlan.keys().next().value!);
  return out;
}

/** FNV-1a over the sorted person:value pairs, the columns and the withheld cells. */
function fingerprint(valueOf: ReadonlyMap<string, string>, columns: readonly string[], withhold?: ReadonlyMap<string, ReadonlySet<string>>): string {
  let h = 0x811c9dc5;
  let g = 0x01000193;
  const add = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      g = Math.imul(g ^ s.charCodeAt(i), 0x5bd1e995);
    }
  };
  for (const p of [...valueOf.keys()].sort()) add(`${p}=${valueOf.get(p)};`);
  add(columns.join(','));
  for (const [c, keys] of withhold ?? []) add(`${c}:${[...keys].sort().join(',')};`);
  return `${valueOf.size}:${(h >>> 0).toString(36)}:${(g >>> 0).toString(36)}`;
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
