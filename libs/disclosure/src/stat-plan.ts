import { POPULATION, type GroupPlan } from './group-plan';
import { isSmall, ruleFor, type HiddenReason, type StatKind } from './rules';

/**
 * Which groups may show one statistic (a day's mean score, active share, a purpose's numerator …),
 * given the group plan. The statistic is known per group as `x`: the people it counts (a share's
 * numerator, a mean's contributors). Every group is checked, and so is every set a reader can form by
 * subtracting released groups:
 *
 * - the group itself: its kind's rule (rules.ts);
 * - a released group C strictly inside a released group P (any families; the population contains
 *   every group): the people of P not in C, with x(P) − x(C) counted, must pass the same rule;
 * - a released group P and disjoint released groups inside it (GroupStructure.packings): the people
 *   of P in none of them, with x(P) − Σ x(inside), must pass it too.
 *
 * On a failure the contained group's statistic is hidden (it merges into its parent's remainder), and
 * the checks repeat until nothing fails. Groups the plan hides show no statistic.
 */
export interface StatDecision {
  shown: boolean;
  reason: HiddenReason | null;
}

export function planStat(
  plan: GroupPlan,
  kind: StatKind,
  /** x per group key (absent: the statistic has no value for that group, e.g. it is not asked for). */
  x: ReadonlyMap<string, number>,
  /** x for the whole population, when the view releases it (else null). */
  populationX: number | null,
): Map<string, StatDecision> {
  const k = plan.k;
  const s = plan.structure;
  const xs = new Float64Array(s.count);
  const released = new Uint8Array(s.count);
  const out = new Map<string, StatDecision>();
  for (let i = 0; i < s.count; i++) {
    const key = s.groups[i].key;
    const d = plan.all()[i];
    const v = x.get(key);
    if (v === undefined) continue;
    xs[i] = v;
    if (!d.shown) {
      out.set(key, { shown: false, reason: d.reason });
      continue;
    }
    const r = ruleFor(kind, v, s.size[i], k);
    out.set(key, { shown: r === null, reason: r });
    released[i] = r === null ? 1 : 0;
  }
  const U = plan.populationSize;
  const popReleased = populationX !== null && ruleFor(kind, populationX, U, k) === null;
  if (populationX !== null) out.set(POPULATION, { shown: popReleased, reason: ruleFor(kind, populationX, U, k) });
  if (kind === 'count') return out; // group sizes: the plan already checked their differences

  const isReleased = (i: number) => released[i] === 1;
  const failsAsSet = (n: number, counted: number): boolean => n > 0 && (ruleFor(kind, counted, n, k) !== null || isSmall(n, k));
  for (;;) {
    const victims = new Map<number, HiddenReason>();
    for (let c = 0; c < s.count; c++) {
      if (!isReleased(c)) continue;
      const parents = popReleased ? [-1, ...s.containers[c]] : s.containers[c];
      for (const P of parents) {
        if (P >= 0 && !isReleased(P)) continue;
        const n = (P < 0 ? U : s.size[P]) - s.size[c];
        const counted = (P < 0 ? populationX! : xs[P]) - xs[c];
        if (failsAsSet(n, counted)) victims.set(c, 'difference');
      }
    }
    for (let P = -1; P < s.count; P++) {
      if (P < 0 ? !popReleased : !isReleased(P) || s.containees[P].length === 0) continue;
      for (const pack of s.packings(P, isReleased)) {
        if (pack.length < 2) continue; // one group inside P: the pair check above
        const n = (P < 0 ? U : s.size[P]) - pack.reduce((sum, c) => sum + s.size[c], 0);
        const counted = (P < 0 ? populationX! : xs[P]) - pack.reduce((sum, c) => sum + xs[c], 0);
        if (!failsAsSet(n, counted)) continue;
        const victim = s.remainderVictim(P, pack);
        if (!victims.has(victim)) victims.set(victim, P < 0 ? 'remainder' : 'hierarchy');
      }
    }
    if (victims.size === 0) break;
    // Hide the smallest victims first, one per round per parent would be gentler; hiding all the
    // victims of a round is simpler and still deterministic (it can only hide more).
    for (const [i, reason] of victims) {
      released[i] = 0;
      out.set(s.groups[i].key, { shown: false, reason });
    }
  }
  return out;
}
