import { isSmall, type HiddenReason } from './rules';

/**
 * Which groups of people may be described at all, decided over every group a reader can see in any
 * view — not per request — so that whatever two views a reader combines, the groups shown in them
 * were checked against each other.
 *
 * Groups come in families (department, location, team, manager tree, tenure band, segment, …). The
 * population (the directory) is always shown. Rules, applied until nothing conflicts:
 *
 * 1. primary: a group below k people is hidden ('below_minimum');
 * 2. difference: two shown groups A, B with B ⊆ A and |A \ B| in 1..k−1 conflict ('difference'):
 *    |A| − |B| describes the few in A \ B. Two groups that overlap without containment conflict the
 *    same way when a view shows their intersection (GroupSpec.crossTabbed: a segment's composition
 *    by department), since |A| − |A ∩ B| is then exact too. The group of lower priority is hidden,
 *    then the smaller;
 * 3. hierarchy: for each shown group P (the population included), disjoint collections of shown
 *    groups inside it (GroupStructure.packings: the maximal ones of each family — P's "children" in a
 *    laminar family such as manager trees or departments — and of all families together, exactly when
 *    they are disjoint, greedily when not) must leave 0 or ≥ k people of P ('hierarchy', or
 *    'remainder' when P is the population). The lowest-ranked child is hidden, so it merges into the
 *    remainder ("merged upward") — or P itself when P ranks lower (a link audience over departments);
 *    with the population as P this is complementary suppression of a partition (population − shown
 *    departments = the hidden department), and across families it stops a manager's tree standing in
 *    for its hidden department;
 * 4. remainder of two: two disjoint shown groups A, B with |U| − |A| − |B| in 1..k−1 ('remainder');
 *    the smaller is hidden.
 *
 * Rules 2 and 4 count a pair's combinations as a reader with sums (size × mean, active counts) would:
 * A − B is about A \ B and B \ A together, U − A − B about those in neither and those in both,
 * whether or not one contains the other or they are disjoint. Versions of groups across days
 * (GroupSpec.layers, history.ts's planVersions) are held to the same rules, rule 3 per snapshot too.
 *
 * In a laminar family every set a reader can form with + and − from shown groups is a union of
 * "atoms" (a shown group minus its children), so rules 1–3 make each such set 0 or ≥ k people. Across
 * families only pairs (rule 2, 4) are checked: A − B − C with A, B, C from three different families
 * is not (README's privacy model says so).
 *
 * Deterministic: the outcome depends only on the groups, their members and k — not on input order
 * beyond tie-breaks (the later group in input order is hidden first among equals).
 */
export const POPULATION = '__population__';

export interface GroupSpec {
  /** Unique across the plan, e.g. `department:Sales`, `manager:p0042`, `segment:<id>`. */
  key: string;
  /** Groups of one family are compared for hierarchy (rule 3); e.g. `department`, `manager`. */
  family: string;
  /** Person ids. Ids outside the population are ignored. */
  members: Iterable<string>;
  /**
   * Of two conflicting groups the one with the lower priority is hidden (default 0), then the
   * smaller. Groups users define (segments, link audiences) rank below the organisation's structure,
   * so defining one can never hide a department from everybody else.
   */
  priority?: number;
  /**
   * Families whose groups' intersections with this one some view shows (a segment's composition by
   * department and location). For those pairs, two overlapping groups whose one-sided difference is
   * 1..k−1 conflict even when neither contains the other; for every other pair only containment
   * gives an exact difference.
   */
  crossTabbed?: readonly string[];
  /**
   * The snapshots (stretches of the directory's history) the group belongs to, when the plan holds
   * several (history.ts's planVersions). Within one snapshot each family is laminar, as today's is, so
   * rule 3 packs each snapshot's groups of a family exactly, as it does a family of one day.
   */
  layers?: readonly number[];
}

export interface GroupDecision {
  key: string;
  family: string;
  /** Members in the population. */
  size: number;
  shown: boolean;
  reason: HiddenReason | null;
  /** The group it was compared with when hidden by rule 2–4. */
  against: string | null;
}

