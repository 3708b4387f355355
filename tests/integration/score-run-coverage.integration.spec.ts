import { Queue } from 'bullmq';
import { JobName, QueueName, SCORES_DEBOUNCE_ID } from '@hubpulse/queue';
import { uniqueName } from '@hubpulse/testing';
import { ScoreRunCoverage } from '../../apps/worker/src/scores/run-coverage';

/**
 * ScoreRunCoverage on real Redis and BullMQ: the order it relies on is BullMQ's own job ids,
 * including for the debounced ingest job that each nudge replaces (ScoreNudgeService's options).
 */
describe('score run coverage (Redis, BullMQ)', () => {
  const prefix = `hptest:${uniqueName('coverage')}`;
  let queue: Queue;
  let coverage: ScoreRunCoverage;

  beforeAll(() => {
    queue = new Queue(QueueName.Scores, { connection: { host: '127.0.0.1', port: 6379 }, prefix });
    coverage = new ScoreRunCoverage(queue, `${prefix}:scores:covered_id`);
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    const client = await queue.client;
    await client.del(`${prefix}:scores:covered_id`);
    await queue.close();
  });

  const add = (data: Record<string, unknown>, opts: Record<string, unknown> = {}) => queue.add(JobName.ScoresRecompute, { reason: 'ingest', ...data }, opts);
  const nudge = () =>
    add({}, { delay: 60_000, deduplication: { id: SCORES_DEBOUNCE_ID, ttl: 60_000, extend: true, replace: true } });

  it('covers nothing before any run finished', async () => {
    expect(await coverage.covers(await add({}))).toBe(false);
  });

  it('covers automatic jobs queued before a finished run started, and none queued after', async () => {
    const before = await add({});
    const start = await coverage.start();
    const during = await add({});
    expect(await coverage.covers(before)).toBe(false); // the run has not finished yet
    await coverage.finished(start);
    expect(await coverage.covers(before)).toBe(true);
    expect(await coverage.covers(during)).toBe(false);
  });

  it('never covers a full, ranged or scheduled job', async () => {
    const full = await add({ kind: 'full', reason: 'model' });
    const ranged = await add({ reason: 'import', from: '2026-01-01' });
    await coverage.finished(await coverage.start());
    expect(await coverage.covers(full)).toBe(false);
    expect(await coverage.covers(ranged)).toBe(false);
    expect(await coverage.covers({ id: 'repeat:scores.recompute:schedule:1', data: { reason: 'schedule' } })).toBe(false);
  });

  it('a debounced job replaced by a nudge after the run started is not covered (the replacement has a new id)', async () => {
    const first = await nudge();
    const start = await coverage.start();
    const replaced = await nudge();
    expect(replaced.id).not.toBe(first.id);
    expect(await queue.getJob(first.id!)).toBeUndefined();
    await coverage.finished(start);
    expect(await coverage.covers(replaced)).toBe(false);
  });

  it('an older run finishing late never lowers what is covered', async () => {
    const old = await coverage.start();
    const job = await add({});
    const newer = await coverage.start();
    await coverage.finished(newer);
    await coverage.finished(old);
    expect(await coverage.covers(job)).toBe(true);
  });
});
