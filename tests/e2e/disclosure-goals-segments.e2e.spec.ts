import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { GoalDetailDto, GoalLinkDto, LinkAnalysisDto, SegmentChannelStatsDto, SegmentDetailDto, SegmentRule, SegmentSavedDto } from '@hubpulse/contracts';
import { hubEvent, signIn, testConfig, waitFor } from '@hubpulse/testing';
import { createApiApp } from '../../apps/api/src/app-factory';
import { AuthService } from '../../apps/api/src/auth/auth.service';

/**
 * Issue 11 regression tests for goal links and segment channel statistics, on real engines (chDB,
 * SQLite, Redis, inline workers). k = 5. Each test names the attack that worked before the change
 * (the numbers the API then showed) and asserts that nothing derivable describes 1..4 people now.
 *
 * Organisation of 62: A p1–p20, B p21–p40, C p41–p60, Small p61–p62 (two people). p21–p23 are "Lead".
 * The plan hides Small (2 < 5) and, so that the organisation minus the shown departments does not
 * leave Small's 2, one more department of the three equal ones.
 */
describe('Disclosure of goal links and segment rates (issue 11 regressions)', () => {
  const config = testConfig({ HUBPULSE_SCORE_DEBOUNCE_MS: '3600000', HUBPULSE_SCORE_EVERY_MINUTES: '100000' });
  const key = config.bootstrap.writeKey!;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let leader: string;
  let planner: string;
  let analyst: string;
  const login = (email: string, password: string) => signIn(http, email, password);
  const dept = (d: string): SegmentRule => ({ kind: 'attribute', field: 'department', op: 'in', values: [d] });
  const segment = async (name: string, rule: SegmentRule): Promise<string> => {
    const id = ((await request(http).post('/api/segments').set('Cookie', planner).send({ name, rule }).expect(201)).body as SegmentSavedDto).segment.id;
    await waitFor(async () => ((await request(http).get(`/api/segments/${id}`).set('Cookie', planner).expect(200)).body as SegmentDetailDto).membership_version !== null, `segment ${name}`, 60_000);
    return id;
  };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    http = app.getHttpServer();
    const auth = app.get(AuthService);
    await auth.createUser({ email: 'leader@test.local', password: 'leader password 1', name: 'Lee', role: 'leader' });
    await auth.createUser({ email: 'planner@test.local', password: 'planner password 1', name: 'Pia', role: 'planner' });
    await auth.createUser({ email: 'analyst@test.local', password: 'analyst password 1', name: 'Ana', role: 'analyst' });
    leader = await login('leader@test.local', 'leader password 1');
    planner = await login('planner@test.local', 'planner password 1');
    analyst = await login('analyst@test.local', 'analyst password 1');
    const people = Array.from({ length: 62 }, (_, i) => {
      const n = i + 1;
      const department = n <= 20 ? 'A' : n <= 40 ? 'B' : n <= 60 ? 'C' : 'Small';
      return { person_id: `p${n}`, name: `P${n}`, department, location: 'Here', title: n >= 21 && n <= 23 ? 'Lead' : 'Staff', hired_at: '2020-01-15' };
    });
    await request(http).put('/v1/people').set('Authorization', `Bearer ${key}`).send({ people }).expect(200);
    const content = [
      { content_id: 'x1', channel: 'blog', purpose: 'inform', title: 'One', published_at: '2026-03-02T08:00:00Z' },
      { content_id: 'x2', channel: 'blog', purpose: 'inform', title: 'Two', published_at: '2026-03-10T08:00:00Z' },
    ];
    await request(http).put('/v1/content').set('Authorization', `Bearer ${key}`).send({ content }).expect(200);
    const view = (who: number, item: string, day: string) => hubEvent({ event_id: `v-${who}-${item}`, type: 'view', actor_id: `p${who}`, content_id: item, channel: 'blog', purpose: 'inform', occurred_at: `${day}T09:00:00Z` });
    const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
    const events = [
      view(21, 'x1', '2026-03-02'), // one reader in B on 2 March
      ...range(21, 30).map((p) => view(p, 'x2', '2026-03-10')), // 10 of B on 10 March
      ...[1, 2].map((p) => view(p, 'x2', '2026-03-10')), // and 2 people outside B
    ];
    await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events }).expect(200);
    ids.b = await segment('Department B', dept('B'));
    ids.leads = await segment('Leads', { kind: 'attribute', field: 'title', op: 'in', values: ['Lead'] });
    // The starter segments are computed in the background after start-up; each is a group of the
    // plan, so the decisions below are only fixed once all of them have a membership.
    await waitFor(
      async () => ((await request(http).get('/api/segments').set('Cookie', planner).expect(200)).body.segments as { runs: unknown[] }[]).every((x) => x.runs.length > 0),
      'every segment computed',
      60_000,
    );
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  const channels = async (from: string, to: string) =>
    (await request(http).get(`/api/segments/${ids.b}/channels?from=${from}&to=${to}`).set('Cookie', analyst).expect(200)).body as SegmentChannelStatsDto;

  it('hides a read rate over a one-day window with one reader (before: 1/20 shown, × 20 members = the reader)', async () => {
    const c = await channels('2026-03-02', '2026-03-02');
    expect(c.members).toBe(20);
    const blog = c.channels.find((x) => x.channel === 'blog')!;
    expect(blog).toMatchObject({ items: 1, read_rate: null, read_rate_hidden: 'numerator', reached: null, reach_rate: null });
    expect(c.purposes.find((p) => p.purpose === 'inform')).toMatchObject({ read_rate: null, read_rate_hidden: 'numerator' });
  });

  it("hides a rate when the organisation's rate would count the few outside the segment (before: org 12/62 − B 10/20 = 2 readers)", async () => {
    const c = await channels('2026-03-10', '2026-03-10');
    const blog = c.channels.find((x) => x.channel === 'blog')!;
    // B: 10 readers, 10 not — passes by itself; the organisation minus B: 2 readers of 42
    expect(blog).toMatchObject({ read_rate: null, read_rate_hidden: 'difference', reached: null, reached_suppressed: 'difference' });
    // nothing in the response multiplies back to 1..4 people
    for (const row of c.channels) {
      if (row.read_rate) expect(row.read_rate.observed! * 20).toBeGreaterThanOrEqual(5);
      if (row.reached !== null) expect(row.reached).toBeGreaterThanOrEqual(5);
    }
  });

  it('hides the sizes the plan hides, with one decision in the list and the detail', async () => {
    const leads = (await request(http).get(`/api/segments/${ids.leads}`).set('Cookie', analyst).expect(200)).body as SegmentDetailDto;
    expect(leads).toMatchObject({ size: null, size_suppressed: 'below_minimum' });
    const b = (await request(http).get(`/api/segments/${ids.b}`).set('Cookie', analyst).expect(200)).body as SegmentDetailDto;
    expect(b).toMatchObject({ size: 20, size_suppressed: null });
  });

  describe('goal links', () => {
    let goalId: string;
    const link = async (body: Record<string, unknown>) => ((await request(http).post(`/api/goals/${goalId}/links`).set('Cookie', leader).send({ hypothesis: 'x', ...body }).expect(201)).body as GoalLinkDto).id;
    const analysis = async (linkId: string) => (await request(http).get(`/api/goals/${goalId}/links/${linkId}/analysis`).set('Cookie', analyst).expect(200)).body as LinkAnalysisDto;

    beforeAll(async () => {
      const goal = {
        name: 'Revenue', metric: 'revenue', scope: 'organisation', unit_kind: 'currency', unit: 'EUR', baseline: 100, target: 160, target_type: 'increase_to', period_start: '2026-01-01', period_end: '2026-12-31',
      };
      goalId = ((await request(http).post('/api/goals').set('Cookie', leader).send(goal).expect(201)).body as GoalDetailDto).id;
      await request(http).put(`/api/goals/${goalId}/values/2026-03`).set('Cookie', leader).send({ value: 110 }).expect(200);
    });

    it('shows nothing about a segment of 3 linked to a goal (before: audience_size 3 and its monthly numbers)', async () => {
      const a = await analysis(await link({ kind: 'segment', segment_id: ids.leads }));
      expect(a).toMatchObject({ audience_size: null, audience_hidden: 'below_minimum' });
      expect(a.months.every((m) => m.members === null && m.mean_score === null && Object.values(m.purposes).every((v) => v === null))).toBe(true);
    });

    it('never shows two scope links that differ by a department of 2 (before: the difference of their means and reaches was Small’s)', async () => {
      const withSmallId = await link({ kind: 'scope', scope: 'department', departments: ['A', 'Small'] });
      const aloneId = await link({ kind: 'scope', scope: 'department', departments: ['A'] });
      const [withSmall, alone] = [await analysis(withSmallId), await analysis(aloneId)];
      // A ∪ Small (22) and A (20) differ by Small's 2: the plan shows at most one of them (and of
      // department A beside them); the other shows nothing, not even its months
      const shown = [withSmall, alone].filter((a) => a.audience_size !== null);
      expect(shown).toHaveLength(1);
      const hidden = [withSmall, alone].find((a) => a.audience_size === null)!;
      expect(hidden.audience_hidden).toBe('difference');
      expect(hidden.months.every((m) => m.members === null && m.mean_score === null && Object.values(m.purposes).every((v) => v === null))).toBe(true);
      // March: 2 of A read (p1, p2): fewer than 5, hidden
      const march = shown[0].months.find((m) => m.period === '2026-03-01')!;
      expect(march).toMatchObject({ purposes: { inform: null }, purposes_hidden: { inform: 'numerator' } });
    });
  });
});
