import { planStat, POPULATION, type GroupPlan, type HiddenReason, type StatDecision } from '@hubpulse/disclosure';

/**
 * How the pattern views release their numbers through the disclosure layer (libs/disclosure).
 *
 * A pattern number is a share of a group's people on a day or in a week (a purpose index, a persona
 * count, a stage count, a movement cell): x people of the group's n counted. The group's n is its
 * population on that day (people hired by then), not its size in today's plan, so the share rule is
 * checked as two statistics over the plan: the x counted and the n − x not counted, each one a
 * 'mean'-kind check (≥ k in the group and in every difference and family remainder planStat forms).
 * A group is released only when both pass with the same released set, repeated until stable.
 */
export type Decisions = Map<string, StatDecision>;

/** A count of people per group checked for differences over the plan (planStat 'mean', the count as contributors). */
export const planCounts = (plan: GroupPlan, x: Iterable<[string, number]>, populationX: number | null): Decisions => planStat(plan, 'mean', new Map(x), populationX);

const restrict = (m: ReadonlyMap<string, number>, keys: ReadonlySet<string>) => new Map([...m].filter(([key]) => keys.has(key)));

/** A share over every group with an x: the counted and the not counted ≥ k wherever a reader can subtract. */
export function releaseShare(
  plan: GroupPlan,
  x: ReadonlyMap<string, number>,
  complement: ReadonlyMap<string, number>,
  population: { x: number; complement: number } | null,
  withheld: ReadonlySet<string> = new Set(),
): Decisions {
  const out: Decisions = new Map();
  let keys = new Set([...x.keys()].filter((key) => !withheld.has(key)));
  for (const key of withheld) if (x.has(key)) out.set(key, { shown: false, reason: 'complementary' });
  let pop = population !== null && !withheld.has(POPULATION);
  if (population && !pop) out.set(POPULATION, { shown: false, reason: 'complementary' });
  // Every group's people are the population's, so a count (or complement) below k org-wide is below k
  // in every group and every difference: all hidden without asking the plan.
  const k = plan.k;
  if (population && (population.x < k || population.complement < k)) {
    const reason: HiddenReason = population.x < k ? 'numerator' : 'complement';
    for (const key of [...keys, ...(pop ? [POPULATION] : [])]) out.set(key, { shown: false, reason: plan.get(key)?.shown === false ? plan.get(key)!.reason : reason });
    return out;
  }
  for (;;) {
    const counted = planStat(plan, 'mean', restrict(x, keys), pop ? population!.x : null);
    const rest = planStat(plan, 'mean', restrict(complement, keys), pop ? population!.complement : null);
    const next = new Set<string>();
    const decide = (key: string) => {
      const a = counted.get(key)!;
      const b = rest.get(key)!;
      if (a.shown && b.shown) return true;
      // the complement pass says 'numerator' for "fewer than k not counted"
      if (!out.has(key)) out.set(key, { shown: false, reason: a.shown ? (b.reason === 'numerator' ? 'complement' : b.reason) : a.reason });
      return false;
    };
    for (const key of keys) if (decide(key)) next.add(key);
    const popNext = pop && decide(POPULATION);
    if (next.size === keys.size && popNext === pop) break;
    keys = next;
    pop = popNext;
  }
  for (const key of keys) out.set(key, { shown: true, reason: null });
  if (pop) out.set(POPULATION, { shown: true, reason: null });
  return out;
}

/** One table of a week: per group (and the population), its total and a count per column. */
export interface GroupTable<C extends string> {
  columns: readonly C[];
  /** Per group key (POPULATION included): people in the table that week. */
  totals: ReadonlyMap<string, number>;
  /** Per column, per group key (POPULATION included): people in that cell. */
  cells: ReadonlyMap<C, ReadonlyMap<string, number>>;
  /** Cells to hide whatever their numbers (linked to a hidden cell of another table), protected like step 3's. */
  withhold?: ReadonlyMap<C, ReadonlySet<string>>;
}

