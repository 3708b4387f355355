import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import {
  CORRELATION_CAVEAT,
  GOAL_STATUS_RULE,
  hiddenReasonText,
  type GoalDetailDto,
  type GoalLinkDto,
  type GoalListDto,
  type KpiBulkResultDto,
  type KpiHistoryDto,
  type KpiImportResultDto,
  type LinkAnalysisDto,
  type ProgrammeDto,
  type SegmentDetailDto,
  type SegmentSavedDto,
  type StrategyOverviewDto,
} from '@hubpulse/contracts';
import { differenceInDifferences, pearson, spearman } from '@hubpulse/analytics';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { DATA_SOURCE, ProgrammeEntity } from '@hubpulse/database';
import { signIn, testConfig, waitFor } from '@hubpulse/testing';
import { createApiApp } from '../../apps/api/src/app-factory';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { PatternComputeService } from '../../apps/worker/src/patterns/pattern-compute.service';

/**
 * Goals, KPI values and the engagement–KPI link end to end on real engines (chDB, SQLite, Redis,
 * inline workers), over real HTTP. Scores are not computed by the worker here (long debounce and
 * schedule): the test writes engagement_scores / score_days / events straight into ClickHouse from a
 * score function it knows, so every expected number is worked out here independently of the API's SQL.
 *
 * Organisation of 60: Sales p1–p30 (Berlin p1–p15, Paris p16–p30), Operations p31–p60 (Lisbon).
 * Scores exist on the 1st and 15th of each month January–August 2026 (Operations a constant 20); Operations p31–p40 read inform content monthly.
 */
