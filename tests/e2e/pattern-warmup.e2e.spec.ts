import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app-factory';
import { PatternComputeService } from '../../apps/worker/src/patterns/pattern-compute.service';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { Metrics } from '@hubpulse/metrics';
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
    await app.get(PatternComputeService).recompute({ from: '2026-02-23', to: '2026-03-03' });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('computes the default views about 10 s after start-up, before anybody asks; the first reader gets them from the cache', async () => {
    const views = ['patterns.personas', 'patterns.ambassadors', 'patterns.purposes', 'patterns.leaders'];
    expect(await outcomes('patterns.personas')).toEqual({ miss: 0, hit: 0 });
    await waitFor(async () => (await Promise.all(views.map(outcomes))).every((o) => o.miss === 1), 'the background reads', 60_000, 250);
    const cookie = await signIn(app.getHttpServer(), 'admin@test.local', 'correct horse battery');
    for (const [view, path] of [
      ['patterns.personas', '/api/engagement/personas'],
      ['patterns.ambassadors', '/api/engagement/ambassadors'],
    ]) {
      const res = await request(app.getHttpServer()).get(path).set('Cookie', cookie).expect(200);
      expect((res.body as { weeks: unknown[] }).weeks.length).toBeGreaterThan(0);
      expect(await outcomes(view)).toEqual({ miss: 1, hit: 1 });
    }
  });
});