interface Conflict {
  victim: number;
  reason: HiddenReason;
  /** Group index, or −1 for the population. */
  against: number;
  /** Every other group the conflict needs shown: when one of them is hidden first, it is settled. */
  needs: readonly number[];
}

/**
 * The groups as sets: sizes, pairwise overlaps (only of pairs that share somebody), strict
 * containment both ways. Built once per plan; the statistics check reuses it.
 */
export class GroupStructure {
  readonly populationSize: number;
  readonly size: Int32Array;
  readonly families: string[];
  readonly familyOf: string[];
  /** `containers[i]`: groups strictly containing group i; `containees[i]`: groups strictly inside it. */
  readonly containers: number[][];
  readonly containees: number[][];
  private readonly overlaps: Map<number, number>[];
  private readonly byFamily: Map<string, number[]>;
  private readonly mark: Int32Array;
  /** Per group, the snapshots it belongs to (GroupSpec.layers); and every snapshot of the plan. */
  private readonly inLayer: (Set<number> | null)[];
  private readonly allLayers: number[];
  private stamp = 0;

  constructor(
    population: Iterable<string>,
    readonly groups: readonly GroupSpec[],
    readonly index: Map<string, number>,
  ) {
    const personIndex = (this.personIndex = new Map<string, number>());
    for (const p of population) if (!personIndex.has(p)) personIndex.set(p, personIndex.size);
    const U = (this.populationSize = personIndex.size);
    const G = groups.length;
    // Each group's people as indices, first occurrence order, duplicates and outsiders dropped: a
    // per-person mark of the last group that took them instead of a Set per group (at 100,000 people
    // and 12,500 groups the Sets took most of the construction).
    const lastGroup = new Int32Array(U).fill(-1);
    const scratch = new Int32Array(U); // a group's people, at most everybody once
    const members = groups.map((g, gi) => {
      let n = 0;
      for (const p of g.members) {
        const i = personIndex.get(p);
        if (i !== undefined && lastGroup[i] !== gi) {
          lastGroup[i] = gi;
          scratch[n++] = i;
        }
      }
      return scratch.slice(0, n);
    });
    this.members = members;
    this.size = Int32Array.from(members.map((m) => m.length));
    this.familyOf = groups.map((g) => g.family);
    this.families = [...new Set(this.familyOf)];
    this.byFamily = new Map(this.families.map((f) => [f, [] as number[]]));
    this.familyOf.forEach((f, i) => this.byFamily.get(f)!.push(i));
    this.mark = new Int32Array(U);
    this.inLayer = groups.map((g) => (g.layers ? new Set(g.layers) : null));
    this.allLayers = [...new Set(groups.flatMap((g) => g.layers ?? []))].sort((a, b) => a - b);

    // person → groups, then pairwise overlaps by counting (only pairs that share somebody).
    const start = new Int32Array(U + 1);
    for (const m of members) for (const p of m) start[p + 1]++;
    for (let p = 0; p < U; p++) start[p + 1] += start[p];
    const fill = start.slice(0, U);
    const groupsOf = new Int32Array(start[U]);
    members.forEach((m, g) => {
      for (const p of m) groupsOf[fill[p]++] = g;
    });
    this.overlaps = Array.from({ length: G }, () => new Map<number, number>());
    const counter = new Int32Array(G);
    const touched: number[] = [];
    for (let a = 0; a < G; a++) {
      for (const p of members[a]) {
        for (let j = start[p]; j < start[p + 1]; j++) {
          const b = groupsOf[j];
          if (b <= a) continue;
          if (counter[b] === 0) touched.push(b);
          counter[b]++;
        }
      }
      for (const b of touched) {
        this.overlaps[a].set(b, counter[b]);
        counter[b] = 0;
      }
      touched.length = 0;
    }
    // Strict containment (B ⊂ A, smaller). Identical sets contain neither: their difference is nobody.
    this.containers = Array.from({ length: G }, () => []);
    this.containees = Array.from({ length: G }, () => []);
    const size = this.size;
    for (let a = 0; a < G; a++) {
      for (const [b, o] of this.overlaps[a]) {
        if (o === size[b] && size[a] > size[b]) (this.containers[b].push(a), this.containees[a].push(b));
        else if (o === size[a] && size[b] > size[a]) (this.containers[a].push(b), this.containees[b].push(a));
      }
    }
  }

