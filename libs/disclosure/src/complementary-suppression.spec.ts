import { suppressOverlappingSets, suppressRuns, suppressTable } from './complementary-suppression';

const K = 5;
/** Overlaps from explicit member lists, so every case is checkable by hand. */
const overlapOf = (members: Record<string, string[]>) => (a: string, b: string) => members[a].filter((p) => members[b].includes(p)).length;
const people = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `p${from + i}`);

describe('suppressOverlappingSets (rule 1)', () => {
  it('shows sets whose differences are 0 or at least k', () => {
    const m = { a: people(1, 20), b: people(1, 20), c: people(1, 10), d: people(30, 40) };
    const out = suppressOverlappingSets(Object.entries(m).map(([id, p]) => ({ id, size: p.length })), overlapOf(m), K);
    expect(out.map((s) => s.size)).toEqual([20, 20, 10, 11]);
    expect(out.every((s) => s.reason === null)).toBe(true);
  });

  it('suppresses sets below k (primary), and then they no longer count in differences', () => {
    const m = { a: people(1, 20), tiny: people(1, 3) };
    const out = suppressOverlappingSets([{ id: 'a', size: 20 }, { id: 'tiny', size: 3 }], overlapOf(m), K);
    expect(out).toEqual([
      { id: 'a', size: 20, reason: null, against: null },
      { id: 'tiny', size: null, reason: 'below_minimum', against: null },
    ]);
  });

  it('suppresses one of two nested sets differing by 1..k-1 people: the smaller one', () => {
    // |A \ B| = 3: showing 20 and 17 would reveal the three people in A but not in B.
    const m = { a: people(1, 20), b: people(1, 17) };
    const out = suppressOverlappingSets([{ id: 'a', size: 20 }, { id: 'b', size: 17 }], overlapOf(m), K);
    expect(out).toEqual([
      { id: 'a', size: 20, reason: null, against: null },
      { id: 'b', size: null, reason: 'difference', against: 'a' },
    ]);
  });

  it('counts near-containment: |B \\ A| = 2 even though A also has people B lacks', () => {
    const m = { a: people(1, 30), b: [...people(11, 30), 'x1', 'x2'] };
    const out = suppressOverlappingSets([{ id: 'a', size: 30 }, { id: 'b', size: 22 }], overlapOf(m), K);
    expect(out.map((s) => s.size)).toEqual([30, null]);
  });

  it('never suppresses the population; a set missing 1..k-1 people of it is suppressed', () => {
    const m = { nonleaders: people(1, 97), sales: people(1, 40) };
    const out = suppressOverlappingSets(
      [{ id: 'org', size: 100, fixed: true }, { id: 'nonleaders', size: 97 }, { id: 'sales', size: 40 }],
      overlapOf(m),
      K,
    );
    expect(out).toEqual([
      { id: 'org', size: 100, reason: null, against: null },
      { id: 'nonleaders', size: null, reason: 'difference', against: 'org' },
      { id: 'sales', size: 40, reason: null, against: null },
    ]);
  });

  it('suppresses by the remainder rule: two disjoint sets covering all but 1..k-1 people', () => {
    const m = { a: people(1, 60), b: people(61, 98) };
    const out = suppressOverlappingSets([{ id: 'org', size: 100, fixed: true }, { id: 'a', size: 60 }, { id: 'b', size: 38 }], overlapOf(m), K);
    expect(out.map((s) => [s.size, s.reason])).toEqual([
      [100, null],
      [60, null],
      [null, 'remainder'],
    ]);
  });

  it('resolves conflicts greedily: the set in most conflicts goes first, so fewer sets are hidden', () => {
    // x–y differ by 3, y–z by 2, x–z by 5 (fine): hiding y alone resolves both conflicts
    // (hiding the smallest first would hide z, then y as well).
    const m = { x: people(1, 30), y: people(1, 27), z: people(1, 25) };
    const out = suppressOverlappingSets(Object.entries(m).map(([id, p]) => ({ id, size: p.length })), overlapOf(m), K);
    expect(out.map((s) => [s.size, s.reason, s.against])).toEqual([
      [30, null, null],
      [null, 'difference', 'x'],
      [25, null, null],
    ]);
    // x–y (2), y–z (2), x–z (4): after y, x–z still conflicts and the smaller z goes too.
    const m2 = { x: people(1, 30), y: people(1, 28), z: people(1, 26) };
    const out2 = suppressOverlappingSets(Object.entries(m2).map(([id, p]) => ({ id, size: p.length })), overlapOf(m2), K);
    expect(out2.map((s) => s.size)).toEqual([30, null, null]);
  });

  it('is deterministic on ties: equal sizes and conflicts hide the later set', () => {
    const m = { a: [...people(1, 20)], b: [...people(3, 22)] };
    const out = suppressOverlappingSets([{ id: 'a', size: 20 }, { id: 'b', size: 20 }], overlapOf(m), K);
    expect(out.map((s) => s.size)).toEqual([20, null]);
  });
});