export interface ReleasedTable<C extends string> {
  /** Per group key (POPULATION included): the total's decision. */
  totals: Decisions;
  /** Per column, per group key: the cell's decision. */
  cells: Map<C, Decisions>;
}

/**
 * A table of disjoint cells per group, each cell a share of its group's total, released over every
 * group of the plan at once (rows = groups, columns = personas or stages):
 *
 * 1. the totals: people in the group that week, ≥ k in the group and every difference/remainder
 *    ('mean' over the plan). A row whose total is hidden shows nothing.
 * 2. each column: releaseShare over the rows still released.
 * 3. each row with hidden cells: complementary suppression as suppressTable does it (hide the smallest
 *    shown non-zero cell while the hidden cells are exactly one or add up to fewer than k), because a
 *    hidden cell is the total minus the shown ones.
 * 4. a cell hidden for its row must not come back through its column: when the group's released
 *    siblings of its family cover a released parent's total (or a released group minus another
 *    released one is exactly this group), the cell would be the parent's minus theirs, so the smallest
 *    such sibling is hidden too, and protected in turn.
 * Steps 2–4 repeat until nothing changes (hiding only grows, so it ends).
 *
 * Not closed (README): three groups of different families combined (as planStat), and the cell of a
 * group recovered through a chain of other groups' rows and columns longer than step 4 looks at.
 */
export function releaseTable<C extends string>(plan: GroupPlan, table: GroupTable<C>): ReleasedTable<C> {
  const k = plan.k;
  const s = plan.structure;
  const popTotal = table.totals.get(POPULATION) ?? 0;
  const groupTotals = new Map([...table.totals].filter(([key]) => key !== POPULATION));
  const totals = planCounts(plan, groupTotals, popTotal);
  const rows = [...table.totals.keys()].filter((key) => totals.get(key)?.shown);
  const cellOf = (c: C, key: string) => table.cells.get(c)?.get(key) ?? 0;

  // per column: cells withheld for their row (protected) on top of what the share rule hides
  const withheld = new Map<C, Set<string>>(table.columns.map((c) => [c, new Set<string>(table.withhold?.get(c) ?? [])]));
  const cells = new Map<C, Decisions>();
  // Which cells of a column are shown, by group index (the population last): kept beside `cells`
  // (which also says why), since step 4 asks it of thousands of groups per withheld cell.
  const shownAt = new Map<C, Uint8Array>();
  const indexOf = (key: string) => (key === POPULATION ? s.count : s.index.get(key));
  const shownCell = (c: C, key: string) => {
    const i = indexOf(key);
    return i !== undefined && shownAt.get(c)![i] === 1;
  };
  // Each column's decisions change only when it is released again or a cell of it is withheld: a
  // version per column says when, so step 4 looks again only at columns that changed since it last
  // looked (an unchanged column's withheld cells have no revealer left: each one found was withheld).
  const version = new Map<C, number>(table.columns.map((c) => [c, 0]));
  const checked = new Map<C, number>();
  const bump = (c: C) => version.set(c, version.get(c)! + 1);
  const release = (c: C) => {
    const x = new Map(rows.filter((key) => key !== POPULATION).map((key) => [key, cellOf(c, key)]));
    const comp = new Map([...x].map(([key, v]) => [key, (table.totals.get(key) ?? 0) - v]));
    const pop = rows.includes(POPULATION) ? { x: cellOf(c, POPULATION), complement: popTotal - cellOf(c, POPULATION) } : null;
    const decided = releaseShare(plan, x, comp, pop, withheld.get(c));
    cells.set(c, decided);
    const at = new Uint8Array(s.count + 1);
    for (const [key, d] of decided) {
      const i = indexOf(key);
      if (d.shown && i !== undefined) at[i] = 1;
    }
    shownAt.set(c, at);
    bump(c);
  };
  let dirty = new Set<C>(table.columns);
  for (let round = 0; dirty.size > 0 && round < 50; round++) {
    for (const c of dirty) release(c);
    dirty = new Set<C>();
    const withhold = (c: C, key: string) => {
      if (withheld.get(c)!.has(key)) return;
      withheld.get(c)!.add(key);
      cells.get(c)!.set(key, { shown: false, reason: 'complementary' });
      const i = indexOf(key);
      if (i !== undefined) shownAt.get(c)![i] = 0;
      bump(c);
      dirty.add(c);
    };
    // 3. rows
    for (const key of rows) {
      const hiddenCount = () => table.columns.filter((c) => !shownCell(c, key)).length;
      const hiddenSum = () => table.columns.reduce((sum, c) => sum + (shownCell(c, key) ? 0 : cellOf(c, key)), 0);
      while (hiddenCount() > 0 && (hiddenCount() === 1 || hiddenSum() < k)) {
        let pick: C | null = null;
        for (const c of table.columns) if (shownCell(c, key) && cellOf(c, key) > 0 && (pick === null || cellOf(c, key) <= cellOf(pick, key))) pick = c;
        if (pick === null) break;
        withhold(pick, key);
      }
    }
    // 4. columns: a withheld cell must not be its parent's minus its siblings'. Rows whose total is
    // hidden show nothing and are covered by planStat's remainder checks like any hidden group.
    const shownRows = new Set(rows);
    for (const c of table.columns) {
      const seen = version.get(c)!;
      if (checked.get(c) === seen) continue;
      const at = shownAt.get(c)!;
      let memo = revealMemo();
      for (const key of [...withheld.get(c)!]) {
        if (!shownRows.has(key)) continue;
        const revealer = revealedBy(plan, key, (g) => shownCell(c, g), table.totals, (i) => at[i] === 1, memo);
        if (revealer) {
          withhold(c, revealer);
          memo = revealMemo(); // one group fewer released
        }
      }
      checked.set(c, seen);
    }
  }
  return { totals, cells };
}

