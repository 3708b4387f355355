import { POPULATION, settle, type GroupPlan } from './group-plan';
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
 * On a failure the lower-ranked of the two is hidden — the contained group (it merges into its parent's
 * remainder) unless the parent ranks lower (a link audience beside a department) — largest parents
 * first, and the checks repeat until nothing fails. Groups the plan hides show no statistic.
 */
export interface StatDecision {
  shown: boolean;
  reason: HiddenReason | null;
}

const internedDecisions = new Map<string, StatDecision>();
/**
 * One shared frozen object per distinct decision (there are a handful): views that keep a decision
 * per group for many statistics (per day, per channel) hold pointers instead of objects.
 */
export function internDecision(d: StatDecision): StatDecision {
  const key = `${d.shown}|${d.reason}`;
  let got = internedDecisions.get(key);
  if (!got) internedDecisions.set(key, (got = Object.freeze({ shown: d.shown, reason: d.reason })));
  return got;
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
  interface Conflict {
    victim: number;
    /** The other party (a group index, −1 for the population): when it is hidden first, this conflict is settled. */
    against: number;
    reason: HiddenReason;
    larger: number;
    /** Every group the conflict needs released: when one of them is hidden first, it is settled. */
    needs: readonly number[];
  }
  for (;;) {
    const conflicts: Conflict[] = [];
    const sizeOf = (P: number) => (P < 0 ? U : s.size[P]);
    for (let c = 0; c < s.count; c++) {
      if (!isReleased(c)) continue;
      const parents = popReleased ? [-1, ...s.containers[c]] : s.containers[c];
      for (const P of parents) {
        if (P >= 0 && !isReleased(P)) continue;
        const n = sizeOf(P) - s.size[c];
        const counted = (P < 0 ? populationX! : xs[P]) - xs[c];
        if (!failsAsSet(n, counted)) continue;
        const victim = s.remainderVictim(P, [c]);
        conflicts.push({ victim, against: victim === c ? P : c, reason: 'difference', larger: sizeOf(P), needs: P < 0 ? [c] : [P, c] });
      }
    }
    for (let P = -1; P < s.count; P++) {
      if (P < 0 ? !popReleased : !isReleased(P) || s.containees[P].length === 0) continue;
      // a remainder needs two released groups inside P (one is the pair check above)
      if (P >= 0 && s.containees[P].reduce((n, c) => n + released[c], 0) < 2) continue;
      for (const pack of s.packings(P, isReleased)) {
        if (pack.length < 2) continue; // one group inside P: the pair check above
        const n = sizeOf(P) - pack.reduce((sum, c) => sum + s.size[c], 0);
        const counted = (P < 0 ? populationX! : xs[P]) - pack.reduce((sum, c) => sum + xs[c], 0);
        if (!failsAsSet(n, counted)) continue;
        const victim = s.remainderVictim(P, pack);
        conflicts.push({ victim, against: victim === P ? pack[0] : P, reason: P < 0 ? 'remainder' : 'hierarchy', larger: sizeOf(P), needs: P < 0 ? pack : [P, ...pack] });
      }
    }
    if (conflicts.length === 0) break;
    // Top down, as the group plan does: a parent hidden first settles the conflicts it was in, so a
    // group is not hidden for a parent that is itself hidden in the same round.
    conflicts.sort((a, b) => b.larger - a.larger || a.victim - b.victim);
    for (const c of settle(conflicts, isReleased)) {
      released[c.victim] = 0;
      out.set(s.groups[c.victim].key, { shown: false, reason: c.reason });
    }
  }
  return out;
}
