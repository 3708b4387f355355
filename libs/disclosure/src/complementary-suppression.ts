/**
 * Complementary suppression: hiding small counts is not enough when other shown counts let a
 * reader work them out by subtraction. Three shapes of output are covered, each with its rule:
 *
 * 1. Overlapping sets shown side by side (segment sizes in a list) — `suppressOverlappingSets`.
 *    Let k be the minimum group size. A set's size is suppressed when
 *    (a) primary: it is below k (0 included, as everywhere else in Hubpulse);
 *    (b) difference rule: for two shown sets A and B, |A \ B| or |B \ A| is in 1..k−1. When B ⊆ A,
 *        |A| − |B| = |A \ B| would reveal the few people in A but not in B; we do not rely on the
 *        reader not knowing the containment (rules make it visible), so near-containment counts too;
 *    (c) remainder rule: for two shown sets with no member in common, |U| − |A| − |B| is in 1..k−1,
 *        where U is the population (a set that is always shown and never suppressed). With U among
 *        the sets, (b) also covers complements: |U \ A| in 1..k−1 suppresses A.
 *    Conflicts are resolved greedily: among the sets in a conflicting pair, the one in the most
 *    conflicts is suppressed first (ties: the smaller set, then the later one in input order), and the
 *    check repeats over the sets still shown until no pair conflicts. Fixed sets (the population) are
 *    never suppressed. Not covered: combinations of three or more shown sets (|A| − |B| − |C|).
 *
 * 2. A table of disjoint cells with its total shown (composition by department) — `suppressTable`.
 *    Cells in 1..k−1 are suppressed (primary). Then, while the suppressed cells are exactly one or
 *    add up to less than k, the smallest shown non-zero cell is suppressed too (secondary), so that
 *    neither a single hidden cell nor a small hidden sum can be recovered as total − shown cells.
 *    A total below k (or a total the caller must hide) hides the whole table.
 *
 * 3. A series of runs of one set (size over time with people entering and leaving) — `suppressRuns`.
 *    Sizes below k are suppressed; entered and left counts in 1..k−1 are suppressed; when either is
 *    suppressed the other is too (their difference is the change in size, which is shown); and when
 *    either size of a run is suppressed both counts are (size before + entered − left = size after).
 *    A run whose membership is the same as the run after it (the later run had nobody entering or
 *    leaving) shares that run's fate: when the later size is hidden the earlier one is too, else a
 *    recompute that changed nothing would show the hidden number one row earlier.
 */

/** A set whose size may be shown: a segment, or the population (`fixed`: always shown). */
export interface SuppressibleSet {
  id: string;
  size: number;
  fixed?: boolean;
}

export type SuppressionReason = 'below_minimum' | 'difference' | 'remainder';

export interface SetSuppression {
  id: string;
  /** The size, or null when suppressed. */
  size: number | null;
  reason: SuppressionReason | null;
  /** For complementary suppression: the set it would have been compared with. */
  against: string | null;
}

/**
 * Applies rule 1 to `sets`; `overlap(a, b)` returns |A ∩ B| for two ids (it is only asked about
 * pairs of non-fixed sets; a fixed set is taken to contain every other set).
 */