/**
 * A released group whose hiding would keep `key`'s cell hidden, when `key`'s cell is otherwise
 * recoverable: a released parent (the population included) whose total is covered by `key` and
 * `key`'s released siblings of its family, or a released group A ⊃ key with a released B ⊂ A,
 * disjoint from key, and total(A) − total(B) = total(key). Null when nothing reveals it.
 */
export function revealedBy(
  plan: GroupPlan,
  key: string,
  released: (key: string) => boolean,
  totals: ReadonlyMap<string, number>,
  /** The same as `released`, by group index: faster when the caller keeps it so. */
  releasedAt?: (i: number) => boolean,
  /** Kept between calls while what is released stays the same (a new one after any change). */
  memo?: RevealMemo,
): string | null {
  const s = plan.structure;
  const total = (i: number) => totals.get(i < 0 ? POPULATION : s.groups[i].key) ?? 0;
  const popReleased = released(POPULATION);
  if (key === POPULATION) {
    // the population's cell is the sum of a family that covers it
    for (const F of s.families) {
      const children = s.childrenOf(-1, F, releasedAt ?? ((i) => released(s.groups[i].key)));
      if (children && children.length > 0 && children.reduce((sum, i) => sum + total(i), 0) === total(-1)) return smallest(plan, children);
    }
    return null;
  }
  const g = s.index.get(key);
  if (g === undefined) return null;
  const isReleased = releasedAt ?? ((i: number) => released(s.groups[i].key));
  const F = s.familyOf[g];
  const U = s.populationSize;
  const byTotal = groupsByTotal(plan, totals);
  const parents = [...(popReleased ? [-1] : []), ...s.containers[g].filter(isReleased)];
  for (const P of parents) {
    // g is among P's children in its family only when no released group of that family lies between
    // them (childrenOf's maximal groups): checked on g's containers first, since childrenOf walks
    // every group of the family inside P (thousands of manager trees inside the organisation).
    const inP = (a: number) => (P < 0 ? s.size[a] < U : s.containers[a].includes(P));
    const between: boolean = s.containers[g].some((a) => a !== P && s.familyOf[a] === F && isReleased(a) && inP(a));
    if (!between && !(P < 0 && s.size[g] >= U)) {
      const children: number[] | null = memo && !isReleased(g) ? childrenWith(plan, memo, P, F, g, isReleased) : s.childrenOf(P, F, (i) => i === g || isReleased(i));
      if (children?.includes(g) && children.reduce((sum, i) => sum + total(i), 0) === total(P)) {
        const others = children.filter((i) => i !== g);
        // alone it is its parent that week: the parent's cell is this one
        return others.length > 0 ? smallest(plan, others) : P < 0 ? POPULATION : s.groups[P].key;
      }
    }
    // A ⊃ g and a released B ⊂ A disjoint from g with the rest of A exactly g: B's total is
    // total(A) − total(g), so only the groups with that total are looked at (the first in P's order).
    const candidates = (byTotal.get(total(P) - total(g)) ?? []).filter((B) => B !== g && (P < 0 || s.containers[B].includes(P)) && isReleased(B) && s.overlap(B, g) === 0);
    if (candidates.length === 0) continue;
    const order = P < 0 ? null : s.containees[P];
    const first = order ? candidates.reduce((a, b) => (order.indexOf(b) < order.indexOf(a) ? b : a)) : candidates[0];
    return s.groups[first].key;
  }
  return null;
}

