import { createHash } from 'node:crypto';
import { POPULATION, type GroupPlan, type HiddenReason } from '@hubpulse/disclosure';
import { HIDDEN_REASONS, type PatternGroupBy } from '@hubpulse/contracts';
import { releaseTable, type GroupTable, type ReleasedTable } from './pattern-release';

/** A week's table over every group of the plan, and what of it may be shown. */
interface WeekTable<C extends string> {
  table: GroupTable<C>;
  released: ReleasedTable<C>;
}

/**
 * A week's per-person values as the release path takes them: one code per person of the plan's
 * population (GroupStructure.personIndex order): the value's column index, NO_COLUMN for a value that
 * is no column (counted in the totals, in no cell), NOT_IN_WEEK for someone without a value that week.
 * 100 kB at 100,000 people, copied to a release thread as one block; a Map of person ids took seconds
 * of the API's event loop to clone per week. People outside the plan's population are in no group and
 * are left out (GroupStructure.sums ignores them too).
 */
export type WeekCodes = Uint8Array;
export const NO_COLUMN = 255;
export const NOT_IN_WEEK = 254;

/** A week's values (person → value, or the person-week read's parallel arrays) as WeekCodes; the last value of a person counts, as in a Map. */
export function weekCodes(plan: GroupPlan, values: ReadonlyMap<string, string> | { people: readonly string[]; values: readonly string[] }, columns: readonly string[]): WeekCodes {
  if (columns.length >= NOT_IN_WEEK) throw new Error(`a week table has at most ${NOT_IN_WEEK - 1} columns (${columns.length} asked)`);
  const s = plan.structure;
  const codes = new Uint8Array(s.populationSize).fill(NOT_IN_WEEK);
  const column = new Map(columns.map((c, j) => [c, j]));
  const set = (p: string, v: string) => {
    const i = s.personIndex.get(p);
    if (i !== undefined) codes[i] = column.get(v) ?? NO_COLUMN;
  };
  if (values instanceof Map) for (const [p, v] of values) set(p, v);
  else {
    const arrays = values as { people: readonly string[]; values: readonly string[] };
    for (let i = 0; i < arrays.people.length; i++) set(arrays.people[i], arrays.values[i]);
  }
  return codes;
}

/**
 * Movement from one week to the next as WeekCodes over the pair columns (from × `n` + to): everyone
 * with a value in both weeks, NO_COLUMN where either value is no column (as a "from>to" string that is
 * no pair column would be).
 */
export function movementCodes(before: WeekCodes, now: WeekCodes, n: number): WeekCodes {
  if (n * n >= NOT_IN_WEEK) throw new Error(`movement between ${n} columns has ${n * n} pairs, more than a week table holds (${NOT_IN_WEEK - 1})`);
  if (before.length !== now.length) throw new Error(`week codes for ${before.length} and ${now.length} people: not the same plan`);
  const out = new Uint8Array(now.length).fill(NOT_IN_WEEK);
  for (let i = 0; i < now.length; i++) {
    const a = before[i];
    const b = now[i];
    if (a === NOT_IN_WEEK || b === NOT_IN_WEEK) continue;
    out[i] = a === NO_COLUMN || b === NO_COLUMN ? NO_COLUMN : a * n + b;
  }
  return out;
}

/** The sorted union of two sorted index lists. */
export function union(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (n === 0 || out[n - 1] !== x) out[n++] = x;
  }
  return out.slice(0, n);
}

/** Cells to withhold per column as group indices (the population is index G), what crosses to a release thread. */
export type WithheldAt = ReadonlyMap<string, Int32Array>;

/** GroupTable['withhold'] (group keys) as WithheldAt; keys not in the plan are dropped (no group to hide). */
export function withheldAt(plan: GroupPlan, withhold: ReadonlyMap<string, ReadonlySet<string>>): WithheldAt {
  const G = plan.structure.groups.length;
  const at = (key: string) => (key === POPULATION ? G : plan.structure.index.get(key));
  return new Map([...withhold].map(([c, keys]) => [c, Int32Array.from([...keys].map(at).filter((i): i is number => i !== undefined))]));
}

