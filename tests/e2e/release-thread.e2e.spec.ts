import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { POPULATION, type GroupPlan } from '@hubpulse/disclosure';
import { REPO_ROOT } from '@hubpulse/testing';
import { releaseTable } from '../../apps/api/src/patterns/pattern-release';
import { weekCodes, withheldAt, type WeekView } from '../../apps/api/src/patterns/pattern-tables';
import { buildTable, nestedPlan } from '../../apps/api/src/patterns/pattern.fixtures';
import { PatternReleaseThread } from '../../apps/api/src/patterns/release-thread';

/**
 * The pattern release thread of the production build (dist/apps/api/release-thread.js): its weeks
 * are the ones computed in the process from the same plan, and the API's event loop runs while it
 * computes.
 */
const SCRIPT = path.join(REPO_ROOT, 'dist', 'apps', 'api', 'release-thread.js');
jest.setTimeout(120_000);

/** Every number and decision of the view against the week computed here, as maps. */
function expectSameWeek(view: WeekView<string>, plan: GroupPlan, values: Map<string, string>, columns: string[], withhold?: Map<string, Set<string>>) {
  const table = buildTable(plan, values, columns, withhold);
  const released = releaseTable(plan, table);
  const reason = (d: { reason: string | null } | undefined) => (d === undefined ? 'below_minimum' : d.reason);
  const want: unknown[] = [];
  const got: unknown[] = [];
  for (const key of table.totals.keys()) {
    want.push([key, table.totals.get(key), reason(released.totals.get(key)), columns.map((c) => [table.cells.get(c)?.get(key) ?? 0, reason(released.cells.get(c)?.get(key))])]);
    got.push([key, view.total(key), view.totalHidden(key), columns.map((c) => [view.cell(c, key), view.cellHidden(c, key)])]);
  }
  expect(got).toEqual(want);
  expect(view.keys()).toEqual([...table.totals.keys()]);
}

/** A week of `values` (person → value) asked of `thread` as the API asks it: codes under the plan, withheld cells as group indices. */
function ask(thread: PatternReleaseThread, dp: { plan: GroupPlan; contentKey: string }, values: Map<string, string>, columns: string[], withhold?: Map<string, Set<string>>, route?: number) {
  return thread.week(dp, weekCodes(dp.plan, values, columns), columns, withhold && withheldAt(dp.plan, withhold), route);
}

/** Twelve people in two departments of three teams (k = 2), with a value a or b each. */
function twelve() {
  const people = Array.from({ length: 12 }, (_, i) => `p${i}`);
  const plan = nestedPlan(
    people,
    people.map((_, i) => [i % 2, i % 3] as [number, number]),
    2,
  );
  return { plan, values: new Map(people.map((p, i) => [p, i % 2 ? 'a' : 'b'])) };
}