  readonly members: Int32Array[];
  /** Person id → index in the population. */
  readonly personIndex: Map<string, number>;

  /**
   * Per group, the sum of a per-person value (people outside the population are ignored), and the
   * population's sum last. How a view gets x for every group of the plan from one per-person read.
   */
  sums(valueOf: ReadonlyMap<string, number>): { perGroup: Map<string, number>; population: number } {
    const v = new Float64Array(this.populationSize);
    let population = 0;
    for (const [p, x] of valueOf) {
      const i = this.personIndex.get(p);
      if (i === undefined) continue;
      v[i] += x;
      population += x;
    }
    const perGroup = new Map<string, number>();
    this.members.forEach((m, g) => {
      let sum = 0;
      for (const p of m) sum += v[p];
      perGroup.set(this.groups[g].key, sum);
    });
    return { perGroup, population };
  }

  get count(): number {
    return this.groups.length;
  }

  overlap(a: number, b: number): number {
    if (a === b) return this.size[a];
    return (a < b ? this.overlaps[a].get(b) : this.overlaps[b].get(a)) ?? 0;
  }

  private neighbourLists: number[][] | null = null;
  /** The other groups that share somebody with g (either side of `overlaps`), built once on first use. */
  sharing(g: number): readonly number[] {
    if (!this.neighbourLists) {
      const lists: number[][] = Array.from({ length: this.overlaps.length }, () => []);
      this.overlaps.forEach((m, a) => {
        for (const b of m.keys()) (lists[a].push(b), lists[b].push(a));
      });
      this.neighbourLists = lists;
    }
    return this.neighbourLists[g];
  }

  /** Pairs (a < b) that share somebody, with the overlap. */
  *sharingPairs(): Generator<[number, number, number]> {
    for (let a = 0; a < this.overlaps.length; a++) for (const [b, o] of this.overlaps[a]) yield [a, b, o];
  }

  /**
   * Disjoint collections of admitted groups strictly inside P (−1: the population) whose remainder
   * P − ∪ a reader can compute: per family, the maximal admitted groups of that family when they are
   * pairwise disjoint (exact for a laminar family: any packing's remainder is a union of these
   * atoms), and the same with its gaps filled greedily from every other admitted group inside P (a
   * manager's tree where its department is hidden); across all families, the maximal admitted groups when pairwise disjoint, else two greedy
   * packings of them (largest first; organisation's structure first). The greedy ones are not every
   * packing a reader could choose — README's privacy model says so.
   */
  packings(P: number, include: (i: number) => boolean): readonly (readonly number[])[] {
    // Inside P, largest first, computed once per P; the admitted ones are filtered from it per call.
    const sorted = this.insideBySize(P);
    const inside = sorted.filter(include);
    // A pure function of P and which groups inside it are admitted: the same question comes back for
    // every statistic, day and round of planStat (mostly with nothing or the same few left out), so
    // the last answers per P are kept, keyed by the groups left out.
    const sig = inside.length === sorted.length ? '' : sorted.filter((c) => !include(c)).join(',');
    const kept = this.packingsKept.get(P);
    const hit = kept?.find((k) => k.sig === sig);
    if (hit) return hit.packs;
    const packs = this.computePackings(P, inside);
    const list = kept ?? [];
    list.unshift({ sig, packs });
    if (list.length > GroupStructure.PACKINGS_KEPT) list.pop();
    this.packingsKept.set(P, list);
    return packs;
  }