describe('Goals and the Strategy API (chDB + SQLite + Redis, inline workers)', () => {
  const config = testConfig({ HUBPULSE_SCORE_DEBOUNCE_MS: '3600000', HUBPULSE_SCORE_EVERY_MINUTES: '100000' });
  const key = config.bootstrap.writeKey!;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let ch: ClickHouseService;
  let admin: string;
  let leader: string;
  let analyst: string;

  const login = (email: string, password: string) => signIn(http, email, password);

  const goalBody = {
    name: 'Grow Sales revenue',
    metric: 'revenue',
    scope: 'department',
    scope_value: 'Sales',
    unit_kind: 'currency',
    unit: 'EUR',
    baseline: 100,
    target: 160,
    target_type: 'increase_to',
    period_start: '2026-01-01',
    period_end: '2026-12-31',
    monthly_targets: [{ period: '2026-06', target: 128 }],
    owner: 'Chief Revenue Officer',
  };

  const months = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01'];
  const kpi = [100, 104, 103, 109, 112, 111, 118, 121];
  const salesBerlin = (i: number) => i <= 15;
  /** Person i's score in month m (0 = January): a trend, a person effect, a wobble; Sales Berlin gains 8 from May (the launch), Paris 2. */
  const score = (i: number, m: number) => 10 + 5 * m + (i % 3) + ((i * m) % 4) + (m >= 4 ? (salesBerlin(i) ? 8 : 2) : 0);
  const sales = Array.from({ length: 30 }, (_, k) => k + 1);
  const operations = Array.from({ length: 30 }, (_, k) => k + 31);

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    http = app.getHttpServer();
    ch = app.get(ClickHouseService);
    const auth = app.get(AuthService);
    await auth.createUser({ email: 'leader@test.local', password: 'leader password 1', name: 'Lee Der', role: 'leader' });
    await auth.createUser({ email: 'analyst@test.local', password: 'analyst password 1', name: 'Ana Lyst', role: 'analyst' });
    admin = await login('admin@test.local', 'correct horse battery');
    leader = await login('leader@test.local', 'leader password 1');
    analyst = await login('analyst@test.local', 'analyst password 1');

    const people = Array.from({ length: 60 }, (_, k) => {
      const i = k + 1;
      return {
        person_id: `p${i}`, name: `Person ${i}`, department: i <= 30 ? 'Sales' : 'Operations', location: i <= 15 ? 'Berlin' : i <= 30 ? 'Paris' : 'Lisbon', hired_at: '2020-01-15',
      };
    });
    await request(http).put('/v1/people').set('Authorization', `Bearer ${key}`).send({ people }).expect(200);

    const days = months.flatMap((m) => [m, m.replace(/-01$/, '-15')]);
    const stamp = '2026-09-01 00:00:00.000';
    await ch.client.insert({
      table: ch.tables.score_days,
      values: days.map((day) => ({ day, model_version: 1, population: 60, active: 30, mode: 'full', watermark: stamp, computed_at: stamp })),
      format: 'JSONEachRow',
    });
    await ch.client.insert({
      table: ch.tables.engagement_scores,
      values: days.flatMap((day) => [
        ...sales.map((i) => ({ day, person_id: `p${i}`, raw: 1, score: score(i, months.indexOf(`${day.slice(0, 7)}-01`)), actions: 1, model_version: 1, computed_at: stamp })),
        // Operations scores too: were nobody outside Sales to score, Sales' mean beside the organisation's would say so of each of them (hidden)
        ...operations.map((i) => ({ day, person_id: `p${i}`, raw: 1, score: 20, actions: 1, model_version: 1, computed_at: stamp })),
      ]),
      format: 'JSONEachRow',
    });
    // Inform views: in month m, Sales people p1..p(5+m) read an inform item; the newest event closes August.
    const events = months.flatMap((m, mi) =>
      Array.from({ length: 5 + mi }, (_, k) => ({
        event_id: `v-${mi}-${k}`, type: 'view', actor_id: `p${k + 1}`, occurred_at: `${m.slice(0, 8)}10 10:00:00.000`, content_id: 'c1', channel: 'blog', purpose: 'inform',
      })),
    );
    // Operations p31–p40 read inform content every month too (else "nobody outside Sales read it" would follow from Sales' reach and the organisation's)
    events.push(...months.flatMap((m, mi) => Array.from({ length: 10 }, (_, k) => ({ event_id: `o-${mi}-${k}`, type: 'view', actor_id: `p${k + 31}`, occurred_at: `${m.slice(0, 8)}11 10:00:00.000`, content_id: 'c1', channel: 'blog', purpose: 'inform' }))));
    events.push({ event_id: 'last', type: 'view', actor_id: 'p31', occurred_at: '2026-08-31 18:00:00.000', content_id: 'c2', channel: 'blog', purpose: 'strategy' });
    await ch.client.insert({ table: ch.tables.events, values: events, format: 'JSONEachRow' });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  let goalId: string;

  describe('goals', () => {
    it('lets leaders and admins create goals, and names every bad field', async () => {
      const res = await request(http).post('/api/goals').set('Cookie', leader).send(goalBody).expect(201);
      const goal = res.body as GoalDetailDto;
      goalId = goal.id;
      expect(goal).toMatchObject({
        name: 'Grow Sales revenue', metric_label: 'Revenue', scope_label: 'Department: Sales', unit_kind: 'currency', unit: 'EUR',
        target_type_label: 'Increase to', monthly_targets: [{ period: '2026-06-01', target: 128 }], created_by: 'leader@test.local',
        values: [], forecast: null, forecast_reason: 'too few points: n=0, need ≥ 3', links: [], programmes: [], history_count: 0,
      });
      expect(goal.status).toMatchObject({ status: null, reason: 'No KPI value in the period yet.', rule: GOAL_STATUS_RULE });
      expect(goal.series).toHaveLength(12);

      const bad = await request(http)
        .post('/api/goals')
        .set('Cookie', admin)
        .send({ ...goalBody, metric: 'custom', unit: 'euro', target: 90, period_end: '2026-12-30', monthly_targets: [{ period: '2027-01', target: 1 }] })
        .expect(400);
      expect(bad.body.message).toEqual([
        'custom_metric_name: required when metric is custom',
        'unit: must be a 3-letter ISO 4217 currency code such as USD or EUR',
        'period_end: must be the last day of a month',
        'target: must be above baseline for target_type increase_to',
        'monthly_targets.0.period: must be a month of the period 2026-01-01..2026-12-30',
      ]);
      const worse = await request(http).post('/api/goals').set('Cookie', admin).send({ name: '', metric: 'sales', baseline: 'x' }).expect(400);
      expect(worse.body.message).toEqual(expect.arrayContaining(['name: must not be empty', expect.stringMatching(/^metric: must be one of revenue/), 'baseline: must be a number']));
    });

    it('lets every signed-in role read and only admins and leaders write', async () => {
      await request(http).post('/api/goals').set('Cookie', analyst).send(goalBody).expect(403);
      await request(http).put(`/api/goals/${goalId}/values/2026-01`).set('Cookie', analyst).send({ value: 1 }).expect(403);
      await request(http).get('/api/goals').expect(401);
      const list = (await request(http).get('/api/goals').set('Cookie', analyst).expect(200)).body as GoalListDto;
      expect(list.status_rule).toBe(GOAL_STATUS_RULE);
      expect(list.goals.map((g) => g.id)).toContain(goalId);
      await request(http).get('/api/goals/nope').set('Cookie', analyst).expect(404);
    });

    it('updates a goal checked as a whole, and deletes one', async () => {
      const res = await request(http).put(`/api/goals/${goalId}`).set('Cookie', admin).send({ owner: 'Ada', baseline: 170 }).expect(400);
      expect(res.body.message).toEqual(['target: must be above baseline for target_type increase_to']);
      const ok = (await request(http).put(`/api/goals/${goalId}`).set('Cookie', admin).send({ owner: 'Ada' }).expect(200)).body as GoalDetailDto;
      expect(ok).toMatchObject({ owner: 'Ada', baseline: 100, monthly_targets: [{ period: '2026-06-01', target: 128 }] });

      const other = (await request(http).post('/api/goals').set('Cookie', admin).send({ ...goalBody, name: 'Temporary', metric: 'custom', custom_metric_name: 'NPS', unit_kind: 'unit', unit: 'points' }).expect(201)).body as GoalDetailDto;
      expect(other.metric_label).toBe('NPS');
      await request(http).delete(`/api/goals/${other.id}`).set('Cookie', leader).expect(204);
      await request(http).get(`/api/goals/${other.id}`).set('Cookie', admin).expect(404);
    });
  });

  describe('KPI values', () => {
    it('takes one value, keeps who set it, and keeps the overwritten one', async () => {
      const put = await request(http).put(`/api/goals/${goalId}/values/2026-01`).set('Cookie', leader).send({ value: 99, note: 'first estimate' }).expect(200);
      expect(put.body).toMatchObject({ period: '2026-01-01', value: 99, source: 'entry', set_by: 'leader@test.local', note: 'first estimate' });
      const bad = await request(http).put(`/api/goals/${goalId}/values/2026-1`).set('Cookie', leader).send({ value: 'lots' }).expect(400);
      expect(bad.body.message).toEqual(['period: must be a month YYYY-MM or YYYY-MM-01']);
      const future = await request(http).put(`/api/goals/${goalId}/values/2099-01`).set('Cookie', leader).send({ value: 1 }).expect(400);
      expect(future.body.message[0]).toMatch(/^period: 2099-01-01 is in the future/);
    });

    it('takes values in bulk, all or none', async () => {
      const bad = await request(http)
        .post(`/api/goals/${goalId}/values`)
        .set('Cookie', admin)
        .send({ values: [{ period: '2026-02', value: 1 }, { period: '2027-02', value: 2 }, { period: '2026-02-01', value: 3 }, { period: '2026-03', value: 'x' }] })
        .expect(400);
      expect(bad.body.message).toEqual(['values.3.value: must be a number']);
      const bad2 = await request(http)
        .post(`/api/goals/${goalId}/values`)
        .set('Cookie', admin)
        .send({ values: [{ period: '2026-02', value: 1 }, { period: '2027-02', value: 2 }, { period: '2026-02-01', value: 3 }] })
        .expect(400);
      expect(bad2.body.message).toEqual([
        expect.stringMatching(/^values\[1\]\.period: 2027-02-01 is (in the future|after the goal's period)/),
        'values[2].period: 2026-02-01 repeats values[0]',
      ]);
      const ok = (await request(http)
        .post(`/api/goals/${goalId}/values`)
        .set('Cookie', admin)
        .send({ values: [{ period: '2026-01', value: 100 }, { period: '2026-02', value: 104 }] })
        .expect(201)).body as KpiBulkResultDto;
      expect(ok).toMatchObject({ created: 1, updated: 1, unchanged: 0 });
      expect(ok.values.map((v) => [v.period, v.source, v.set_by])).toEqual([['2026-01-01', 'api', 'admin@test.local'], ['2026-02-01', 'api', 'admin@test.local']]);
    });

    it('imports a CSV: good rows stored, bad rows reported by line and column', async () => {
      const csv = [
        '\uFEFFPeriod,Value,Note',
        '2026-03,103,',
        '2026-04,"109",from finance',
        '',
        '2026-05,1 12,',
        '2026-05,112,"restated, Q2"',
        '2026-13,1,',
        '2026-06,111',
        '2026-06,111,',
        '"2026-07",118,',
        '2026-08-01,121,',
        '2026-09,,',
        '2027-01,5,',
      ].join('\r\n');
      const res = await request(http)
        .post(`/api/goals/${goalId}/values/import?filename=kpi.csv`)
        .set('Cookie', leader)
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(200);
      const out = res.body as KpiImportResultDto;
      expect(out).toMatchObject({ goal_id: goalId, filename: 'kpi.csv', rows: 11, stored: 6, created: 6, updated: 0, rejected: 5 });
      expect(out.errors).toEqual([
        { line: 5, column: 'value', message: 'must be a plain number with a dot as decimal separator and no thousands separators (got "1 12")' },
        { line: 7, column: 'period', message: 'must be a month YYYY-MM or YYYY-MM-01 (got "2026-13")' },
        { line: 8, column: null, message: 'has 2 fields, the header has 3' },
        { line: 12, column: 'value', message: 'required: a number' },
        { line: 13, column: 'period', message: expect.stringMatching(/^2027-01-01 is (in the future|after the goal's period)/) },
      ]);

      const detail = (await request(http).get(`/api/goals/${goalId}`).set('Cookie', analyst).expect(200)).body as GoalDetailDto;
      expect(detail.values.map((v) => [v.period, v.value])).toEqual(months.map((m, i) => [m, kpi[i]]));
      const may = detail.values.find((v) => v.period === '2026-05-01')!;
      expect(may).toMatchObject({ source: 'import', set_by: 'leader@test.local', note: 'restated, Q2' });
      expect(detail.values.find((v) => v.period === '2026-03-01')!.note).toBe('kpi.csv line 2');
    });

    it('refuses a file with a wrong header as a whole', async () => {
      const res = await request(http).post(`/api/goals/${goalId}/values/import`).set('Cookie', leader).set('Content-Type', 'text/csv').send('month,amount\n2026-01,5\n').expect(400);
      expect(res.body.message).toEqual(['header: missing columns period, value', 'header: unknown columns "month", "amount"', 'header: expected period,value[,note] (got "month","amount")']);
      const json = await request(http).post(`/api/goals/${goalId}/values/import`).set('Cookie', leader).send({ period: '2026-01' }).expect(415);
      expect(json.body.message[0]).toMatch(/^Content-Type: send the CSV as text\/csv/);
    });

    it('keeps every overwritten and deleted value in the history', async () => {
      await request(http).delete(`/api/goals/${goalId}/values/2026-08`).set('Cookie', leader).expect(204);
      await request(http).put(`/api/goals/${goalId}/values/2026-08-01`).set('Cookie', leader).send({ value: 121 }).expect(200);
      const h = (await request(http).get(`/api/goals/${goalId}/values/history`).set('Cookie', analyst).expect(200)).body as KpiHistoryDto;
      expect(h.history.map((x) => [x.period, x.value, x.source, x.set_by, x.change, x.replaced_by])).toEqual(
        expect.arrayContaining([
          ['2026-01-01', 99, 'entry', 'leader@test.local', 'overwritten', 'admin@test.local'],
          ['2026-08-01', 121, 'import', 'leader@test.local', 'deleted', 'leader@test.local'],
        ]),
      );
      expect(h.history).toHaveLength(2);
    });

    it('gives status, progress and a forecast marked as a forecast', async () => {
      const d = (await request(http).get(`/api/goals/${goalId}`).set('Cookie', analyst).expect(200)).body as GoalDetailDto;
      // August: expected on the straight line 100 → 160 at the end of August = 100 + 60 · 243/365 = 139.945; 121 falls 18.945 short = 31.6% of 60
      expect(d.status).toMatchObject({ status: 'off_track', as_of: '2026-08-01', latest: 121, expected_from: 'trajectory' });
      expect(d.status.expected).toBeCloseTo(100 + (60 * 243) / 365, 9);
      expect(d.status.progress).toBeCloseTo(21 / 60, 12);
      expect(d.forecast!.forecast).toBe(true);
      expect(d.forecast!.points.map((p) => p.period)).toEqual(['2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01']);
      // the same series as the unit test: December 131.5357, 95% [124.3292, 138.7422] (SciPy)
      expect(d.forecast!.end.value).toBeCloseTo(131.53571428571428, 8);
      expect(d.forecast!.end.lower95).toBeCloseTo(124.32919764843633, 6);
      expect(d.series.find((p) => p.period === '2026-06-01')).toMatchObject({ actual: 111, expected: 128 });
    });
  });

  describe('links and their analysis', () => {
    let scopeLink: GoalLinkDto;

    it('links a scope, validating the names against the directory', async () => {
      const bad = await request(http)
        .post(`/api/goals/${goalId}/links`)
        .set('Cookie', leader)
        .send({ kind: 'scope', scope: 'department', departments: ['Sales', 'Salse'], hypothesis: 'x' })
        .expect(400);
      expect(bad.body.message).toEqual(['departments[1]: nobody in the directory is in department "Salse"']);
      await request(http).post(`/api/goals/${goalId}/links`).set('Cookie', leader).send({ kind: 'team', hypothesis: 'x' }).expect(400);
      await request(http).post(`/api/goals/${goalId}/links`).set('Cookie', analyst).send({ kind: 'scope', scope: 'organisation', hypothesis: 'x' }).expect(403);
      scopeLink = (await request(http)
        .post(`/api/goals/${goalId}/links`)
        .set('Cookie', leader)
        .send({ kind: 'scope', scope: 'department', departments: ['Sales'], purpose: 'vision', hypothesis: 'Engagement of Sales with the vision content should lift revenue' })
        .expect(201)).body as GoalLinkDto;
      expect(scopeLink).toMatchObject({ kind: 'scope', scope: 'department', scope_values: ['Sales'], audience_label: 'Department: Sales', purpose: 'vision' });
      const bad2 = await request(http).post(`/api/goals/${goalId}/links`).set('Cookie', leader).send({ kind: 'scope', scope: 'location', departments: ['Sales'], hypothesis: 'x' }).expect(400);
      expect(bad2.body.message).toEqual(['departments: not for scope location (use locations)', 'locations: required for scope location']);
      const changed = (await request(http).put(`/api/goals/${goalId}/links/${scopeLink.id}`).set('Cookie', admin).send({ hypothesis: 'Sales reading the vision lifts revenue' }).expect(200)).body as GoalLinkDto;
      expect(changed).toMatchObject({ hypothesis: 'Sales reading the vision lifts revenue', purpose: 'vision' });
      const listed = (await request(http).get(`/api/goals/${goalId}/links`).set('Cookie', analyst).expect(200)).body as GoalLinkDto[];
      expect(listed.map((l) => l.id)).toEqual([scopeLink.id]);
    });

    it("shows the audience's monthly engagement against the KPI with lagged correlations, refusing too few points", async () => {
      const a = (await request(http).get(`/api/goals/${goalId}/links/${scopeLink.id}/analysis`).set('Cookie', analyst).expect(200)).body as LinkAnalysisDto;
      expect(a.caveat).toBe(CORRELATION_CAVEAT);
      expect(a.caveat).toBe('correlation, not proof');
      expect(a.audience_size).toBe(30);
      // from three months before the first KPI month to the last month with data
      expect(a.months.map((m) => m.period)).toEqual(['2025-10-01', '2025-11-01', '2025-12-01', ...months]);
      expect(a.months[0]).toMatchObject({ kpi: null, mean_score: null, reason: 'No hub activity recorded this month.' });

      // Independent: the mean over Sales of each person's score that month (both scored days carry the same score).
      const expectedMean = months.map((_, m) => sales.reduce((s, i) => s + score(i, m), 0) / 30);
      const got = a.months.slice(3);
      got.forEach((mo, m) => {
        expect(mo.kpi).toBe(kpi[m]);
        expect(mo.reason).toBeNull();
        expect(mo.mean_score).toBeCloseTo(expectedMean[m], 2);
        expect(mo.purposes.inform).toBeCloseTo((100 * (5 + m)) / 30, 2);
        // nobody did strategy: 0 is a statement about each of them, hidden
        expect(mo.purposes.strategy).toBeNull();
        expect(mo.purposes_hidden.strategy).toBe('numerator');
      });

      const corr = (series: string, lag: number) => a.correlations.find((c) => c.series === series && c.lag === lag)!;
      expect(a.correlations).toHaveLength(6 * 4);
      const round2 = (xs: number[]) => xs.map((x) => Math.round(x * 100) / 100);
      const ref0 = pearson(round2(expectedMean), kpi); // the reference implementation, checked against SciPy in its own test
      expect(corr('mean_score', 0).pearson).toMatchObject({ n: 8, reason: null });
      expect(corr('mean_score', 0).pearson.estimate).toBeCloseTo(ref0.estimate!, 10);
      expect(corr('mean_score', 0).pearson.p_value).toBeCloseTo(ref0.p_value!, 10);
      expect(corr('mean_score', 1).spearman.estimate).toBeCloseTo(spearman(round2(expectedMean).slice(0, 7), kpi.slice(1)).estimate!, 10);
      expect(corr('mean_score', 2).pearson.n).toBe(6);
      expect(corr('mean_score', 3).pearson).toMatchObject({ n: 5, estimate: null, ci95: null, p_value: null, reason: 'too few points: n=5, need ≥ 6' });
      // the strategy reach is hidden every month (nobody did it), so nothing is correlated with it
      expect(corr('strategy', 0).spearman.reason).toBe('too few points: n=0, need ≥ 6');
      expect(a.did).toBeNull();
      expect(a.did_reason).toBeNull();
    });

    it('hides the engagement of an audience below the minimum group size', async () => {
      await request(http).put('/v1/people').set('Authorization', `Bearer ${key}`).send({ people: [{ person_id: 'x1', name: 'X', department: 'Tiny' }] }).expect(200);
      const tiny = (await request(http).post(`/api/goals/${goalId}/links`).set('Cookie', leader).send({ kind: 'scope', scope: 'department', departments: ['Tiny'], hypothesis: 'x' }).expect(201)).body as GoalLinkDto;
      const a = (await request(http).get(`/api/goals/${goalId}/links/${tiny.id}/analysis`).set('Cookie', analyst).expect(200)).body as LinkAnalysisDto;
      expect(a.audience_size).toBeNull();
      expect(a.audience_hidden).toBe('below_minimum');
      expect(a.months.every((m) => m.mean_score === null && m.members === null && m.reason === hiddenReasonText('below_minimum', 5))).toBe(true);
      expect(a.correlations.every((c) => c.pearson.estimate === null)).toBe(true);
      await request(http).delete(`/api/goals/${goalId}/links/${tiny.id}`).set('Cookie', leader).expect(204);
    });

    it('compares a launched programme’s segment with its untargeted colleagues (difference in differences)', async () => {
      // The one-person Tiny department (the test before) would leave one person beside any packing of
      // the organisation's groups — population − Paris − Operations' link − this segment = x1 — so the
      // plan hides the segment. x1 joins Operations in Lisbon for this test and is back in Tiny after it.
      const x1 = (department: string, extra: Record<string, string> = {}) =>
        request(http).put('/v1/people').set('Authorization', `Bearer ${key}`).send({ people: [{ person_id: 'x1', name: 'X', department, ...extra }] }).expect(200);
      await x1('Operations', { location: 'Lisbon', hired_at: '2020-01-15' });
      const seg = (await request(http)
        .post('/api/segments')
        .set('Cookie', admin)
        .send({ name: 'Sales Berlin', rule: { kind: 'and', children: [{ kind: 'attribute', field: 'department', op: 'in', values: ['Sales'] }, { kind: 'attribute', field: 'location', op: 'in', values: ['Berlin'] }] } })
        .expect(201)).body as SegmentSavedDto;
      await waitFor(
        async () => ((await request(http).get(`/api/segments/${seg.segment.id}`).set('Cookie', admin).expect(200)).body as SegmentDetailDto).membership_version !== null,
        'segment computed',
        60_000,
      );
      const prog = (await request(http)
        .post('/api/programmes')
        .set('Cookie', admin)
        .send({
          name: 'Vision roadshow', segment_id: seg.segment.id, content: { purposes: ['vision'] }, channels: ['ceo_blog'], tactic: { kind: 'leader_led' },
          measure: { metric: 'reach_rate', target: 0.5, from: '2026-05-01', to: '2026-07-31' }, goal_id: goalId,
        })
        .expect(201)).body as ProgrammeDto;
      const link = (await request(http).post(`/api/goals/${goalId}/links`).set('Cookie', leader).send({ kind: 'programme', programme_id: prog.id, hypothesis: 'The roadshow lifts Sales Berlin' }).expect(201)).body as GoalLinkDto;
      expect(link.audience_label).toBe('Programme: Vision roadshow');

      const before = (await request(http).get(`/api/goals/${goalId}/links/${link.id}/analysis`).set('Cookie', analyst).expect(200)).body as LinkAnalysisDto;
      expect(before.did).toBeNull();
      expect(before.did_reason).toBe('The programme has not been launched: there is no before and after yet.');
      expect(before.audience_size).toBe(15);

      // Launched on 1 May (set directly: the API launches "now", after the test's scores)
      await app.get<DataSource>(DATA_SOURCE).getRepository(ProgrammeEntity).update({ id: prog.id }, { status: 'launched', launchedAt: '2026-05-01T09:00:00.000Z', launchedBy: 'admin@test.local' });
      const a = (await request(http).get(`/api/goals/${goalId}/links/${link.id}/analysis`).set('Cookie', analyst).expect(200)).body as LinkAnalysisDto;
      const did = a.did!;
      expect(a.did_reason).toBeNull();
      expect(did).toMatchObject({ launched_at: '2026-05-01', before: { from: '2026-01-31', to: '2026-04-30' }, after: { from: '2026-05-01', to: '2026-07-29' }, reason: null });
      // Independent: per person, the mean over the scored days of each window (Feb–Apr and May–Jul, two days a month).
      const panel = (ids: number[]) => ids.map((i) => ({ before: (score(i, 1) + score(i, 2) + score(i, 3)) / 3, after: (score(i, 4) + score(i, 5) + score(i, 6)) / 3 }));
      const treated = panel(sales.filter(salesBerlin));
      const control = panel(sales.filter((i) => !salesBerlin(i)));
      const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
      const byHand = mean(treated.map((p) => p.after - p.before)) - mean(control.map((p) => p.after - p.before));
      expect(did.estimate).toBeCloseTo(byHand, 9);
      expect(byHand).toBeCloseTo(6, 0); // the 8 − 2 lift written into the scores, give or take the wobble
      const ref = differenceInDifferences(treated, control);
      expect(did.se).toBeCloseTo(ref.se!, 9);
      expect(did.ci95![0]).toBeCloseTo(ref.ci95![0], 9);
      expect(did.p_value).toBeCloseTo(ref.p_value!, 9);
      expect(did.treated).toMatchObject({ people: 15 });
      expect(did.control).toMatchObject({ people: 15 });
      expect(did.monthly.map((m) => m.period)).toEqual(['2026-01-01', ...months.slice(1, 7)]);
      expect(did.monthly[4].treated! - did.monthly[4].control!).toBeGreaterThan(did.monthly[3].treated! - did.monthly[3].control!);

      // The goal lists the programme, linked
      const d = (await request(http).get(`/api/goals/${goalId}`).set('Cookie', analyst).expect(200)).body as GoalDetailDto;
      expect(d.programmes).toEqual([expect.objectContaining({ id: prog.id, name: 'Vision roadshow', status: 'launched', linked: true })]);
      await x1('Tiny');
    });

    it('computes the strategy purpose index over the linked audiences', async () => {
      await app.get(PatternComputeService).recompute({ from: '2026-08-01', to: '2026-08-31' });
      const rows = await ch.rows<{ group_value: string; denominator: string }>(
        `SELECT group_value, denominator FROM ${ch.tables.pattern_purposes} FINAL WHERE purpose = 'strategy' AND group_kind = 'org' AND day = '2026-08-31'`,
      );
      // members of the linked audiences: Sales (the scope link, which covers the programme's Sales Berlin) = 30
      expect(rows).toEqual([{ group_value: '', denominator: 30 }]);
    });

    it('documents the endpoints in the OpenAPI description', async () => {
      const doc = (await request(http).get('/api/docs/openapi.json').expect(200)).body as { paths: Record<string, unknown> };
      for (const p of ['/api/goals', '/api/goals/{id}', '/api/goals/{id}/values', '/api/goals/{id}/values/import', '/api/goals/{id}/values/{period}', '/api/goals/{id}/links/{linkId}/analysis', '/api/strategy/overview']) {
        expect(doc.paths).toHaveProperty([p]);
      }
    });

    it('puts it all on the strategy overview', async () => {
      const o = (await request(http).get('/api/strategy/overview').set('Cookie', analyst).expect(200)).body as StrategyOverviewDto;
      expect(o.caveat).toBe('correlation, not proof');
      expect(o.goals.find((g) => g.id === goalId)).toMatchObject({ status: { status: 'off_track' }, links: 2, forecast_end: { period: '2026-12-01', forecast: true } });
      expect(o.status_counts.off_track).toBeGreaterThanOrEqual(1);
      expect(o.scorecard.day).toBe('2026-08-31');
      const strategy = o.scorecard.purposes.find((p) => p.purpose === 'strategy')!;
      expect(strategy.unavailable_reason).toBeNull();
      expect(strategy.organisation).toMatchObject({ value: null, hidden_reason: 'numerator', reason: hiddenReasonText('numerator', 5) });
      const inform = o.scorecard.purposes.find((p) => p.purpose === 'inform')!;
      // Sales: 30 people, shown; Tiny: 1 person, hidden
      expect(inform.departments.find((d) => d.department === 'Sales')!.suppressed).toBe(false);
      expect(inform.departments.find((d) => d.department === 'Tiny')).toMatchObject({ value: null, suppressed: true });
    });
  });
});
