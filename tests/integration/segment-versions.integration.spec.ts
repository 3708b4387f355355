import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { SegmentMembershipRepository, type SegmentDefinitionRecord, type SegmentRun } from '@hubpulse/audiences';
import { ClickHouseModule, ClickHouseService } from '@hubpulse/clickhouse';
import { ConfigModule } from '@hubpulse/config';
import { testConfig } from '@hubpulse/testing';
import { SegmentComputeService } from '../../apps/worker/src/segments/segment-compute.service';

const PEOPLE = 300_000;
const ALL = { kind: 'attribute', field: 'department', op: 'in', values: ['even', 'odd'] };
const HALF = { kind: 'attribute', field: 'department', op: 'in', values: ['even'] };

/**
 * Readers poll a segment's size while recomputes write memberships of 300,000 and 150,000 people:
 * every read is the whole old or the whole new membership, never a part or a mix.
 */
describe('segment membership versions under concurrent reads', () => {
  const config = testConfig();
  let ctx: INestApplicationContext;
  let ch: ClickHouseService;
  let store: SegmentMembershipRepository;
  /** What a reader saw at the moment between "new members fully written" and "switch recorded". */
  const atSwitch: { current: number | null; newRows: number; allRows: number; newSize: number }[] = [];

  /** The real store, looking around just before each switch. */
  class WatchedStore extends SegmentMembershipRepository {
    override async recordRun(run: Omit<SegmentRun, 'computed_at'>): Promise<void> {
      if (run.status === 'ok') {
        const [all] = await ch.rows<{ n: string }>(`SELECT count() AS n FROM ${ch.tables.segment_members} WHERE segment_id = {id:String}`, { id: run.segment_id });
        atSwitch.push({ current: await this.size(run.segment_id), newRows: await this.countVersion(run.segment_id, run.version), allRows: Number(all.n), newSize: run.size });
      }
      return super.recordRun(run);
    }
  }

  const defs = new Map<string, SegmentDefinitionRecord>();
  const define = (rule: unknown) => defs.set('big', { id: 'big', kind: 'dynamic', rule, definition_version: (defs.get('big')?.definition_version ?? 0) + 1 });
  let compute: SegmentComputeService;

  beforeAll(async () => {
    const mod = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), ClickHouseModule] }).compile();
    ctx = await mod.init();
    ch = ctx.get(ClickHouseService);
    store = new WatchedStore(ch);
    compute = new SegmentComputeService(ch, store, { get: async (id) => defs.get(id) ?? null, listDynamic: async () => [...defs.values()] });
    await ch.client.command({
      query: `INSERT INTO ${ch.tables.people} (person_id, name, department, version)
              SELECT concat('p', toString(number)), 'n', if(number % 2 = 0, 'even', 'odd'), 1 FROM numbers({n:UInt64})`,
      query_params: { n: PEOPLE },
    });
  }, 60_000);

  afterAll(async () => {
    await ch?.client.command({ query: `DROP DATABASE IF EXISTS ${ch.database}` });
    await ctx?.close();
  });

  it('readers only ever see the whole old or the whole new membership', async () => {
    define(ALL);
    await expect(compute.compute('big', { asOf: '2026-03-10' })).resolves.toMatchObject({ status: 'ok', size: PEOPLE });
    atSwitch.length = 0;

    const seen: number[] = [];
    let writing = true;
    const reader = async () => {
      while (writing) seen.push((await store.size('big')) ?? -1);
    };
    const writer = async () => {
      try {
        for (const rule of [HALF, ALL, HALF, ALL]) {
          define(rule);
          await compute.compute('big', { asOf: '2026-03-10' });
        }
      } finally {
        writing = false;
      }
    };
    await Promise.all([writer(), reader(), reader(), reader()]);

    const sizes = [...new Set(seen)].sort((a, b) => a - b);
    expect(sizes).toEqual([PEOPLE / 2, PEOPLE]);
    // the readers did overlap the writes: between the members insert and the switch, the new rows
    // were all there (a naive reader counting rows would have seen old + new), yet readers saw the old size
    expect(atSwitch).toHaveLength(4);
    for (const s of atSwitch) {
      expect(s.newRows).toBe(s.newSize);
      expect(s.current).toBe(s.newSize === PEOPLE ? PEOPLE / 2 : PEOPLE);
      expect(s.allRows).toBeGreaterThanOrEqual(s.newRows + (s.current ?? 0));
    }
    const runs = await store.runs('big');
    expect(runs.map((r) => [r.size, r.entered, r.left])).toEqual([
      [PEOPLE, PEOPLE / 2, 0],
      [PEOPLE / 2, 0, PEOPLE / 2],
      [PEOPLE, PEOPLE / 2, 0],
      [PEOPLE / 2, 0, PEOPLE / 2],
      [PEOPLE, PEOPLE, 0],
    ]);
  });
});