  /** packings' last answers per P (PACKINGS_KEPT of them), by the groups inside P left out. */
  private readonly packingsKept = new Map<number, { sig: string; packs: readonly (readonly number[])[] }[]>();
  private static readonly PACKINGS_KEPT = 4;

  private computePackings(P: number, inside: readonly number[]): readonly (readonly number[])[] {
    const capacity = P < 0 ? this.populationSize : this.size[P];
    if (inside.length === 0) return [];
    const out = new Map<string, number[]>();
    const keep = (pack: number[]) => {
      if (pack.length) out.set([...pack].sort((a, b) => a - b).join(','), pack);
    };
    const all = this.maximalOf(inside);
    for (const F of this.families) {
      const m = this.maximalOf(inside.filter((c) => this.familyOf[c] === F));
      if (!this.disjoint(m)) continue;
      keep(m);
      // …and the family's groups with the gaps filled from other families (a manager's tree where
      // its department is hidden, a department beside a link audience), also with one of them left
      // out first so that a group of another family can take its place (bounded: up to 24 groups).
      // The people free besides m are those it leaves out of P (none when it covers P), found once per
      // family; with one group dropped, that group's too: not found by marking the rest of m each time.
      const covers = m.reduce((n, c) => n + this.size[c], 0) === capacity;
      const gap = covers ? [] : this.gapOf(P, m);
      keep(this.greedy(capacity, inside, m, { gap }));
      if (m.length <= 24) for (const drop of m) keep(this.greedy(capacity, inside.filter((c) => c !== drop), m.filter((c) => c !== drop), { hole: drop, gap }));
    }
    // Per snapshot: each family's maximal admitted groups there (P's children as they were then).
    const layers = P < 0 ? this.allLayers : (this.groups[P].layers ?? []);
    for (const l of layers) {
      const there = inside.filter((c) => this.inLayer[c]?.has(l));
      for (const F of this.families) {
        const m = this.maximalOf(there.filter((c) => this.familyOf[c] === F));
        if (this.disjoint(m)) keep(m);
      }
    }
    if (this.disjoint(all)) keep(all);
    else {
      const prio = (i: number) => this.groups[i].priority ?? 0;
      keep(this.greedy(capacity, inside));
      keep(this.greedy(capacity, [...inside].sort((a, b) => prio(b) - prio(a) || this.size[b] - this.size[a] || a - b)));
    }
    return [...out.values()];
  }

  private readonly insideCache = new Map<number, number[]>();
  /** Groups strictly inside P (−1: the population), largest first. */
  private insideBySize(P: number): number[] {
    let list = this.insideCache.get(P);
    if (!list) {
      const U = this.populationSize;
      list = (P < 0 ? this.groups.map((_, i) => i).filter((c) => this.size[c] < U) : [...this.containees[P]]).sort((a, b) => this.size[b] - this.size[a] || a - b);
      this.insideCache.set(P, list);
    }
    return list;
  }

  private groupMark = new Int32Array(0);
  private groupStamp = 0;
  /** The groups of `cands` not strictly inside another of them. */
  private maximalOf(cands: readonly number[]): number[] {
    if (this.groupMark.length !== this.groups.length) this.groupMark = new Int32Array(this.groups.length);
    const stamp = ++this.groupStamp;
    for (const c of cands) this.groupMark[c] = stamp;
    return cands.filter((c) => !this.containers[c].some((a) => this.groupMark[a] === stamp));
  }

  /**
   * P's children in family F among the admitted groups: the admitted F-groups strictly inside P (−1:
   * the population) with no admitted F-group between them and P; null when they overlap (a family
   * that is not laminar). One of the packings above; kept for views that reason per family.
   */
  childrenOf(P: number, F: string, include: (i: number) => boolean): number[] | null {
    const U = this.populationSize;
    const inside = P < 0 ? this.byFamily.get(F)!.filter((c) => include(c) && this.size[c] < U) : this.containees[P].filter((c) => include(c) && this.familyOf[c] === F);
    const set = new Set(inside);
    const maximal = inside.filter((c) => !this.containers[c].some((a) => set.has(a)));
    return this.disjoint(maximal) ? maximal : null;
  }

