import fc from 'fast-check';
import { POPULATION, type GroupPlan } from '@hubpulse/disclosure';
import { buildTable, nestedPlan } from './pattern.fixtures';
import { releaseTable } from './pattern-release';
import { movementCodes, packWeek, rowOf, tableFromCodes, union, weekCodes, withheldAt, WeekTableCache, WeekView } from './pattern-tables';

/**
 * The release path on typed arrays (week codes, withheld cells as group indices) against the path on
 * maps it replaced (person → value, "from>to" strings, withheld cells as sets of group keys): the
 * same table, so the same decisions, for persona tables and for movement between two weeks.
 */

const PERSONAS = ['a', 'b', 'c'] as const;
const PAIRS = PERSONAS.flatMap((f) => PERSONAS.map((t) => `${f}>${t}`));

/** The week decided the way it was before week codes: from maps. */
function byMaps(plan: GroupPlan, values: ReadonlyMap<string, string>, columns: readonly string[], withhold?: Map<string, Set<string>>) {
  const table = buildTable(plan, values, columns, withhold);
  return packWeek(plan, { table, released: releaseTable(plan, table) });
}

/** Hidden cells per group key, as the movement's withheld cells were found before (rowOf over every key). */
function hiddenCells(w: WeekView<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of w.keys()) {
    const r = rowOf(w, key);
    const set = new Set(w.columns.filter((c) => r.hidden[c] !== null));
    if (set.size > 0) out.set(key, set);
  }
  return out;
}

const people = Array.from({ length: 36 }, (_, i) => `p${i}`);
const arbitraryPlaces = fc.array(fc.tuple(fc.nat(3), fc.nat(2)), { minLength: people.length, maxLength: people.length });
// 'z' is no column (counted in the totals, in no cell); null: no value that week
const arbitraryWeek = fc.array(fc.constantFrom('a', 'b', 'c', 'z', null), { minLength: people.length, maxLength: people.length });
const weekOf = (vals: (string | null)[]) => {
  const values = new Map(people.flatMap((p, i) => (vals[i] ? [[p, vals[i]!] as [string, string]] : [])));
  values.set('someone gone', 'a'); // not in today's directory: in no group
  return values;
};

describe('week codes', () => {
  it('decide a week as the maps did, with and without withheld cells', () => {
    let hidden = 0;
    fc.assert(
      fc.property(
        arbitraryPlaces,
        arbitraryWeek,
        fc.array(fc.tuple(fc.constantFrom(...PERSONAS), fc.constantFrom('department:d0', 'team:d1t1', 'manager:director', POPULATION)), { maxLength: 4 }),
        fc.integer({ min: 2, max: 4 }),
        (places, vals, withholdAt, k) => {
          const plan = nestedPlan(people, places as [number, number][], k);
          const values = weekOf(vals);
          const withhold = withholdAt.length ? new Map(PERSONAS.map((c) => [c as string, new Set(withholdAt.filter(([w]) => w === c).map(([, key]) => key))])) : undefined;
          const want = byMaps(plan, values, PERSONAS, withhold);
          const table = tableFromCodes(plan, weekCodes(plan, values, PERSONAS), PERSONAS, withhold && withheldAt(plan, withhold));
          expect(packWeek(plan, { table, released: releaseTable(plan, table) })).toEqual(want);
          // and the person-week read's parallel arrays give the same codes as the map
          const arrays = { people: [...values.keys()], values: [...values.values()] };
          expect(weekCodes(plan, arrays, PERSONAS)).toEqual(weekCodes(plan, values, PERSONAS));
          hidden += want.cellCodes.filter((c) => c !== 0).length;
        },
      ),
      { numRuns: 400 },
    );
    expect(hidden).toBeGreaterThan(1000); // not vacuous
  });

  it('decide the movement between two weeks as the "from>to" maps and hidden-cell sets did', () => {
    let withheld = 0;
    fc.assert(
      fc.property(arbitraryPlaces, arbitraryWeek, arbitraryWeek, fc.integer({ min: 2, max: 3 }), (places, before, now, k) => {
        const plan = nestedPlan(people, places as [number, number][], k);
        const prev = weekOf(before);
        const cur = weekOf(now);
        const viewOf = (values: Map<string, string>) => new WeekView<string>(plan, byMaps(plan, values, PERSONAS));
        const [wBefore, wNow] = [viewOf(prev), viewOf(cur)];

        // before: strings and sets of keys
        const moved = new Map<string, string>();
        for (const [p, persona] of cur) if (prev.has(p)) moved.set(p, `${prev.get(p)}>${persona}`);
        const withhold = new Map<string, Set<string>>(PAIRS.map((c) => [c, new Set<string>()]));
        for (const [key, cols] of hiddenCells(wNow)) for (const to of cols) for (const f of PERSONAS) withhold.get(`${f}>${to}`)!.add(key);
        for (const [key, cols] of hiddenCells(wBefore)) for (const f of cols) for (const to of PERSONAS) withhold.get(`${f}>${to}`)!.add(key);
        const want = byMaps(plan, moved, PAIRS, withhold);

        // now: codes and group indices (as PatternsService builds them)
        const codes = movementCodes(weekCodes(plan, prev, PERSONAS), weekCodes(plan, cur, PERSONAS), PERSONAS.length);
        const hiddenNow = PERSONAS.map((c) => wNow.hiddenIn(c));
        const hiddenBefore = PERSONAS.map((c) => wBefore.hiddenIn(c));
        const at = new Map(PAIRS.map((pair, j) => [pair, union(hiddenBefore[Math.floor(j / PERSONAS.length)], hiddenNow[j % PERSONAS.length])]));
        const sorted = (m: ReadonlyMap<string, Int32Array>) => [...m].map(([c, i]) => [c, [...i].sort((x, y) => x - y)]);
        expect(sorted(at)).toEqual(sorted(withheldAt(plan, withhold)));
        const table = tableFromCodes(plan, codes, PAIRS, at);
        expect(packWeek(plan, { table, released: releaseTable(plan, table) })).toEqual(want);
        withheld += [...withhold.values()].reduce((n, set) => n + set.size, 0);
      }),
      { numRuns: 300 },
    );
    expect(withheld).toBeGreaterThan(1000);
  });

  it('keeps a week under its codes, columns and withheld cells, and refuses codes of another population', () => {
    const plan = nestedPlan(people, people.map((_, i) => [i % 2, i % 3] as [number, number]), 2);
    const cache = new WeekTableCache();
    const codes = weekCodes(plan, new Map(people.map((p, i) => [p, i % 2 ? 'a' : 'b'])), PERSONAS);
    const first = cache.get('c1', plan, codes, PERSONAS);
    expect(cache.get('c1', plan, Uint8Array.from(codes), PERSONAS)).toBe(first); // same content, another array
    expect(cache.get('c1', plan, codes, PERSONAS, new Map([['a', Int32Array.of(0)]]))).not.toBe(first);
    const other = Uint8Array.from(codes);
    other[5] = 2;
    expect(cache.get('c1', plan, other, PERSONAS)).not.toBe(first);
    expect(() => cache.get('c1', plan, codes.subarray(1), PERSONAS)).toThrow(/week codes for 35 people, the plan has 36/);
  });

  it('unites sorted index lists', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(50)), fc.uniqueArray(fc.nat(50)), (a, b) => {
        const sorted = (x: number[]) => Int32Array.from(x).sort();
        expect([...union(sorted(a), sorted(b))]).toEqual([...new Set([...a, ...b])].sort((x, y) => x - y));
      }),
    );
  });
});
