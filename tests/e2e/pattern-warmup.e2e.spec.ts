import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app-factory';
import { PatternComputeService } from '../../apps/worker/src/patterns/pattern-compute.service';
import { ScoreComputeService } from '../../apps/worker/src/scores/score-compute.service';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { Metrics } from '@hubpulse/metrics';
import { addDays } from '@hubpulse/contracts';
import { signIn, testConfig, waitFor } from '@hubpulse/testing';
import { insertPatternFixture } from '../integration/patterns.fixture';

/**
 * HUBPULSE_WARM_PATTERNS_MINUTES: the API reads the default pattern views in the background after
 * start-up, so the first reader's request is answered from the read cache (counted in
 * hubpulse_read_cache_total).
 */
describe('pattern views read in the background', () => {
  const config = testConfig({ HUBPULSE_MIN_GROUP_SIZE: '3', HUBPULSE_WARM_PATTERNS_MINUTES: '1' });
  let app: INestApplication;

  const outcomes = async (read: string) => {
    const values = (await app.get(Metrics).registry.getSingleMetric('hubpulse_read_cache_total')!.get()).values;
    const of = (outcome: string) => values.find((v) => v.labels.read === read && v.labels.outcome === outcome)?.value ?? 0;
    return { miss: of('miss'), hit: of('hit') };
  };

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    await insertPatternFixture(app.get(ClickHouseService));
    // scored, so the range is anchored on the newest scored day as the dashboard anchors it
    await app.get(ScoreComputeService).recompute({ kind: 'full' });
    await app.get(PatternComputeService).recompute({ from: '2026-02-23', to: '2026-03-03' });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('computes the default views about 10 s after start-up, before anybody asks; the first reader gets them from the cache', async () => {
    // the organisation for the four views, and the comparison by department for the two pages that show one
    const misses = { 'patterns.personas': 1, 'patterns.ambassadors': 1, 'patterns.purposes': 2, 'patterns.leaders': 2 };
    expect(await outcomes('patterns.personas')).toEqual({ miss: 0, hit: 0 });
    await waitFor(async () => (await Promise.all(Object.entries(misses).map(async ([read, n]) => (await outcomes(read)).miss === n))).every(Boolean), 'the background reads', 60_000, 250);
    const cookie = await signIn(app.getHttpServer(), 'admin@test.local', 'correct horse battery');
    const get = async (path: string) => (await request(app.getHttpServer()).get(path).set('Cookie', cookie).expect(200)).body as Record<string, unknown>;
    // What the dashboard asks (usePattern, DEFAULT_PATTERN_WEEKS): 12 weeks to the newest scored day.
    const day = (await get('/api/engagement/distribution')).day as string;
    expect(day).toMatch(/^2026-03-0\d$/);
    const range = 'weeks=12';
    for (const [view, path] of [
      ['patterns.personas', `/api/engagement/personas?by=org&${range}`],
      ['patterns.ambassadors', `/api/engagement/ambassadors?by=org&${range}`],
      ['patterns.purposes', `/api/engagement/purposes?by=department&${range}`],
    ] as const) {
      const before = await outcomes(view);
      const body = await get(path);
      expect(body.range).toEqual({ from: addDays(day, 1 - 12 * 7), to: day });
      expect(body.weeks ?? body.indices).not.toHaveLength(0);
      expect(await outcomes(view)).toEqual({ miss: before.miss, hit: before.hit + 1 });
    }
  });
});