/** P's children per family among the released groups (childrenOf), kept while the released groups stay the same. */
export interface RevealMemo {
  children: Map<string, { list: number[]; set: Set<number> } | null>;
}

export const revealMemo = (): RevealMemo => ({ children: new Map() });

/**
 * childrenOf(P, F, i ⇒ i = g ∨ released(i)) for an unreleased g with no released F-group between it
 * and P, from P's released F-children kept in `memo`: g is maximal, so the children are the released
 * ones less those inside g, plus g, and they are disjoint exactly when no other of them overlaps g.
 * When the released children themselves overlap, childrenOf answers.
 */
function childrenWith(plan: GroupPlan, memo: RevealMemo, P: number, F: string, g: number, isReleased: (i: number) => boolean): number[] | null {
  const s = plan.structure;
  const key = `${P}|${F}`;
  let base = memo.children.get(key);
  if (base === undefined) {
    const list = s.childrenOf(P, F, isReleased);
    memo.children.set(key, (base = list && { list, set: new Set(list) }));
  }
  if (!base) return s.childrenOf(P, F, (i) => i === g || isReleased(i));
  const inside = new Set(s.containees[g].filter((a) => base.set.has(a)));
  for (const a of s.sharing(g)) if (base.set.has(a) && !inside.has(a)) return null;
  return [...base.list.filter((a) => !inside.has(a)), g];
}

const byTotalKept = new WeakMap<ReadonlyMap<string, number>, { plan: GroupPlan; byTotal: Map<number, number[]> }>();
/** The plan's groups by their total in `totals` (absent: 0), in index order; kept per totals and plan. */
function groupsByTotal(plan: GroupPlan, totals: ReadonlyMap<string, number>): Map<number, number[]> {
  const kept = byTotalKept.get(totals);
  if (kept?.plan === plan) return kept.byTotal;
  const byTotal = new Map<number, number[]>();
  plan.structure.groups.forEach((g, i) => {
    const t = totals.get(g.key) ?? 0;
    const list = byTotal.get(t);
    if (list) list.push(i);
    else byTotal.set(t, [i]);
  });
  byTotalKept.set(totals, { plan, byTotal });
  return byTotal;
}

function smallest(plan: GroupPlan, groups: number[]): string {
  const s = plan.structure;
  return s.groups[groups.reduce((v, c) => (s.hideFirst(v, c) === c ? c : v))].key;
}

