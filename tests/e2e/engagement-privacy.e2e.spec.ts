import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app-factory';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import type { GroupScoresDto, OverviewResponse, ScoreDistributionDto, ScoreJobDto } from '@hubpulse/contracts';
import { hubEvent, signIn, testConfig, waitFor } from '@hubpulse/testing';

/**
 * Issue 11 regression tests for the score groups, the distribution and the overview, as an analyst
 * would attack them on a tiny organisation (k = 5):
 *
 *   c0 (CEO, Sales) ── a1 (Sales) ── b1 (Sales) ── x1..x5 (Sales)     a manager (a1) with one report (b1)
 *                  └── m2 (Ops)   ── y1..y13 (Ops; y13 in Legal), z1..z6 (Ops, never active until 03-04)
 *
 * The CEO's tree is everyone but the CEO; Legal is a one-person department; ceo_blog is used by 2.
 * Each test states the subtraction that worked before issue 11 and asserts nothing derivable describes
 * 1..k−1 people now.
 */
describe('Privacy of scores per group, distribution and overview (issue 11)', () => {
  const K = 5;
  const config = testConfig();
  const key = config.bootstrap.writeKey!;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let admin: string;
  let analyst: string;

  const xs = [1, 2, 3, 4, 5].map((i) => `x${i}`);
  const ys = Array.from({ length: 13 }, (_, i) => `y${i + 1}`);
  const zs = Array.from({ length: 6 }, (_, i) => `z${i + 1}`);
  const person = (id: string, manager: string | null, department: string, hired = '2020-01-15') => ({ person_id: id, name: `Person ${id}`, department, location: 'Berlin', manager_id: manager, hired_at: hired, is_leader: id === 'c0' });
  const people = [
    person('c0', null, 'Sales'),
    person('a1', 'c0', 'Sales'),
    // b1 and x1..x5 have their first anniversary on 2026-03-02: tenure as of `to` would move them.
    person('b1', 'a1', 'Sales', '2025-03-02'),
    ...xs.map((x) => person(x, 'b1', 'Sales', '2025-03-02')),
    person('m2', 'c0', 'Ops'),
    ...ys.map((y, i) => person(y, 'm2', i === 12 ? 'Legal' : 'Ops')),
    ...zs.map((z) => person(z, 'm2', 'Ops')),
  ];
  const U = people.length; // 28
  /** Members of each manager's tree (everyone under them). */
  const trees: Record<string, string[]> = { c0: people.filter((p) => p.person_id !== 'c0').map((p) => p.person_id), a1: ['b1', ...xs], b1: xs, m2: [...ys, ...zs] };

  const get = async <T>(path: string, cookie = analyst) => (await request(http).get(path).set('Cookie', cookie).expect(200)).body as T;
  const login = (email: string, password: string) => signIn(http, email, password);

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    http = app.getHttpServer();
    await app.get(AuthService).createUser({ email: 'analyst@test.local', password: 'analyst password 1', name: 'Ana Lyst', role: 'analyst' });
    admin = await login('admin@test.local', 'correct horse battery');
    analyst = await login('analyst@test.local', 'analyst password 1');
    await request(http).put('/v1/people').set('Authorization', `Bearer ${key}`).send({ people }).expect(200);
    const active = people.filter((p) => !p.person_id.startsWith('z'));
    const events = [
      // 03-01: the 22 active people view the blog; 03-02: x and y post (i times: distinct scores)
      ...active.map((p) => hubEvent({ event_id: `v1-${p.person_id}`, actor_id: p.person_id, occurred_at: '2026-03-01T09:00:00Z' })),
      ...[...xs, ...ys].flatMap((id, i) => Array.from({ length: i + 1 }, (_, j) => hubEvent({ event_id: `p-${id}-${j}`, type: 'post', actor_id: id, occurred_at: '2026-03-02T09:00:00Z' }))),
      // 03-03: everyone active but the CEO on microblog; y1, y2 comment on the CEO blog (a channel used by 2)
      ...active.filter((p) => p.person_id !== 'c0').map((p) => hubEvent({ event_id: `v3-${p.person_id}`, channel: 'microblog', actor_id: p.person_id, occurred_at: '2026-03-03T09:00:00Z' })),
      ...['y1', 'y2'].map((id) => hubEvent({ event_id: `c-${id}`, type: 'comment', channel: 'ceo_blog', actor_id: id, occurred_at: '2026-03-03T10:00:00Z' })),
      // 03-04: z1 acts for the first time, with five others
      ...['z1', 'y3', 'y4', 'y5', 'y6', 'y7'].map((id) => hubEvent({ event_id: `v4-${id}`, actor_id: id, occurred_at: '2026-03-04T09:00:00Z' })),
    ];
    await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events }).expect(200);
    const { job_id } = (await request(http).post('/api/engagement/jobs').set('Cookie', admin).send({ kind: 'full' }).expect(201)).body;
    const job = (await waitFor(
      async () => (await get<ScoreJobDto[]>('/api/engagement/jobs')).find((j) => j.id === job_id && (j.state === 'completed' || j.state === 'failed')),
      'score job',
      60_000,
    )) as ScoreJobDto;
    expect(job.state).toBe('completed');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  const isSmall = (n: number) => n >= 1 && n < K;

  it('nested manager trees: no two shown trees differ by 1..k−1 people, the CEO tree is hidden beside the organisation', async () => {
    const mgr = await get<GroupScoresDto>('/api/engagement/groups?by=manager&from=2026-03-01&to=2026-03-03');
    const row = (id: string) => mgr.groups.find((g) => g.key === id)!;
    // Before: a1 (6 people) and b1 (5) were both shown, and mean(a1)·6 − mean(b1)·5 was b1's score
    // (the admin "why" endpoint agreed to rounding); the CEO's tree (27 of 28) gave the CEO's score
    // against any organisation-wide mean.
    expect(row('c0')).toMatchObject({ people: null, mean_score: null, suppressed: true });
    expect(row('c0').hidden_reason).not.toBeNull();
    const shown = mgr.groups.filter((g) => g.people !== null);
    for (const p of shown) {
      expect(p.people).toBe(trees[p.key].length);
      expect(isSmall(U - p.people!)).toBe(false);
      for (const c of shown) {
        if (c === p || !trees[c.key].every((m) => trees[p.key].includes(m))) continue;
        expect(isSmall(p.people! - c.people!)).toBe(false);
      }
    }
    // the remainder of the organisation outside every shown tree is 0 or ≥ k people
    const covered = new Set(shown.flatMap((g) => trees[g.key]));
    expect(isSmall(U - covered.size)).toBe(false);
    expect(row('a1').people === null || row('b1').people === null).toBe(true);
    for (const g of mgr.groups.filter((x) => x.people === null)) {
      expect(g.hidden_reason).not.toBeNull();
      expect(g.trend.every((t) => t.mean_score === null && t.hidden_reason !== null)).toBe(true);
    }
    // Shown groups come first, largest first; hidden ones after, by key (their order says nothing of size).
    const firstHidden = mgr.groups.findIndex((g) => g.people === null);
    expect(mgr.groups.slice(firstHidden).every((g) => g.people === null)).toBe(true);
  });

  it('departments: the population minus the shown departments never leaves the hidden one-person department', async () => {
    const dept = await get<GroupScoresDto>('/api/engagement/groups?by=department&from=2026-03-01&to=2026-03-03');
    const legal = dept.groups.find((g) => g.key === 'Legal')!;
    expect(legal).toMatchObject({ people: null, hidden_reason: 'below_minimum' });
    // Before: Sales (8) and Ops (19) were shown beside the organisation (28): 28 − 8 − 19 = Legal's 1 person.
    const shownPeople = dept.groups.reduce((s, g) => s + (g.people ?? 0), 0);
    expect(isSmall(U - shownPeople)).toBe(false);
    for (const g of dept.groups.filter((x) => x.people !== null)) expect(isSmall(U - g.people!)).toBe(false);
    // a mean is shown only with its own k contributors, and so is every difference (checked by planStat)
    for (const g of dept.groups) if (g.mean_score === null) expect(g.mean_score_hidden).not.toBeNull();
  });

  it('tenure bands are taken on the plan day, so two ranges ending a day apart give the same groups', async () => {
    const a = await get<GroupScoresDto>('/api/engagement/groups?by=tenure&from=2026-03-01&to=2026-03-01');
    const b = await get<GroupScoresDto>('/api/engagement/groups?by=tenure&from=2026-03-01&to=2026-03-03');
    // Before: b1 and x1..x5 were "under 1 year" on 03-01 and "1–3 years" on 03-03.
    expect(a.as_of).toBe(b.as_of);
    expect(a.groups.map((g) => [g.key, g.people])).toEqual(b.groups.map((g) => [g.key, g.people]));
  });

  it('every statistic of a group is decided the same way whichever family or range is asked for', async () => {
    const long = await get<GroupScoresDto>('/api/engagement/groups?by=manager&from=2026-03-01&to=2026-03-03');
    const short = await get<GroupScoresDto>('/api/engagement/groups?by=manager&from=2026-03-03&to=2026-03-03');
    for (const g of short.groups) {
      const same = long.groups.find((x) => x.key === g.key)!;
      expect(g.trend[0]).toEqual(same.trend.find((t) => t.day === '2026-03-03'));
      expect([g.mean_score, g.active_share, g.mix]).toEqual([same.mean_score, same.active_share, same.mix]);
    }
  });

  it('distribution: bins are a suppressed table against the population, quantiles need k people on each side', async () => {
    const d = await get<ScoreDistributionDto>('/api/engagement/distribution?day=2026-03-03');
    expect(d.population).toBe(U);
    const hidden = d.bins.filter((b) => b.people === null);
    for (const b of hidden) expect(b.hidden_reason).not.toBeNull();
    const shownSum = d.bins.reduce((s, b) => s + (b.people ?? 0), 0) + (d.inactive ?? 0);
    // the hidden cells together: 0 or ≥ k people, and never a single hidden cell
    expect(isSmall(U - shownSum)).toBe(false);
    expect(hidden.length + (d.inactive === null ? 1 : 0)).not.toBe(1);
    if (d.active !== null) expect(d.active + d.inactive!).toBe(U);
    // 28 people: p25..p75 have ≥ 5 on each side; p90 (2.8 above) and p99 do not
    expect(d.quantiles).toMatchObject({ p90: null, p99: null });
    expect(d.quantiles!.p50).not.toBeNull();
    expect(d.quantiles_hidden).toMatchObject({ p90: 'numerator', p99: 'numerator', p50: null });
  });

  it('overview: a channel used by 2 shows no count; events are shown only over days with k people', async () => {
    const ov = await get<OverviewResponse>('/api/overview?from=2026-03-01&to=2026-03-03');
    const ceo = ov.by_channel.find((c) => c.channel === 'ceo_blog')!;
    // Before: { events: 2 } was shown for a channel 2 people used.
    expect(ceo).toMatchObject({ events: null, events_hidden: 'period', active_people: null });
    // total − shown channels = the hidden channels' events: they must be hidden together with ≥ k people behind them
    if (ov.totals.events !== null) {
      const hiddenChannels = ov.by_channel.filter((c) => c.events === null);
      expect(hiddenChannels.length).not.toBe(1);
    }
    expect(ov.totals.people).toBe(U);
    expect(ov.totals.active_people).toBe(22);
  });

  it('overview: two date ranges a day apart cannot be subtracted into the one person who acted on the extra day', async () => {
    // A fresh reader: the ledger is per user.
    await app.get(AuthService).createUser({ email: 'reader@test.local', password: 'reader password 1', name: 'Rea Der', role: 'analyst' });
    const reader = await login('reader@test.local', 'reader password 1');
    const first = await get<OverviewResponse>('/api/overview?from=2026-03-01&to=2026-03-03', reader);
    const second = await get<OverviewResponse>('/api/overview?from=2026-03-01&to=2026-03-04', reader);
    // Before: 22 then 23 — z1 acted on 03-04.
    expect(first.totals.active_people).toBe(22);
    expect(second.totals).toMatchObject({ active_people: null, active_people_hidden: 'earlier_release' });
    // the daily 7-day points of the same stat are not nested in each other or the range by 1..k−1 either
    for (const ov of [first, second]) {
      for (const e of ov.engagement) {
        if (e.people === null) expect(e.index).toBeNull();
        else expect(e.index).toBeCloseTo((100 * e.people) / U, 1);
      }
    }
    // another reader (the admin has not looked at the overview yet) still gets the longer range
    const other = await get<OverviewResponse>('/api/overview?from=2026-03-01&to=2026-03-04', admin);
    expect(other.totals.active_people).toBe(23);
  });
});
