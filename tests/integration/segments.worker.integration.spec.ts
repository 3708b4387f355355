import { getQueueToken } from '@nestjs/bullmq';
import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { SegmentMembershipRepository, type SegmentRun } from '@hubpulse/audiences';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { SegmentDefinitionsRepository } from '@hubpulse/database';
import { JobName, QueueName, SEGMENT_JOB_OPTS, segmentRecomputeJobId, type JobPayloads } from '@hubpulse/queue';
import { testConfig, waitFor } from '@hubpulse/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { PEOPLE } from './segments.fixture';

/**
 * The standalone worker process (WorkerModule: chDB, SQLite, Redis) runs segment jobs: definitions
 * read from the relational store, a recompute cascades to the segments referring to it, the
 * refresh recomputes every dynamic segment, and a rule error fails its job at once, recorded.
 */
describe('segments queue on the worker process', () => {
  const config = testConfig({ HUBPULSE_SCORE_EVERY_MINUTES: '100000' });
  let ctx: INestApplicationContext;
  let queue: Queue;
  let store: SegmentMembershipRepository;
  let defs: SegmentDefinitionsRepository;

  beforeAll(async () => {
    const mod = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] }).compile();
    ctx = await mod.init();
    queue = ctx.get<Queue>(getQueueToken(QueueName.Segments));
    store = ctx.get(SegmentMembershipRepository);
    defs = ctx.get(SegmentDefinitionsRepository);
    const ch = ctx.get(ClickHouseService);
    await ch.client.insert({ table: ch.tables.people, values: PEOPLE.map((p) => ({ ...p, version: 1 })), format: 'JSONEachRow' });
  }, 60_000);

  afterAll(async () => {
    await queue?.obliterate({ force: true });
    const ch = ctx?.get(ClickHouseService);
    await ch?.client.command({ query: `DROP DATABASE IF EXISTS ${ch.database}` });
    await ctx?.close();
  });

  const enqueue = (segmentId: string, reason: JobPayloads[JobName.SegmentsRecompute]['reason'] = 'definition') =>
    queue.add(JobName.SegmentsRecompute, { segmentId, reason }, { ...SEGMENT_JOB_OPTS, jobId: segmentRecomputeJobId(segmentId) });
  /**
   * The newest run of a segment that satisfies `done`, once there is one. (The scheduled refresh
   * also runs when the worker starts, so a segment may have runs with reason 'schedule' too.)
   */
  const run = (id: string, done: (r: SegmentRun) => boolean): Promise<SegmentRun> =>
    waitFor(async () => (await store.runs(id)).find(done) ?? null, `a run of ${id}`, 30_000, 100);

  it('recomputes a segment from its stored definition, then the segments referring to it', async () => {
    const eng = await defs.create({ name: 'Eng', description: null, kind: 'dynamic', rule: { kind: 'attribute', field: 'department', op: 'in', values: ['eng'] } }, 'test');
    await enqueue(eng.id);
    await expect(run(eng.id, (r) => r.reason === 'definition')).resolves.toMatchObject({ status: 'ok', size: 4, definition_version: 1 });

    const leads = await defs.create(
      { name: 'Eng managers', description: null, kind: 'dynamic', rule: { kind: 'and', children: [{ kind: 'segment', segment_id: eng.id }, { kind: 'is_manager', value: true }] } },
      'test',
    );
    await enqueue(leads.id);
    await expect(run(leads.id, (r) => r.reason === 'definition')).resolves.toMatchObject({ status: 'ok', size: 2 }); // m1, e2

    await defs.update(eng.id, { rule: { kind: 'attribute', field: 'department', op: 'in', values: ['eng', 'exec'] } }, 'test', null);
    await enqueue(eng.id);
    await expect(run(eng.id, (r) => r.definition_version === 2 && r.reason === 'definition')).resolves.toMatchObject({ status: 'ok', size: 5, entered: 1, left: 0 });
    // the segment referring to it followed (ceo manages people too)
    await expect(run(leads.id, (r) => r.reason === 'reference')).resolves.toMatchObject({ status: 'ok', size: 3, entered: 1 });
  });

  it('refreshes every dynamic segment; a static one keeps its frozen membership', async () => {
    const frozen = await defs.create({ name: 'Leaders then', description: null, kind: 'static', rule: { kind: 'leader', value: true } }, 'test');
    await enqueue(frozen.id, 'freeze');
    const first = await run(frozen.id, (r) => r.reason === 'freeze');
    expect(first.status).toBe('ok');
    await queue.add(JobName.SegmentsRefresh, { reason: 'manual' }, SEGMENT_JOB_OPTS);
    const live = await defs.listDynamic();
    expect(live).toHaveLength(2);
    for (const d of live) await run(d.id, (r) => r.reason === 'manual' && r.status === 'ok');
    expect((await store.runs(frozen.id)).map((r) => r.version)).toEqual([first.version]);
  });

  it('fails a job with a bad rule at once, recorded as a failed run', async () => {
    const broken = await defs.create({ name: 'Broken', description: null, kind: 'dynamic', rule: { kind: 'segment', segment_id: 'gone' } }, 'test');
    await enqueue(broken.id);
    const failed = await run(broken.id, (r) => r.reason === 'definition');
    expect(failed).toMatchObject({ status: 'failed', error: 'rule.segment_id: segment gone does not exist' });
    // no retries for a rule error: one failed run, and the job is gone (its id free for the next edit)
    await new Promise((r) => setTimeout(r, 500));
    expect((await store.runs(broken.id)).filter((r) => r.reason === 'definition')).toHaveLength(1);
    expect(await queue.getJob(segmentRecomputeJobId(broken.id))).toBeUndefined();
  });
});