export function suppressOverlappingSets(sets: readonly SuppressibleSet[], overlap: (a: string, b: string) => number, k: number): SetSuppression[] {
  const out = new Map<string, SetSuppression>(sets.map((s) => [s.id, { id: s.id, size: s.size, reason: null, against: null }]));
  const order = new Map(sets.map((s, i) => [s.id, i]));
  for (const s of sets) if (!s.fixed && s.size < k) Object.assign(out.get(s.id)!, { size: null, reason: 'below_minimum' });
  const population = sets.find((s) => s.fixed);
  const both = (a: SuppressibleSet, b: SuppressibleSet): number => {
    if (a.fixed && b.fixed) return Math.min(a.size, b.size);
    if (a.fixed) return b.size;
    if (b.fixed) return a.size;
    return overlap(a.id, b.id);
  };
  const small = (n: number) => n >= 1 && n < k;
  const conflict = (a: SuppressibleSet, b: SuppressibleSet): SuppressionReason | null => {
    const i = both(a, b);
    if (small(a.size - i) || small(b.size - i)) return 'difference';
    if (population && !a.fixed && !b.fixed && i === 0 && small(population.size - a.size - b.size)) return 'remainder';
    return null;
  };
  for (;;) {
    const shown = sets.filter((s) => out.get(s.id)!.size !== null);
    const hits = new Map<string, { n: number; reason: SuppressionReason; against: string }>();
    for (let x = 0; x < shown.length; x++) {
      for (let y = x + 1; y < shown.length; y++) {
        const reason = conflict(shown[x], shown[y]);
        if (!reason) continue;
        for (const [me, other] of [
          [shown[x], shown[y]],
          [shown[y], shown[x]],
        ]) {
          if (me.fixed) continue;
          const h = hits.get(me.id);
          hits.set(me.id, { n: (h?.n ?? 0) + 1, reason: h?.reason ?? reason, against: h?.against ?? other.id });
        }
      }
    }
    if (hits.size === 0) break;
    const size = (id: string) => sets[order.get(id)!].size;
    const [victim] = [...hits.entries()].sort(([a, ha], [b, hb]) => hb.n - ha.n || size(a) - size(b) || order.get(b)! - order.get(a)!);
    Object.assign(out.get(victim[0])!, { size: null, reason: victim[1].reason, against: victim[1].against });
  }
  return sets.map((s) => out.get(s.id)!);
}

export interface TableCell<K extends string = string> {
  key: K;
  count: number;
}

export interface SuppressedTable<K extends string = string> {
  total: number | null;
  cells: { key: K; count: number | null; suppressed: 'below_minimum' | 'complementary' | null }[];
  /** True when any number of the table is hidden. */
  suppressed: boolean;
}

/** Applies rule 2: disjoint `cells` adding up to `total`; `hideTotal` when the total itself must not be shown. */
export function suppressTable<K extends string>(cells: readonly TableCell<K>[], total: number, k: number, hideTotal = false): SuppressedTable<K> {
  if (hideTotal || total < k) {
    return { total: null, cells: cells.map((c) => ({ key: c.key, count: null, suppressed: 'below_minimum' as const })), suppressed: true };
  }
  const state = cells.map((c) => ({ key: c.key, count: c.count as number | null, suppressed: null as 'below_minimum' | 'complementary' | null }));
  cells.forEach((c, i) => {
    if (c.count >= 1 && c.count < k) Object.assign(state[i], { count: null, suppressed: 'below_minimum' });
  });
  const hiddenSum = () => cells.reduce((s, c, i) => s + (state[i].count === null ? c.count : 0), 0);
  const hiddenCount = () => state.filter((c) => c.count === null).length;
  while (hiddenCount() > 0 && (hiddenCount() === 1 || hiddenSum() < k)) {
    let pick = -1;
    cells.forEach((c, i) => {
      if (state[i].count !== null && c.count > 0 && (pick < 0 || c.count <= cells[pick].count)) pick = i;
    });
    if (pick < 0) break; // nothing left to hide: every non-zero cell already is
    Object.assign(state[pick], { count: null, suppressed: 'complementary' });
  }
  return { total, cells: state, suppressed: state.some((c) => c.count === null) };
}

export interface RunCounts {
  size: number;
  /** People in this run's membership who were not in the previous one. */
  entered: number;
  /** People in the previous membership who are not in this one. */
  left: number;
}

export interface SuppressedRun {
  size: number | null;
  entered: number | null;
  left: number | null;
}

/**
 * Applies rule 3 to runs in time order (oldest first). `hideSize(i)` lets the caller hide a size that
 * another rule suppressed (the newest run's size is the segment's current size in a list).
 */
export function suppressRuns(runs: readonly RunCounts[], k: number, hideSize: (index: number) => boolean = () => false): SuppressedRun[] {
  const sizes = runs.map((r, i) => (r.size < k || hideSize(i) ? null : r.size));
  for (let i = runs.length - 1; i > 0; i--) {
    if (sizes[i] === null && runs[i].entered === 0 && runs[i].left === 0) sizes[i - 1] = null;
  }
  const small = (n: number) => n >= 1 && n < k;
  return runs.map((r, i) => {
    const before = i === 0 ? 0 : sizes[i - 1];
    if (sizes[i] === null || before === null || small(r.entered) || small(r.left)) return { size: sizes[i], entered: null, left: null };
    return { size: sizes[i], entered: r.entered, left: r.left };
  });
}
