import { POPULATION, type GroupPlan, type HiddenReason } from '@hubpulse/disclosure';
import { HIDDEN_REASONS, type PatternGroupBy } from '@hubpulse/contracts';
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
 * A week's table and decisions in typed arrays, indexed like the plan's groups (the population
 * last): what crosses from the release thread to the API's main thread (PatternReleaseThread), where
 * cloning the same as maps of maps took longer than the event loop may stall. Reason codes: 0 shown,
 * i + 1 HIDDEN_REASONS[i], ABSENT no decision (which the readers take as below the minimum).
 */
export interface PackedWeek {
  columns: string[];
  /** [group] people in the table, population at index G. */
  totals: Float64Array;
  /** [column × (G + 1) + group] people in the cell. */
  cells: Float64Array;
  totalCodes: Uint8Array;
  cellCodes: Uint8Array;
}
const ABSENT = 255;
const code = (d: { reason: HiddenReason | null } | undefined) => (d === undefined ? ABSENT : d.reason === null ? 0 : HIDDEN_REASONS.indexOf(d.reason) + 1);

export function packWeek<C extends string>(plan: GroupPlan, w: WeekTable<C>): PackedWeek {
  const groups = plan.structure.groups;
  const G = groups.length;
  const keys = [...groups.map((g) => g.key), POPULATION];
  const C = w.table.columns.length;
  const out: PackedWeek = {
    columns: [...w.table.columns],
    totals: new Float64Array(G + 1),
    cells: new Float64Array(C * (G + 1)),
    totalCodes: new Uint8Array(G + 1),
    cellCodes: new Uint8Array(C * (G + 1)),
  };
  keys.forEach((key, i) => {
    out.totals[i] = w.table.totals.get(key) ?? 0;
    out.totalCodes[i] = code(w.released.totals.get(key));
    w.table.columns.forEach((c, j) => {
      out.cells[j * (G + 1) + i] = w.table.cells.get(c)?.get(key) ?? 0;
      out.cellCodes[j * (G + 1) + i] = code(w.released.cells.get(c)?.get(key));
    });
  });
  return out;
}

/** A packed week read by group key. */
export class WeekView<C extends string> {
  readonly columns: readonly C[];
  private readonly G: number;
  private readonly column: Map<string, number>;

  constructor(
    private readonly plan: GroupPlan,
    private readonly packed: PackedWeek,
  ) {
    this.columns = packed.columns as C[];
    this.G = plan.structure.groups.length;
    this.column = new Map(packed.columns.map((c, j) => [c, j]));
  }

  private at(key: string): number | undefined {
    return key === POPULATION ? this.G : this.plan.structure.index.get(key);
  }

  /** Group keys of the plan, the population last. */
  keys(): string[] {
    return [...this.plan.structure.groups.map((g) => g.key), POPULATION];
  }

  total(key: string): number {
    const i = this.at(key);
    return i === undefined ? 0 : this.packed.totals[i];
  }

  cell(c: C, key: string): number {
    const i = this.at(key);
    const j = this.column.get(c);
    return i === undefined || j === undefined ? 0 : this.packed.cells[j * (this.G + 1) + i];
  }

  /** null: shown; a reason: hidden; 'below_minimum' where nothing was decided. */
  totalHidden(key: string): HiddenReason | null {
    const i = this.at(key);
    return reasonOf(i === undefined ? ABSENT : this.packed.totalCodes[i]);
  }

  cellHidden(c: C, key: string): HiddenReason | null {
    const i = this.at(key);
    const j = this.column.get(c);
    return reasonOf(i === undefined || j === undefined ? ABSENT : this.packed.cellCodes[j * (this.G + 1) + i]);
  }
}
const reasonOf = (c: number): HiddenReason | null => (c === 0 ? null : c === ABSENT ? 'below_minimum' : HIDDEN_REASONS[c - 1]);

/**
 * Decisions depend only on what the plan decides (its content key, DisclosurePlan.contentKey) and the
 * week's per-person values (and what is withheld), so they are kept under those: the dashboard asks
 * for the same weeks again with another grouping or range, and a plan rebuilt with the same content
 * (a segment run that found the same people) keeps them. The last PLANS_KEPT contents are kept, each
 * bounded to CACHE_ENTRIES weeks; the oldest go first. One per thread that computes weeks.
 */
export class WeekTableCache {
  private readonly byContent = new Map<string, Map<string, PackedWeek>>();
  static readonly ENTRIES = 400;
  static readonly PLANS_KEPT = 2;

  get(contentKey: string, plan: GroupPlan, valueOf: ReadonlyMap<string, string>, columns: readonly string[], withhold?: GroupTable<string>['withhold']): PackedWeek {
    let byPlan = this.byContent.get(contentKey);
    if (!byPlan) {
      this.byContent.set(contentKey, (byPlan = new Map()));
      while (this.byContent.size > WeekTableCache.PLANS_KEPT) this.byContent.delete(this.byContent.keys().next().value!);
    }
    const key = fingerprint(valueOf, columns, withhold);
    const hit = byPlan.get(key);
    if (hit) return hit;
    const table = buildTable(plan, valueOf, columns, withhold);
    const out = packWeek(plan, { table, released: releaseTable(plan, table) });
    byPlan.set(key, out);
    if (byPlan.size > WeekTableCache.ENTRIES) byPlan.delete(byPlan.keys().next().value!);
    return out;
  }
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

/** The groups of the requested family that have people that week (`total`), with their labels ('' for the organisation). */
export function groupsOf(plan: GroupPlan, by: PatternGroupBy, total: (key: string) => number): { key: string; label: string }[] {
  if (by === 'org') return total(POPULATION) > 0 ? [{ key: POPULATION, label: '' }] : [];
  return plan
    .all()
    .filter((g) => g.family === by && total(g.key) > 0)
    .map((g) => ({ key: g.key, label: g.key.slice(by.length + 1) }))
    .sort((a, b) => (a.label < b.label ? -1 : 1));
}

/** One row of a week table as the DTOs carry it. */
export function rowOf<C extends string>(w: WeekView<C>, key: string) {
  const populationHidden = w.totalHidden(key);
  const counts = {} as Record<C, number | null>;
  const hidden = {} as Record<C, HiddenReason | null>;
  for (const c of w.columns) {
    hidden[c] = populationHidden ?? w.cellHidden(c, key);
    counts[c] = hidden[c] === null ? w.cell(c, key) : null;
  }
  return {
    population: populationHidden === null ? w.total(key) : null,
    population_hidden: populationHidden,
    counts,
    hidden,
    suppressed: populationHidden !== null || Object.values<HiddenReason | null>(hidden).some((h) => h !== null),
  };
}

/** Cells of a week's table that are hidden, per group key. */
export function hiddenCells<C extends string>(w: WeekView<C>): Map<string, Set<C>> {
  const out = new Map<string, Set<C>>();
  for (const key of w.keys()) {
    const r = rowOf(w, key);
    const set = new Set(w.columns.filter((c) => r.hidden[c] !== null));
    if (set.size > 0) out.set(key, set);
  }
  return out;
}