/**
 * A week's table over every group of the plan and the population, from WeekCodes: one pass over
 * every group's members counting its people per column. The same table as the maps path it replaced
 * (buildTable in pattern.fixtures, the tests' reference); week-codes.spec checks both agree.
 */
export function tableFromCodes<C extends string>(plan: GroupPlan, codes: WeekCodes, columns: readonly C[], withhold?: WithheldAt): GroupTable<C> {
  const s = plan.structure;
  const G = s.groups.length;
  const C = columns.length;
  // per group (the population last): people in the week, then people per column
  const total = new Float64Array(G + 1);
  const cell = new Float64Array(C * (G + 1));
  const count = (g: number, code: number) => {
    if (code === NOT_IN_WEEK) return;
    total[g]++;
    if (code !== NO_COLUMN) cell[code * (G + 1) + g]++;
  };
  for (let i = 0; i < codes.length; i++) count(G, codes[i]);
  s.members.forEach((m, g) => {
    for (let i = 0; i < m.length; i++) count(g, codes[m[i]]);
  });
  const keys = [...s.groups.map((g) => g.key), POPULATION];
  const totals = new Map(keys.map((key, g) => [key, total[g]]));
  const cells = new Map(
    columns.map((c, j) => {
      // an empty column has no entries at all (as buildTable's)
      const of = new Map<string, number>();
      if (cell[j * (G + 1) + G] > 0) keys.forEach((key, g) => of.set(key, cell[j * (G + 1) + g]));
      return [c, of] as const;
    }),
  );
  const keyAt = (g: number) => keys[g];
  const withheld = withhold && new Map([...withhold].map(([c, at]) => [c as C, new Set(Array.from(at, keyAt))]));
  return { columns, totals, cells, withhold: withheld };
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

  /** Group indices (the population is G) whose cell of column `c` is hidden: its row's total hidden or itself (as rowOf says). */
  hiddenIn(c: C): Int32Array {
    const j = this.column.get(c);
    const out: number[] = [];
    for (let i = 0; i <= this.G; i++) if (this.packed.totalCodes[i] !== 0 || j === undefined || this.packed.cellCodes[j * (this.G + 1) + i] !== 0) out.push(i);
    return Int32Array.from(out);
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

  get(contentKey: string, plan: GroupPlan, codes: WeekCodes, columns: readonly string[], withhold?: WithheldAt): PackedWeek {
    if (codes.length !== plan.structure.populationSize) throw new Error(`week codes for ${codes.length} people, the plan has ${plan.structure.populationSize}`);
    let byPlan = this.byContent.get(contentKey);
    if (!byPlan) {
      this.byContent.set(contentKey, (byPlan = new Map()));
      while (this.byContent.size > WeekTableCache.PLANS_KEPT) this.byContent.delete(this.byContent.keys().next().value!);
    }
    const key = fingerprint(codes, columns, withhold);
    const hit = byPlan.get(key);
    if (hit) return hit;
    const table = tableFromCodes(plan, codes, columns, withhold);
    const out = packWeek(plan, { table, released: releaseTable(plan, table) });
    byPlan.set(key, out);
    if (byPlan.size > WeekTableCache.ENTRIES) byPlan.delete(byPlan.keys().next().value!);
    return out;
  }
}

/** SHA-256 of the codes (in population order: the same values give the same codes), the columns and the withheld cells. */
function fingerprint(codes: WeekCodes, columns: readonly string[], withhold?: WithheldAt): string {
  const hash = createHash('sha256').update(Uint32Array.of(codes.length)).update(codes).update(JSON.stringify(columns));
  for (const c of [...(withhold?.keys() ?? [])].sort()) {
    const at = Int32Array.from(withhold!.get(c)!).sort();
    // lengths first, so that no two different inputs concatenate to the same bytes
    hash.update(Uint32Array.of(Buffer.byteLength(c), at.length)).update(c).update(at);
  }
  return hash.digest('base64');
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
