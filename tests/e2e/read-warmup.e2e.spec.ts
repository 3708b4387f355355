import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app-factory';
import { ReadWarmup } from '../../apps/api/src/common/read-warmup';
import { PatternComputeService } from '../../apps/worker/src/patterns/pattern-compute.service';
import { ScoreComputeService } from '../../apps/worker/src/scores/score-compute.service';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { Metrics } from '@hubpulse/metrics';
import { addDays } from '@hubpulse/contracts';
import { signIn, testConfig, waitFor } from '@hubpulse/testing';
import { insertPatternFixture } from '../integration/patterns.fixture';

/**
 * HUBPULSE_WARM_READS_MINUTES: the API reads what each dashboard page asks for first in the
 * background after start-up (ReadWarmup), so the first reader's request is answered from the read
 * cache (counted in hubpulse_read_cache_total).
 */
describe('default reads done in the background', () => {
  const config = testConfig({ HUBPULSE_MIN_GROUP_SIZE: '3', HUBPULSE_WARM_READS_MINUTES: '1' });
  let app: INestApplication;
  let cookie: string;
  let goalId: string;
  let linkId: string;
  let segmentId: string;
  let setUpAt: number;

  const outcomes = async (read: string) => {
    const values = (await app.get(Metrics).registry.getSingleMetric('hubpulse_read_cache_total')!.get()).values;
    const of = (outcome: string) => values.find((v) => v.labels.read === read && v.labels.outcome === outcome)?.value ?? 0;
    return { miss: of('miss'), hit: of('hit') };
  };
  const get = async (path: string) => (await request(app.getHttpServer()).get(path).set('Cookie', cookie).expect(200)).body as Record<string, unknown>;

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    const http = app.getHttpServer();
    cookie = await signIn(http, 'admin@test.local', 'correct horse battery');
    const goal = { name: 'Revenue', metric: 'revenue', scope: 'organisation', unit_kind: 'currency', unit: 'EUR', baseline: 100, target: 160, target_type: 'increase_to', period_start: '2026-01-01', period_end: '2026-12-31' };
    goalId = ((await request(http).post('/api/goals').set('Cookie', cookie).send(goal).expect(201)).body as { id: string }).id;
    linkId = ((await request(http).post(`/api/goals/${goalId}/links`).set('Cookie', cookie).send({ kind: 'scope', scope: 'organisation', hypothesis: 'Everyone reads more, sells more' }).expect(201)).body as { id: string }).id;
    await insertPatternFixture(app.get(ClickHouseService));
    // a segment large enough to show its channels (the starter segments are smaller than k here)
    const rule = { kind: 'attribute', field: 'location', op: 'in', values: ['oslo'] };
    segmentId = ((await request(http).post('/api/segments').set('Cookie', cookie).send({ name: 'Oslo', rule }).expect(201)).body as { segment: { id: string } }).segment.id;
    await waitFor(async () => (await get(`/api/segments/${segmentId}`)).membership_version !== null, 'the segment computed', 60_000);
    // scored, so the ranges are anchored on the newest scored day as the dashboard anchors them
    await app.get(ScoreComputeService).recompute({ kind: 'full' });
    await app.get(PatternComputeService).recompute({ from: '2026-02-23', to: '2026-03-03' });
    setUpAt = Date.now();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('registers every page’s first reads, the quick pages before the pattern views', () => {
    expect(app.get(ReadWarmup).names).toEqual([
      'the overview',
      'the engagement groups',
      'the score distribution',
      'the goal link analyses',
      "the segments' channel statistics",
      'the personas view',
      'the ambassadors view',
      'the purposes view',
      'the leaders view',
      'the purposes view by department',
      'the leaders view by department',
    ]);
  });

  it('computes them in the background (10 s after start-up, then every minute); the first reader of each page gets them from the cache', async () => {
    // A round that started after the data above was in place (the first one, unless setting up took more than 10 s).
    const warmup = app.get(ReadWarmup);
    await waitFor(() => Promise.resolve((warmup.lastRound?.startedAt ?? 0) >= setUpAt), 'a round of background reads after the set-up', 90_000, 250);
    // Each computed (the purposes and leaders twice: the organisation and the comparison by department).
    const misses: Record<string, number> = {
      overview: 1,
      'engagement.groups': 1,
      'engagement.distribution': 1,
      'goals.link-months': 1,
      'segments.activity.decisions': 1,
      'patterns.personas': 1,
      'patterns.ambassadors': 1,
      'patterns.purposes': 2,
      'patterns.leaders': 2,
    };
    for (const [read, n] of Object.entries(misses)) expect({ read, computed: (await outcomes(read)).miss >= n }).toEqual({ read, computed: true });

    // What the dashboard asks first: the overview's default range, the group trends of DEFAULT_GROUP_DAYS
    // (usePatterns: DEFAULT_PATTERN_WEEKS) to the newest scored day, a link's analysis, a segment's channels.
    const day = (await get('/api/engagement/distribution')).day as string;
    expect(day).toMatch(/^2026-03-0\d$/);
    const pages: [string, string, (body: Record<string, unknown>) => void][] = [
      ['overview', '/api/overview', (b) => expect(b.range).toHaveProperty('to')],
      ['engagement.groups', '/api/engagement/groups?by=department&days=30', (b) => expect(b).toMatchObject({ from: addDays(day, -29), to: day })],
      ['goals.link-months', `/api/goals/${goalId}/links/${linkId}/analysis`, (b) => expect(b.months).not.toHaveLength(0)],
      ['segments.activity.decisions', `/api/segments/${segmentId}/channels`, (b) => expect(b.channels).not.toHaveLength(0)],
      ['patterns.personas', '/api/engagement/personas?by=org&weeks=12', (b) => expect(b.range).toEqual({ from: addDays(day, 1 - 12 * 7), to: day })],
      ['patterns.ambassadors', '/api/engagement/ambassadors?by=org&weeks=12', (b) => expect(b.weeks).not.toHaveLength(0)],
      ['patterns.purposes', '/api/engagement/purposes?by=department&weeks=12', (b) => expect(b.indices).not.toHaveLength(0)],
    ];
    for (const [read, path, check] of pages) {
      const before = await outcomes(read);
      check(await get(path));
      expect({ read, ...(await outcomes(read)) }).toEqual({ read, miss: before.miss, hit: before.hit + 1 });
    }
  }, 150_000);

  it('answers a segment’s composition from the cache until the directory changes', async () => {
    const composition = async () => ((await get(`/api/segments/${segmentId}`)).composition as { by: { location: { total: number | null } } }).by.location.total;
    const before = await outcomes('segments.composition');
    expect(await composition()).toBe(5); // e1 e2 e3 L C, all in oslo
    expect(await composition()).toBe(5);
    const after = await outcomes('segments.composition');
    expect(after.hit).toBeGreaterThanOrEqual(before.hit + 1);
    // somebody joins in Rome: the people's data changed, so the next reader's composition is computed again
    const person = { person_id: 'r9', name: 'R Nine', department: 'sales', location: 'rome', hired_at: '2024-01-01' };
    await request(app.getHttpServer()).put('/v1/people').set('Authorization', `Bearer ${config.bootstrap.writeKey}`).send({ people: [person] }).expect(200);
    expect(await composition()).toBe(5);
    expect((await outcomes('segments.composition')).miss).toBe(after.miss + 1);

    // A round after that change: the overview and the distribution are kept of the older data (a
    // reader or refresh-ahead recomputes them); the link's months are keyed by the plan, which the
    // new person changed: computed for it.
    const [overview, distribution, months] = [await outcomes('overview'), await outcomes('engagement.distribution'), await outcomes('goals.link-months')];
    await app.get(ReadWarmup).warm();
    expect(await outcomes('overview')).toEqual(overview);
    expect(await outcomes('engagement.distribution')).toEqual(distribution);
    expect((await outcomes('goals.link-months')).miss).toBe(months.miss + 1);
  });
});