  /**
   * The people of P (−1: the population) in none of the disjoint groups `m`. Kept for the last
   * GAPS_KEPT (P, m): a family's maximal admitted groups are mostly the same from one statistic to
   * the next (the top manager trees), and finding the gap walks all of P.
   */
  private gapOf(P: number, m: readonly number[]): readonly number[] {
    const key = `${P}:${m.join(',')}`;
    const kept = this.gapsKept.get(key);
    if (kept) return kept;
    const gap = this.computeGap(P, m);
    this.gapsKept.set(key, gap);
    if (this.gapsKept.size > GroupStructure.GAPS_KEPT) this.gapsKept.delete(this.gapsKept.keys().next().value!);
    return gap;
  }

  private readonly gapsKept = new Map<string, readonly number[]>();
  private static readonly GAPS_KEPT = 256;

  private computeGap(P: number, m: readonly number[]): number[] {
    this.stamp++;
    for (const g of m) for (const p of this.members[g]) this.mark[p] = this.stamp;
    const gap: number[] = [];
    if (P < 0) {
      for (let p = 0; p < this.populationSize; p++) if (this.mark[p] !== this.stamp) gap.push(p);
    } else for (const p of this.members[P]) if (this.mark[p] !== this.stamp) gap.push(p);
    return gap;
  }

  /**
   * Takes groups in order while they are disjoint from those taken (starting from `start`, disjoint).
   * The groups of `order` lie inside P (`capacity` people). Two shortcuts give the same answer without
   * marking everybody `start` holds: when `start` fills P, only empty groups fit; and when `start`, the
   * group `free.hole` (if any) and the people `free.gap` are a partition of P, a group is disjoint from
   * `start` exactly when all its people are in the hole or the gap.
   */
  private greedy(capacity: number, order: readonly number[], start: readonly number[] = [], free?: { hole?: number; gap: readonly number[] }): number[] {
    const taken: number[] = [...start];
    const chosen = new Set(start);
    let left = capacity;
    for (const g of start) left -= this.size[g];
    if (left <= 0) {
      for (const g of order) if (this.size[g] === 0 && !chosen.has(g)) taken.push(g);
      return taken;
    }
    if (free !== undefined) {
      this.stamp += 2;
      const open = this.stamp - 1;
      const used = this.stamp;
      if (free.hole !== undefined) for (const p of this.members[free.hole]) this.mark[p] = open;
      for (const p of free.gap) this.mark[p] = open;
      for (const g of order) {
        if (this.size[g] > left || chosen.has(g)) continue;
        const m = this.members[g];
        let ok = true;
        for (let j = 0; j < m.length && ok; j++) ok = this.mark[m[j]] === open;
        if (!ok) continue;
        for (let j = 0; j < m.length; j++) this.mark[m[j]] = used;
        left -= m.length;
        taken.push(g);
      }
      return taken;
    }
    this.stamp++;
    for (const g of start) for (const p of this.members[g]) this.mark[p] = this.stamp;
    for (const g of order) {
      // a group larger than what is left of P cannot be disjoint from what is taken
      if (this.size[g] > left || chosen.has(g)) continue;
      const m = this.members[g];
      let free = true;
      for (let j = 0; j < m.length && free; j++) free = this.mark[m[j]] !== this.stamp;
      if (!free) continue;
      for (let j = 0; j < m.length; j++) this.mark[m[j]] = this.stamp;
      left -= m.length;
      taken.push(g);
    }
    return taken;
  }

  /** Whom to hide for a remainder of P that is too small: P when it ranks lowest, else the lowest child. */
  remainderVictim(P: number, pack: readonly number[]): number {
    const child = pack.reduce((v, c) => (this.hideFirst(v, c) === c ? c : v));
    return P >= 0 && this.hideFirst(P, child) === P ? P : child;
  }

