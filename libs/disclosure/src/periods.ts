import { isSmall, ruleFor, type HiddenReason, type StatKind } from './rules';

/**
 * Numbers over time. Three shapes, each with its rule:
 *
 * 1. A cumulative series (people reached so far, week by week): the sets are nested, so two shown
 *    points differ by the people who joined between them — `planCumulative` shows a point only when it
 *    passes its own rule and differs from the previous shown point by 0 or at least k (a hidden point
 *    merges into the next). Any two shown points then differ by 0 or ≥ k.
 *
 * 2. Per-period values that add up (events per day summed over a range): a range total is a sum of
 *    days, and two ranges differ by whole days — `additiveRange` releases a total only when every day
 *    in it passes or had nobody (so a difference of two ranges is a sum of days that each passed).
 *
 * 3. Distinct people over a user-chosen window ("active people, 1–30 June"): windows nest, and two
 *    nested windows differ by the people active only in the longer one. Whatever was shown before
 *    has to be remembered: `checkWindows` compares each new number with what this reader was already
 *    shown (the ledger) and with the other numbers of the same response. Two numbers conflict when
 *    one's set contains the other's — group ⊇ group and window ⊇ window — and they differ by 1..k−1.
 *    The same window and group shown again with a changed value (late events) conflicts the same way.
 *    A count of actions rather than people (`actors` set) conflicts when it changed and fewer than k
 *    more people acted.
 */

export interface CumulativePoint {
  /** People counted so far (a nested, growing set). */
  x: number;
  /** The group the share is of (for 'share'), else ignored. */
  n?: number;
}

export function planCumulative(points: readonly CumulativePoint[], kind: StatKind, k: number): (HiddenReason | null)[] {
  let last: number | null = null;
  return points.map((p) => {
    const own = kind === 'count' ? ruleFor('count', p.x, p.x, k) : ruleFor(kind, p.x, p.n ?? p.x, k);
    if (own) return own;
    if (last !== null && isSmall(Math.abs(p.x - last), k)) return 'period';
    last = p.x;
    return null;
  });
}

/**
 * Rule 2: a total over days, each with its contributors (distinct people behind that day's value). A
 * day nobody acted on adds nothing and describes nobody in particular, so it does not hide the range
 * (else any range holding a weekend or a future day would hide its total).
 */
export function additiveRange(dayContributors: readonly number[], k: number): HiddenReason | null {
  return dayContributors.some((c) => c > 0 && c < k) ? 'period' : null;
}

/** A number about the people of `group` over [from, to] (days, inclusive, YYYY-MM-DD). */
export interface WindowedNumber {
  /** What is counted, e.g. `active_people`. Numbers of different stats are never compared. */
  stat: string;
  group: string;
  from: string;
  to: string;
  value: number;
  /**
   * Set for a count of ACTIONS (comments, interactions), not of people: the distinct people who
   * acted, or null when not known. Two actions counts differ by what the people in between did, and
   * one person's 6 comments more are a gap of 6: a changed count passes only when both know their
   * people and those differ by ≥ k (then ≥ k people acted in between, and the change is a sum over
   * them, as the mean rule asks). Unknown people: only an unchanged count passes.
   */
  actors?: number | null;
}

/** True when the people behind `big` include the people behind `small`. */
export type GroupContains = (big: string, small: string) => boolean;

const within = (a: WindowedNumber, b: WindowedNumber) => b.from <= a.from && a.to <= b.to;

/** The conflict of `next` with one earlier number, if any. */
function conflict(prev: WindowedNumber, next: WindowedNumber, contains: GroupContains, k: number): boolean {
  if (prev.stat !== next.stat) return false;
  const nested =
    (within(prev, next) && contains(next.group, prev.group)) || // prev ⊆ next
    (within(next, prev) && contains(prev.group, next.group)); // next ⊆ prev
  if (!nested) return false;
  if (next.actors === undefined) return isSmall(Math.abs(next.value - prev.value), k);
  const newPeople = next.actors === null || prev.actors === null || prev.actors === undefined ? 0 : Math.abs(next.actors - prev.actors);
  return next.value !== prev.value && newPeople < k;
}

/**
 * Rule 3. `seen`: what this reader was shown before (the ledger); `next`: this response's numbers in
 * the order they are decided. Returns, per number of `next`, null (release it, and record it) or the
 * reason it is hidden. Numbers below k are hidden first ('below_minimum') and never recorded.
 */
export function checkWindows(
  seen: readonly WindowedNumber[],
  next: readonly WindowedNumber[],
  k: number,
  contains: GroupContains = (a, b) => a === b,
): (HiddenReason | null)[] {
  /** `fresh`: released earlier in this response rather than before it. */
  type Entry = WindowedNumber & { fresh: boolean };
  const byStat = new Map<string, Entry[]>();
  const add = (e: Entry) => {
    const list = byStat.get(e.stat);
    if (list) list.push(e);
    else byStat.set(e.stat, [e]);
  };
  for (const s of seen) add({ ...s, fresh: false });
  return next.map((n) => {
    if (n.value < k) return 'below_minimum';
    const hit = (byStat.get(n.stat) ?? []).find((p) => conflict(p, n, contains, k));
    if (hit) return hit.fresh ? 'period' : 'earlier_release';
    add({ ...n, fresh: true });
    return null;
  });
}