describe('suppressTable (rule 2)', () => {
  it('shows every cell when none is small', () => {
    const t = suppressTable([{ key: 'Sales', count: 12 }, { key: 'Legal', count: 8 }], 20, K);
    expect(t).toEqual({ total: 20, cells: [{ key: 'Sales', count: 12, suppressed: null }, { key: 'Legal', count: 8, suppressed: null }], suppressed: false });
  });

  it('hides a second cell when one small cell could be recovered from the total', () => {
    // 20 − 9 − 8 = 3 would give Legal away: the smallest other cell (IT, 8) is hidden too.
    const t = suppressTable([{ key: 'Sales', count: 9 }, { key: 'IT', count: 8 }, { key: 'Legal', count: 3 }], 20, K);
    expect(t.cells).toEqual([
      { key: 'Sales', count: 9, suppressed: null },
      { key: 'IT', count: null, suppressed: 'complementary' },
      { key: 'Legal', count: null, suppressed: 'below_minimum' },
    ]);
    expect(t.total).toBe(20);
  });

  it('hides more cells while the hidden ones add up to less than k', () => {
    // Two cells of 1 and 2 hidden add up to 3 < 5: the next smallest (6) goes too.
    const t = suppressTable([{ key: 'a', count: 1 }, { key: 'b', count: 2 }, { key: 'c', count: 6 }, { key: 'd', count: 30 }], 39, K);
    expect(t.cells.map((c) => c.count)).toEqual([null, null, null, 30]);
    expect(t.cells.map((c) => c.suppressed)).toEqual(['below_minimum', 'below_minimum', 'complementary', null]);
  });

  it('two small cells adding up to at least k need no third', () => {
    const t = suppressTable([{ key: 'a', count: 3 }, { key: 'b', count: 4 }, { key: 'c', count: 30 }], 37, K);
    expect(t.cells.map((c) => c.count)).toEqual([null, null, 30]);
  });

  it('keeps zero cells shown and never picks them as the second cell', () => {
    const t = suppressTable([{ key: 'a', count: 0 }, { key: 'b', count: 2 }, { key: 'c', count: 10 }], 12, K);
    expect(t.cells.map((c) => c.count)).toEqual([0, null, null]);
  });

  it('hides the whole table when the total is small or must be hidden', () => {
    expect(suppressTable([{ key: 'a', count: 4 }], 4, K)).toMatchObject({ total: null, cells: [{ count: null }], suppressed: true });
    expect(suppressTable([{ key: 'a', count: 40 }], 40, K, true)).toMatchObject({ total: null, cells: [{ count: null }], suppressed: true });
  });
});

describe('suppressRuns (rule 3)', () => {
  it('shows sizes and movement when every number is 0 or at least k', () => {
    expect(suppressRuns([{ size: 20, entered: 20, left: 0 }, { size: 25, entered: 10, left: 5 }], K)).toEqual([
      { size: 20, entered: 20, left: 0 },
      { size: 25, entered: 10, left: 5 },
    ]);
  });

  it('hides both movements when one is small (the size change would give it away)', () => {
    expect(suppressRuns([{ size: 20, entered: 20, left: 0 }, { size: 22, entered: 5, left: 3 }], K)[1]).toEqual({ size: 22, entered: null, left: null });
  });

  it('hides movements next to a hidden size', () => {
    const out = suppressRuns([{ size: 3, entered: 3, left: 0 }, { size: 9, entered: 6, left: 0 }, { size: 15, entered: 6, left: 0 }], K);
    expect(out).toEqual([
      { size: null, entered: null, left: null },
      { size: 9, entered: null, left: null },
      { size: 15, entered: 6, left: 0 },
    ]);
  });

  it('lets the caller hide a size suppressed by another rule', () => {
    const out = suppressRuns([{ size: 20, entered: 20, left: 0 }, { size: 30, entered: 10, left: 0 }], K, (i) => i === 1);
    expect(out[1]).toEqual({ size: null, entered: null, left: null });
  });

  it('hides the runs before a hidden size that have the same membership (a recompute that changed nothing)', () => {
    const runs = [
      { size: 150, entered: 150, left: 0 },
      { size: 157, entered: 9, left: 2 },
      { size: 157, entered: 0, left: 0 },
      { size: 157, entered: 0, left: 0 },
    ];
    expect(suppressRuns(runs, K, (i) => i === 3)).toEqual([
      { size: 150, entered: 150, left: 0 },
      { size: null, entered: null, left: null },
      { size: null, entered: null, left: null },
      { size: null, entered: null, left: null },
    ]);
    // shown when nothing hides the newest
    expect(suppressRuns(runs, K)[2]).toEqual({ size: 157, entered: 0, left: 0 });
  });
});