  /** Pairwise disjointness by marking members: linear in the members, whatever the number of groups. */
  private disjoint(gs: readonly number[]): boolean {
    this.stamp++;
    for (const g of gs) {
      for (const p of this.members[g]) {
        if (this.mark[p] === this.stamp) return false;
        this.mark[p] = this.stamp;
      }
    }
    return true;
  }

  /** True when some view shows how many people the two groups have in common (see GroupSpec.crossTabbed). */
  crossTabbed(a: number, b: number): boolean {
    const [ga, gb] = [this.groups[a], this.groups[b]];
    return (ga.crossTabbed?.includes(gb.family) ?? false) || (gb.crossTabbed?.includes(ga.family) ?? false);
  }

  /** Among two groups, the one to hide first: lower priority, then the smaller, then the later in input order. */
  hideFirst(a: number, b: number): number {
    const pa = this.groups[a].priority ?? 0;
    const pb = this.groups[b].priority ?? 0;
    if (pa !== pb) return pa < pb ? a : b;
    if (this.size[a] !== this.size[b]) return this.size[a] < this.size[b] ? a : b;
    return Math.max(a, b);
  }
}

/** The decided plan. */
export class GroupPlan {
  constructor(
    readonly k: number,
    readonly structure: GroupStructure,
    private readonly decisions: GroupDecision[],
  ) {}

  get populationSize(): number {
    return this.structure.populationSize;
  }

  get(key: string): GroupDecision | undefined {
    if (key === POPULATION) return { key, family: POPULATION, size: this.populationSize, shown: true, reason: null, against: null };
    const i = this.structure.index.get(key);
    return i === undefined ? undefined : this.decisions[i];
  }

  isShown(key: string): boolean {
    return this.get(key)?.shown ?? false;
  }

  shownAt(i: number): boolean {
    return this.decisions[i].shown;
  }

  all(): readonly GroupDecision[] {
    return this.decisions;
  }
}

/**
 * The conflicts of one round to act on, in order. A conflict is left for the next round when a group
 * it needs was hidden by one acted on before it (it may be settled), or when another group it needs
 * is itself the victim of a conflict of this round (hiding that one may settle it: two links nested
 * in a department must not both go for one difference). If that leaves nothing, the first conflict
 * is acted on, so every round hides something.
 */
export function settle<C extends { victim: number; needs: readonly number[] }>(conflicts: readonly C[], stillShown: (i: number) => boolean): C[] {
  const victims = new Set(conflicts.map((c) => c.victim));
  const hidden = new Set<number>();
  const acted: C[] = [];
  const alive = (g: number) => stillShown(g) && !hidden.has(g);
  for (const c of conflicts) {
    if (!c.needs.every(alive)) continue;
    if (c.needs.some((g) => g !== c.victim && victims.has(g))) continue;
    acted.push(c);
    hidden.add(c.victim);
  }
  if (acted.length === 0) {
    const first = conflicts.find((c) => c.needs.every(stillShown));
    if (first) acted.push(first);
  }
  return acted;
}

/**
 * Builds the plan. Cost: Σ over people of (groups they are in)², plus the rounds of rule checks.
 * `forced`: groups hidden before the rules run, with their reason (versions the plan over the history did
 * not admit); the rules then treat them as any hidden group (merged into remainders).
 */