describe('pattern release thread (production build)', () => {
  const threaded = new PatternReleaseThread(SCRIPT, 2);
  const lanes = (t: PatternReleaseThread) => (t as unknown as { lanes: { worker: Worker | null }[] }).lanes;
  const inProcess = new PatternReleaseThread(null);
  afterAll(() => threaded.onModuleDestroy());

  it('decides every week as the process does, over random plans, values and withheld cells (plans replaced as they come)', async () => {
    const people = Array.from({ length: 36 }, (_, i) => `p${i}`);
    const columns = ['a', 'b', 'c'];
    let run = 0;
    let hidden = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(3), fc.nat(2)), { minLength: people.length, maxLength: people.length }),
        // 'z' is no column (in the totals, in no cell)
        fc.array(fc.constantFrom('a', 'b', 'c', 'z', null), { minLength: people.length, maxLength: people.length }),
        fc.array(fc.tuple(fc.constantFrom(...columns), fc.constantFrom('department:d0', 'team:d1t1', POPULATION)), { maxLength: 3 }),
        fc.integer({ min: 2, max: 4 }),
        async (places, vals, withholdAt, k) => {
          const plan = nestedPlan(people, places as [number, number][], k);
          const dp = { plan, contentKey: `plan-${run++ % 5}-${JSON.stringify(places)}-${k}` };
          const values = new Map(people.flatMap((p, i) => (vals[i] ? [[p, vals[i]!] as [string, string]] : [])));
          values.set('someone gone', 'a'); // not in today's directory: in no group
          const withhold = withholdAt.length ? new Map(columns.map((c) => [c, new Set(withholdAt.filter(([w]) => w === c).map(([, key]) => key))])) : undefined;
          const view = await ask(threaded, dp, values, columns, withhold, run);
          expectSameWeek(view, plan, values, columns, withhold);
          expectSameWeek(await ask(inProcess, dp, values, columns, withhold), plan, values, columns, withhold);
          hidden += view.keys().filter((key) => columns.some((c) => view.cellHidden(c, key) !== null)).length;
        },
      ),
      { numRuns: 150 },
    );
    expect(hidden).toBeGreaterThan(100); // not vacuous: cells are hidden
  });

  it('keeps the event loop running while a large week is decided', async () => {
    const people = Array.from({ length: 30_000 }, (_, i) => `p${i}`);
    const places = people.map((_, i) => [i % 40, (i >> 3) % 25] as [number, number]);
    const plan = nestedPlan(people, places, 5);
    const values = new Map(people.map((p, i) => [p, ['a', 'b', 'c', 'd', 'e', 'f'][(i * 7919) % 6]]));
    const dp = { plan, contentKey: 'large' };
    let ticks = 0;
    const timer = setInterval(() => ticks++, 2);
    const started = performance.now();
    const view = await ask(threaded, dp, values, ['a', 'b', 'c', 'd', 'e', 'f']);
    const ms = performance.now() - started;
    clearInterval(timer);
    expect(view.total(POPULATION)).toBe(30_000);
    // The in-process computation of the same week would let no timer run until it returned.
    expect(ticks).toBeGreaterThan(Math.min(10, ms / 20));
  });

  it('spreads weeks over its threads by route, each week answered as the process answers it', async () => {
    const people = Array.from({ length: 8_000 }, (_, i) => `p${i}`);
    const plan = nestedPlan(
      people,
      people.map((_, i) => [i % 10, (i >> 2) % 7] as [number, number]),
      5,
    );
    const dp = { plan, contentKey: 'spread' };
    const weeks = Array.from({ length: 6 }, (_, w) => new Map(people.map((p, i) => [p, ['a', 'b', 'c'][(i * 31 + w * 7) % 3]])));
    // asked all at once, as a view asks for its weeks
    const views = await Promise.all(weeks.map((values, w) => ask(threaded, dp, values, ['a', 'b', 'c'], undefined, w)));
    views.forEach((view, w) => expectSameWeek(view, plan, weeks[w], ['a', 'b', 'c']));
    expect(threaded.threads).toBe(2);
    const ids = lanes(threaded).map((l) => l.worker?.threadId);
    expect(ids.every((id) => typeof id === 'number')).toBe(true);
    expect(new Set(ids).size).toBe(2);
  });

  it('recovers when the thread is gone: a new one is started and the plan sent again', async () => {
    const { plan, values } = twelve();
    const dp = { plan, contentKey: 'recover' };
    expectSameWeek(await ask(threaded, dp, values, ['a', 'b']), plan, values, ['a', 'b']);
    // the thread dies (as it would on a crash); the client still believes it holds 'recover'
    await lanes(threaded)[0].worker!.terminate();
    expectSameWeek(await ask(threaded, dp, values, ['a', 'b']), plan, values, ['a', 'b']);
  });

  it('at shutdown fails the week in flight at once and starts no thread again (a background read would keep the process alive)', async () => {
    const thread = new PatternReleaseThread(SCRIPT);
    const { plan, values } = twelve();
    const dp = { plan, contentKey: 'shutdown' };
    const inFlight = ask(thread, dp, values, ['a', 'b']); // the thread is starting; the plan is on its way
    const settled = inFlight.then(() => 'answered', (err: Error) => err.message);
    await thread.onModuleDestroy();
    expect(await settled).toMatch(/shutting down/);
    await expect(ask(thread, dp, values, ['a', 'b'])).rejects.toThrow(/the API is shutting down/);
  });
});
