import { isSmall } from '@hubpulse/disclosure';

/**
 * The attacker of the adversarial privacy suite. It knows the fixture (who is in which group, who did
 * what), reads only what the API released, and tries every subtraction a reader could make:
 *
 * - a claim is "the API released a number of kind `stat` about exactly these people";
 * - for two claims of one stat where one's people strictly contain the other's, the difference
 *   describes the people in one but not the other; for a claim and up to three pairwise disjoint
 *   claims inside it, the remainder describes the rest (population − departments, a manager's tree −
 *   the reports' trees, a link − a department …);
 * - every claim and every derived set must pass the truth of its stat: at least k people, and for
 *   statistics over contributors or shares, at least k counted (and k not counted, for shares);
 * - numbers over windows (distinct people active in a date range): two nested windows' values must
 *   not differ by 1..k−1.
 */
export interface Claim {
  /** Where it came from, for the failure message. */
  what: string;
  /** Numbers of one stat can be subtracted from each other: `people`, `mean@2026-03-21`, … */
  stat: string;
  people: ReadonlySet<string>;
}

/** How many of `people` a stat counts (contributors, numerator); null for a plain count of people. */
export type Truth = (stat: string, people: readonly string[]) => { counted: number | null; share: boolean };

export interface WindowClaim {
  what: string;
  stat: string;
  /** `org` contains every other group of the same stat (a channel's active people are active people). */
  group: string;
  from: string;
  to: string;
  value: number;
}

const minus = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].filter((p) => !b.has(p));
const within = (inner: ReadonlySet<string>, outer: ReadonlySet<string>) => inner.size < outer.size && [...inner].every((p) => outer.has(p));

function* subsets<T>(items: readonly T[], max: number, from = 0, acc: T[] = []): Generator<T[]> {
  if (acc.length) yield acc;
  if (acc.length === max) return;
  for (let i = from; i < items.length; i++) yield* subsets(items, max, i + 1, [...acc, items[i]]);
}

/** Every violation found (empty: the attack failed). */
export function attack(claims: readonly Claim[], truth: Truth, k: number, windows: readonly WindowClaim[] = []): string[] {
  const found: string[] = [];
  const judge = (stat: string, people: readonly string[], how: string) => {
    if (people.length === 0) return;
    if (isSmall(people.length, k)) return found.push(`${how}: describes ${people.length} people`);
    const t = truth(stat, people);
    if (t.counted === null) return;
    if (t.counted < k) found.push(`${how}: ${t.counted} of ${people.length} people counted`);
    else if (t.share && people.length - t.counted < k) found.push(`${how}: all but ${people.length - t.counted} of ${people.length} people counted`);
  };
  const byStat = new Map<string, Claim[]>();
  for (const c of claims) byStat.set(c.stat, [...(byStat.get(c.stat) ?? []), c]);
  for (const [stat, list] of byStat) {
    // one copy per distinct set of people (the same group in two views is one number)
    const distinct = [...new Map(list.map((c) => [[...c.people].sort().join(','), c])).values()];
    for (const a of distinct) {
      judge(stat, [...a.people], `${a.what} [${stat}]`);
      const inside = distinct.filter((b) => within(b.people, a.people));
      for (const b of inside) judge(stat, minus(a.people, b.people), `${a.what} − ${b.what} [${stat}]`);
      for (const pick of subsets(inside, 3)) {
        if (pick.length < 2) continue;
        const union = new Set(pick.flatMap((c) => [...c.people]));
        if (union.size !== pick.reduce((s, c) => s + c.people.size, 0)) continue; // overlapping: no exact remainder
        judge(stat, minus(a.people, union), `${a.what} − (${pick.map((c) => c.what).join(' + ')}) [${stat}]`);
      }
    }
  }
  for (const a of windows) {
    for (const b of windows) {
      const groupContains = a.group === b.group || a.group === 'org';
      if (a === b || a.stat !== b.stat || !groupContains || !(a.from <= b.from && b.to <= a.to)) continue;
      if (isSmall(a.value - b.value, k)) found.push(`${a.what} [${a.from}..${a.to}] − ${b.what} [${b.from}..${b.to}] = ${a.value - b.value} people`);
    }
  }
  return [...new Set(found)];
}