export function planGroups(population: Iterable<string>, groups: readonly GroupSpec[], k: number, forced: ReadonlyMap<string, HiddenReason> = new Map()): GroupPlan {
  const index = new Map<string, number>();
  groups.forEach((g, i) => {
    if (index.has(g.key)) throw new Error(`disclosure: group key ${g.key} appears twice`);
    if (g.key === POPULATION) throw new Error(`disclosure: ${POPULATION} is reserved`);
    index.set(g.key, i);
  });
  const s = new GroupStructure(population, groups, index);
  const U = s.populationSize;
  const size = s.size;
  const decisions: GroupDecision[] = groups.map((g, i) => ({
    key: g.key,
    family: g.family,
    size: size[i],
    shown: size[i] >= k && !forced.has(g.key),
    reason: size[i] < k ? 'below_minimum' : (forced.get(g.key) ?? null),
    against: null,
  }));
  const isShown = (i: number) => decisions[i].shown;

  const findConflicts = (): Conflict[] => {
    const found: Conflict[] = [];
    // Rule 2 (difference), over pairs that share somebody.
    for (const [a, b, o] of s.sharingPairs()) {
      if (!isShown(a) || !isShown(b)) continue;
      // |A \ B| follows from |A| − |B| only when B ⊆ A, or when a view shows |A ∩ B| (cross-tabbed)
      const exact = o === size[a] || o === size[b] || s.crossTabbed(a, b);
      // And A − B itself (a sum, an active count) is about A \ B and B \ A together, exact or not:
      // Legal all in Berlin but one, Berlin all Legal but one, gives one person's value minus another's.
      if ((exact && (isSmall(size[a] - o, k) || isSmall(size[b] - o, k))) || isSmall(size[a] + size[b] - 2 * o, k)) {
        const victim = s.hideFirst(a, b);
        found.push({ victim, reason: 'difference', against: victim === a ? b : a, needs: [a, b] });
      }
    }
    // Rule 2 against the population: a group of all but 1..k−1 people.
    for (let a = 0; a < s.count; a++) if (isShown(a) && isSmall(U - size[a], k)) found.push({ victim: a, reason: 'remainder', against: -1, needs: [a] });
    // Rule 3 (hierarchy) for each shown parent: the remainders of the packings inside it.
    for (let P = -1; P < s.count; P++) {
      if (P >= 0 && (!isShown(P) || s.containees[P].length === 0)) continue;
      for (const pack of s.packings(P, isShown)) {
        const rest = (P < 0 ? U : size[P]) - pack.reduce((sum, c) => sum + size[c], 0);
        if (!isSmall(rest, k)) continue;
        const victim = s.remainderVictim(P, pack);
        found.push({ victim, reason: P < 0 ? 'remainder' : 'hierarchy', against: victim === P ? pack[0] : P, needs: P < 0 ? pack : [P, ...pack] });
      }
    }
    // Rule 4 (two disjoint groups against the population): only large pairs can leave < k.
    const big = decisions
      .map((_, i) => i)
      .filter(isShown)
      .sort((a, b) => size[b] - size[a]);
    for (let x = 0; x < big.length; x++) {
      for (let y = x + 1; y < big.length; y++) {
        const [a, b] = [big[x], big[y]];
        if (size[a] + size[b] < U - k + 1) break;
        const o = s.overlap(a, b);
        // U − A − B is about those in neither and those in both, for overlapping pairs too; and
        // U − |A ∪ B| where a view shows the overlap.
        const linear = o > 0 && (isSmall(U - size[a] - size[b] + 2 * o, k) || (s.crossTabbed(a, b) && isSmall(U - size[a] - size[b] + o, k)));
        if ((o === 0 && isSmall(U - size[a] - size[b], k)) || linear) {
          const victim = s.hideFirst(a, b);
          found.push({ victim, reason: 'remainder', against: victim === a ? b : a, needs: [a, b] });
        }
      }
    }
    return found;
  };

  for (;;) {
    const conflicts = findConflicts();
    if (conflicts.length === 0) break;
    // Top down: conflicts with larger groups first, so that hiding a large group (the CEO's tree
    // beside the population) settles the conflicts it was in before smaller groups are hidden for it.
    const larger = (c: Conflict) => Math.max(size[c.victim], c.against < 0 ? U : size[c.against]);
    conflicts.sort((a, b) => larger(b) - larger(a) || a.victim - b.victim);
    const hide = (c: Conflict) => Object.assign(decisions[c.victim], { shown: false, reason: c.reason, against: c.against < 0 ? POPULATION : groups[c.against].key });
    for (const c of settle(conflicts, isShown)) hide(c);
  }
  return new GroupPlan(k, s, decisions);
}
