import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app-factory';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import type { GroupScoresDto, ScoreDistributionDto, ScoreExplanationDto, ScoreJobDto, ScoringModelDto } from '@hubpulse/contracts';
import { hubEvent, signIn, testConfig, waitFor } from '@hubpulse/testing';
import type { SegmentListDto } from '@hubpulse/contracts';

/**
 * The Engagement API on real engines with inline workers: model versions (admin only, validated),
 * score jobs with progress, distribution, group aggregates with suppression, and "why this score".
 */
describe('Engagement API (chDB + SQLite + Redis, inline workers)', () => {
  const config = testConfig();
  const key = config.bootstrap.writeKey!;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let admin: string;
  let analyst: string;

  const login = (email: string, password: string) => signIn(http, email, password);
  const jobs = async () => (await request(http).get('/api/engagement/jobs').set('Cookie', analyst).expect(200)).body as ScoreJobDto[];
  const waitForJob = (id: string) =>
    waitFor(async () => (await jobs()).find((j) => j.id === id && (j.state === "completed" || j.state === "failed")) ?? false, `score job ${id}`, 60_000) as Promise<ScoreJobDto>;

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    http = app.getHttpServer();
    await app.get(AuthService).createUser({ email: 'analyst@test.local', password: 'analyst password 1', name: 'Ana Lyst', role: 'analyst' });
    admin = await login('admin@test.local', 'correct horse battery');
    analyst = await login('analyst@test.local', 'analyst password 1');

    // p1 leads everyone; 9 in Sales, 3 in Legal.
    const people = Array.from({ length: 12 }, (_, i) => ({
      person_id: `p${i + 1}`,
      name: `Person ${i + 1}`,
      department: i < 9 ? 'Sales' : 'Legal',
      location: 'Berlin',
      manager_id: i === 0 ? null : i < 3 ? 'p1' : 'p2',
      hired_at: '2020-01-15',
      is_leader: i === 0,
    }));
    await request(http).put('/v1/people').set('Authorization', `Bearer ${key}`).send({ people }).expect(200);
    // p(i) posts i times on 2026-03-03 and views once on 2026-03-01: distinct raw scores
    const events = people.flatMap((p, i) => [
      hubEvent({ event_id: `v-${i}`, type: 'view', actor_id: p.person_id, occurred_at: '2026-03-01T09:00:00Z' }),
      ...Array.from({ length: i }, (_, k) => hubEvent({ event_id: `p-${i}-${k}`, type: 'post', actor_id: p.person_id, occurred_at: '2026-03-03T09:00:00Z' })),
    ]);
    await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events }).expect(200);
    const { job_id } = (await request(http).post('/api/engagement/jobs').set('Cookie', admin).send({ kind: 'full' }).expect(201)).body;
    expect((await waitForJob(job_id)).state).toBe('completed');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('refreshes the dynamic segments when a score job is done (starters ran at start-up, then again)', async () => {
    const list = async () => (await request(http).get('/api/segments').set('Cookie', analyst).expect(200)).body as SegmentListDto;
    const starters = await waitFor(
      async () => {
        const s = (await list()).segments.filter((x) => x.starter);
        return s.length === 6 && s.every((x) => x.runs.length >= 2) ? s : false;
      },
      'starter segments refreshed after the score job',
      60_000,
    );
    expect((starters as SegmentListDto['segments']).every((x) => x.status === 'ok')).toBe(true);
  });

  it('lists model versions; only admins create one, and bad input names the field', async () => {
    const models = (await request(http).get('/api/engagement/models').set('Cookie', analyst).expect(200)).body as ScoringModelDto[];
    expect(models[0]).toMatchObject({ version: 1, lookback_days: 90, created_by: 'default' });
    expect(models[0].half_lives.post).toBe(14);
    const body = { weights: models[0].weights, half_lives: models[0].half_lives, daily_caps: { post: 2 }, lookback_days: 30, note: 'cap posts' };
    await request(http).post('/api/engagement/models').set('Cookie', analyst).send(body).expect(403);
    const bad = await request(http)
      .post('/api/engagement/models')
      .set('Cookie', admin)
      .send({ ...body, half_lives: { ...body.half_lives, view: 0 }, lookback_days: 'ninety' })
      .expect(400);
    expect(bad.body.message).toEqual(['half_lives.view: must be between 1 and 365', 'lookback_days: required, a whole number of days']);

    const created = (await request(http).post('/api/engagement/models').set('Cookie', admin).send(body).expect(201)).body;
    expect(created.model).toMatchObject({ version: 2, daily_caps: { post: 2 }, lookback_days: 30, note: 'cap posts', created_by: 'admin@test.local' });
    const job = await waitForJob(created.job_id);
    expect(job).toMatchObject({ state: 'completed', kind: 'full', reason: 'model', progress: 100 });
    expect(job.result).toMatchObject({ mode: 'full', model_version: 2, to: '2026-03-03' });
  });

  it('explains a score: points per type and day add up to the raw score (admins only)', async () => {
    await request(http).get('/api/engagement/people/p12/why?day=2026-03-03').set('Cookie', analyst).expect(403);
    const why = (await request(http).get('/api/engagement/people/p12/why?day=2026-03-03').set('Cookie', admin).expect(200)).body as ScoreExplanationDto;
    // model v2: 11 posts capped at 2 a day → 2 · 8 = 16; one view 2 days ago: 1 · 2^(-2/14)
    expect(why).toMatchObject({ person_id: 'p12', name: 'Person 12', model_version: 2, population: 12, cohort: 'Legal · 3–10 years', cohort_population: 3 });
    const post = why.by_type.find((t) => t.type === 'post')!;
    expect(post).toMatchObject({ actions: 11, counted: 2, daily_cap: 2, points: 16 });
    expect(why.raw).toBeCloseTo(16 + Math.pow(2, -2 / 14), 3);
    expect(why.by_type.reduce((s, t) => s + t.points, 0)).toBeCloseTo(why.raw, 3);
    // p12 ties with p3..p11 (all capped at 2 posts); below them only p1 (no post) and p2 (one post): 2 of 11 → 18.18
    expect(why.score).toBeCloseTo((100 * 2) / 11, 1);
    expect(why.summary).toMatch(/^Person 12 scores 18 on 2026-03-03/);
    const nobody = await request(http).get('/api/engagement/people/ghost/why').set('Cookie', admin).expect(404);
    expect(nobody.body.message).toMatch(/^personId: nobody called ghost/);
  });

  it('aggregates by group, hiding groups the disclosure plan hides', async () => {
    const dept = (await request(http).get('/api/engagement/groups?by=department&from=2026-03-01&to=2026-03-03').set('Cookie', analyst).expect(200)).body as GroupScoresDto;
    const sales = dept.groups.find((g) => g.key === 'Sales')!;
    const legal = dept.groups.find((g) => g.key === 'Legal')!;
    // Issue 11: Sales (9) beside the organisation (12) would leave Legal's 3, and beside p1's tree (11) 2.
    expect(sales).toMatchObject({ people: null, hidden_reason: 'difference', active_share: null, suppressed: true });
    expect(sales.trend.map((t) => t.day)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(legal).toMatchObject({ people: null, hidden_reason: 'below_minimum', mean_score: null, active_share: null, mix: null, suppressed: true });
    expect(legal.trend.every((t) => t.mean_score === null && t.hidden_reason === 'below_minimum')).toBe(true);
    const mgr = (await request(http).get('/api/engagement/groups?by=manager').set('Cookie', analyst).expect(200)).body as GroupScoresDto;
    // everyone but p1 is under p1 (the CEO's tree: 11 of 12); p4..p12 are under p2 (9: 3 left over): both hidden
    expect(mgr.groups.map((g) => [g.key, g.people])).toEqual([['p1', null], ['p2', null]]);
    expect(mgr.groups[0].label).toBe('Person 1');
    const bad = await request(http).get('/api/engagement/groups?by=planet').set('Cookie', analyst).expect(400);
    expect(bad.body.message[0]).toMatch(/^by: must be one of department, location, team, manager, tenure/);
  });

  it('resolves `days` to the days ending on the newest scored day, as the dashboard asks', async () => {
    const get = async (q: string) => (await request(http).get(`/api/engagement/groups?by=department&${q}`).set('Cookie', analyst).expect(200)).body as GroupScoresDto;
    const newest = ((await request(http).get('/api/engagement/distribution').set('Cookie', analyst).expect(200)).body as { day: string }).day;
    expect(newest).toBe('2026-03-03');
    const byDays = await get('days=3');
    expect([byDays.from, byDays.to]).toEqual(['2026-03-01', '2026-03-03']);
    expect(byDays).toEqual(await get('from=2026-03-01&to=2026-03-03'));
    expect([(await get('days=2&to=2026-03-02')).from, (await get('days=30')).from]).toEqual(['2026-03-01', '2026-02-02']);
    const both = await request(http).get('/api/engagement/groups?days=3&from=2026-03-01').set('Cookie', analyst).expect(400);
    expect(both.body.message).toEqual(['days: give days or from, not both']);
    for (const days of ['0', '367', '1.5', 'x']) {
      const bad = await request(http).get(`/api/engagement/groups?days=${days}`).set('Cookie', analyst).expect(400);
      expect(bad.body.message[0]).toMatch(/^days: must be/);
    }
  });

  it('shows the distribution of raw scores with quantiles over the whole population', async () => {
    const d = (await request(http).get('/api/engagement/distribution?day=2026-03-03').set('Cookie', analyst).expect(200)).body as ScoreDistributionDto;
    expect(d).toMatchObject({ day: '2026-03-03', model_version: 2, population: 12, active: 12 });
    expect(d.bins.reduce((s, b) => s + (b.people ?? 0), 0)).toBeLessThanOrEqual(12);
    expect(d.suppressed).toBe(true); // some bins hold fewer than 5 people
    // 12 people: only the median has 5 people on each side of it
    expect(d.quantiles).toMatchObject({ p25: null, p75: null, p90: null, p99: null });
    expect(d.quantiles_hidden).toMatchObject({ p25: 'numerator', p50: null, p99: 'numerator' });
    expect(d.quantiles!.p50).toBeGreaterThan(0);
  });
});
