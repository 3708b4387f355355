import fc from 'fast-check';
import { planGroups, POPULATION, type GroupPlan, type GroupSpec } from '@hubpulse/disclosure';
import { planCounts, releaseShare, releaseTable, revealedBy, type Decisions, type GroupTable, type ReleasedTable } from './pattern-release';
import { buildTable } from './pattern.fixtures';

/**
 * releaseTable as it was written first (the reference): step 4 looks at every withheld cell of every
 * column in every round, asking revealedBy by group key. The kept version skips columns that did not
 * change since it last looked and asks by group index; both must decide exactly the same.
 */
function plainReleaseTable<C extends string>(plan: GroupPlan, table: GroupTable<C>): ReleasedTable<C> {
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
  const shownCell = (c: C, key: string) => cells.get(c)!.get(key)?.shown ?? false;
  const release = (c: C) => {
    const x = new Map(rows.filter((key) => key !== POPULATION).map((key) => [key, cellOf(c, key)]));
    const comp = new Map([...x].map(([key, v]) => [key, (table.totals.get(key) ?? 0) - v]));
    const pop = rows.includes(POPULATION) ? { x: cellOf(c, POPULATION), complement: popTotal - cellOf(c, POPULATION) } : null;
    cells.set(c, releaseShare(plan, x, comp, pop, withheld.get(c)));
  };
  let dirty = new Set<C>(table.columns);
  for (let round = 0; dirty.size > 0 && round < 50; round++) {
    for (const c of dirty) release(c);
    dirty = new Set<C>();
    const withhold = (c: C, key: string) => {
      if (withheld.get(c)!.has(key)) return;
      withheld.get(c)!.add(key);
      cells.get(c)!.set(key, { shown: false, reason: 'complementary' });
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
      for (const key of [...withheld.get(c)!]) {
        if (!shownRows.has(key)) continue;
        const revealer = revealedBy(plan, key, (g) => shownCell(c, g), table.totals);
        if (revealer) withhold(c, revealer);
      }
    }
  }
  return { totals, cells };
}

describe('releaseTable', () => {
  it('decides what the plain version decides on nested groups (departments split into teams, manager trees in trees), where step 4 finds revealers', () => {
    const people = Array.from({ length: 40 }, (_, i) => `p${i}`);
    const columns = ['a', 'b', 'c'] as const;
    let withheldCells = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(3), fc.nat(2)), { minLength: people.length, maxLength: people.length }),
        fc.array(fc.constantFrom(...columns, null), { minLength: people.length, maxLength: people.length }),
        fc.integer({ min: 2, max: 4 }),
        (places, values, k) => {
          const groups = new Map<string, GroupSpec & { members: string[] }>();
          const add = (family: string, key: string, p: string) => (groups.get(key) ?? groups.set(key, { key, family, members: [] }).get(key)!).members.push(p);
          people.forEach((p, i) => {
            add('department', `department:d${places[i][0]}`, p);
            add('team', `team:d${places[i][0]}t${places[i][1]}`, p);
            // manager trees nest within their family: a director over the first two departments
            add('manager', `manager:d${places[i][0]}`, p);
            if (places[i][0] < 2) add('manager', 'manager:director', p);
          });
          const plan = planGroups(people, [...groups.values()], k);
          const valueOf = new Map(people.flatMap((p, i) => (values[i] ? [[p, values[i]!] as [string, string]] : [])));
          const table = buildTable(plan, valueOf, columns);
          const got = releaseTable(plan, table);
          const want = plainReleaseTable(plan, table);
          expect([...got.totals]).toEqual([...want.totals]);
          for (const c of columns) expect([c, [...got.cells.get(c)!]]).toEqual([c, [...want.cells.get(c)!]]);
          for (const c of columns) withheldCells += [...got.cells.get(c)!.values()].filter((d) => d.reason === 'complementary').length;
        },
      ),
      { numRuns: 1000 },
    );
    expect(withheldCells).toBeGreaterThan(300);
  });

  it('decides what the plain version decides, on random groups, people and columns', () => {
    const people = Array.from({ length: 28 }, (_, i) => `p${i}`);
    const family = fc.constantFrom('department', 'manager', 'segment');
    const group = fc.record({ family, members: fc.subarray(people, { minLength: 1 }) });
    const columns = ['a', 'b', 'c', 'd'] as const;
    const stats = { withheldCells: 0, rounds: 0 };
    fc.assert(
      fc.property(
        fc.array(group, { minLength: 1, maxLength: 9 }),
        fc.array(fc.constantFrom(...columns, null), { minLength: people.length, maxLength: people.length }),
        fc.array(fc.tuple(fc.constantFrom(...columns), fc.nat(9)), { maxLength: 4 }),
        (gs, values, withholdAt) => {
          const specs: GroupSpec[] = gs.map((g, i) => ({ key: `${g.family}:${i}`, family: g.family, members: g.members }));
          const plan = planGroups(people, specs, 2);
          const valueOf = new Map(people.flatMap((p, i) => (values[i] ? [[p, values[i]!] as [string, string]] : [])));
          const withhold = new Map(columns.map((c) => [c, new Set(withholdAt.filter(([w]) => w === c).map(([, i]) => (i < specs.length ? specs[i].key : POPULATION)))]));
          const table = buildTable(plan, valueOf, columns, withhold);
          const got = releaseTable(plan, table);
          const want = plainReleaseTable(plan, table);
          expect([...got.totals]).toEqual([...want.totals]);
          for (const c of columns) expect([c, [...got.cells.get(c)!]]).toEqual([c, [...want.cells.get(c)!]]);
          for (const c of columns) stats.withheldCells += [...got.cells.get(c)!.values()].filter((d) => d.reason === 'complementary').length;
        },
      ),
      { numRuns: 1500 },
    );
    // Not vacuous: cells are withheld for their rows and columns (step 3 and 4) many times.
    expect(stats.withheldCells).toBeGreaterThan(300);
  });
});
