import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app-factory';
import { PatternComputeService } from '../../apps/worker/src/patterns/pattern-compute.service';
import { ClickHouseService } from '@hubpulse/clickhouse';
import {
  STRATEGY_NO_AUDIENCE_REASON,
  type AmbassadorsResponse,
  type LeaderResponsivenessResponse,
  type PersonasResponse,
  type PurposesResponse,
} from '@hubpulse/contracts';
import { signIn, testConfig } from '@hubpulse/testing';
import { insertPatternFixture, PEOPLE } from '../integration/patterns.fixture';

/**
 * The pattern endpoints on the whole API (chDB, SQLite, Redis, inline workers) over the hand-computed
 * fixture of tests/integration/patterns.fixture.ts, with a minimum group size of 3.
 */
describe('engagement patterns API', () => {
  const config = testConfig({ HUBPULSE_MIN_GROUP_SIZE: '3' });
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let cookie: string;
  const bodies: unknown[] = [];

  const get = async <T>(path: string): Promise<T> => {
    const res = await request(http).get(path).set('Cookie', cookie).expect(200);
    bodies.push(res.body);
    return res.body as T;
  };

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    http = app.getHttpServer();
    await insertPatternFixture(app.get(ClickHouseService));
    await app.get(PatternComputeService).recompute({ from: '2026-02-23', to: '2026-03-03' });
    cookie = await signIn(http, 'admin@test.local', 'correct horse battery');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('needs a session and a valid grouping', async () => {
    await request(http).get('/api/engagement/purposes').expect(401);
    const bad = await request(http).get('/api/engagement/purposes?by=team').set('Cookie', cookie).expect(400);
    expect(bad.body.message[0]).toMatch(/^by: /);
    await request(http).get('/api/engagement/leaders?from=2026-03-04&to=2026-03-01').set('Cookie', cookie).expect(400);
  });

  it('returns the purpose indices with definitions, suppressing small groups and counts', async () => {
    const body = await get<PurposesResponse>('/api/engagement/purposes?from=2026-03-02&to=2026-03-03');
    expect(body).toMatchObject({ range: { from: '2026-03-02', to: '2026-03-03' }, by: 'org', min_group_size: 3, window_days: 28 });
    const index = (p: string) => body.indices.find((i) => i.purpose === p)!;
    expect(index('inform').definition).toMatch(/viewed at least one inform-purpose item in the 28 days/);
    // inform 03-03: 2 readers of 7. Before issue 11 the rate 28.57 was shown beside the denominator 7
    // (28.57 % × 7 = the hidden 2): a share needs its numerator ≥ k too, so the rate is hidden now
    expect(index('inform').groups[0].latest).toMatchObject({ day: '2026-03-03', value: null, numerator: null, denominator: 7, suppressed: true, hidden_reason: 'numerator' });
    expect(index('inform').groups[0].latest!.reason).toMatch(/fewer than 3 people are counted/);
    // vision 03-02: 3 of 7 → 42.86 (3 counted, 4 not); CEO feedback 2 of 7 is hidden
    expect(index('vision').groups[0].days[0]).toMatchObject({
      day: '2026-03-02', value: 42.86, numerator: 3, denominator: 7,
      parts: { vision_engagers: 3, ceo_feedback: null }, parts_hidden: { vision_engagers: null, ceo_feedback: 'numerator' },
    });
    // engagement: 6 of 7 conversed, so 1 did not: hidden by its complement (it used to show 85.71 %),
    // and management participation with it
    expect(index('engagement').groups[0].days.map((d) => [d.value, d.hidden_reason, d.management_share, d.management_share_hidden])).toEqual([
      [null, 'complement', null, 'complement'],
      [null, 'complement', null, 'complement'],
    ]);
    expect(index('strategy')).toMatchObject({ unavailable_reason: STRATEGY_NO_AUDIENCE_REASON, groups: [] });

    const dept = await get<PurposesResponse>('/api/engagement/purposes?from=2026-03-03&to=2026-03-03&by=department');
    const inform = dept.indices.find((i) => i.purpose === 'inform')!.groups;
    // eng: 1 of 3 (it used to show 33.33 %, i.e. the one reader). The plan hides eng anyway: exec (2
    // people) is hidden, so eng and sales beside the population would leave exec: one of them goes
    // ('remainder'). Sales has 2 people on 03-03: nothing shown
    expect(inform.find((g) => g.group === 'eng')!.latest).toMatchObject({ value: null, numerator: null, denominator: null, hidden_reason: 'remainder' });
    expect(inform.find((g) => g.group === 'sales')!.latest).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true });
    expect(inform.find((g) => g.group === 'sales')!.latest!.denominator_hidden).not.toBeNull();
  });

  it('returns persona counts and movement, counts only', async () => {
    const body = await get<PersonasResponse>('/api/engagement/personas?from=2026-03-02&to=2026-03-03');
    expect(body.weeks.map((w) => w.week)).toEqual(['2026-03-02']);
    // week of 03-02: 8 people; observers e2 s2 C = 3, responders s1 L a1 = 3, inactive e1 e3 = 2, the rest 0.
    // Before issue 11 observers and responders were both shown beside the population: 8 − 3 − 3 = the 2
    // inactive. Complementary suppression now hides the responders too (the hidden cells add up to 5).
    expect(body.weeks[0].groups).toEqual([
      {
        group: '', population: 8, population_hidden: null, suppressed: true,
        counts: { inactive: null, observer: 3, responder: null, broadcaster: null, engager: null, catalyst: null },
        hidden: { inactive: 'numerator', observer: null, responder: 'complementary', broadcaster: 'numerator', engager: 'numerator', catalyst: 'numerator' },
      },
    ]);
    // from the week of 02-23: no cell reaches 3 people (responder → inactive is the largest, 2)
    expect(body.movement).toHaveLength(1);
    expect(body.movement[0]).toMatchObject({ week: '2026-03-02', from_week: '2026-02-23' });
    expect(body.movement[0].groups[0].cells).toHaveLength(36);
    expect(body.movement[0].groups[0].cells.every((c) => c.people === null && c.suppressed)).toBe(true);
    expect(body.personas.map((p) => p.key)).toEqual(['inactive', 'observer', 'responder', 'broadcaster', 'engager', 'catalyst']);
  });

  it('resolves `weeks` to whole weeks ending on the newest scored day, else the newest event (nothing is scored here)', async () => {
    const body = await get<PersonasResponse>('/api/engagement/personas?weeks=1');
    expect(body.range).toEqual({ from: '2026-02-25', to: '2026-03-03' });
    expect(body).toEqual(await get<PersonasResponse>('/api/engagement/personas?from=2026-02-25&to=2026-03-03'));
    expect((await get<PurposesResponse>('/api/engagement/purposes?weeks=2&to=2026-03-02')).range).toEqual({ from: '2026-02-17', to: '2026-03-02' });
    const both = await request(http).get('/api/engagement/personas?weeks=1&from=2026-03-01').set('Cookie', cookie).expect(400);
    expect(both.body.message).toEqual(['weeks: give weeks or from, not both']);
    for (const weeks of ['0', '54', 'x']) {
      const bad = await request(http).get(`/api/engagement/ambassadors?weeks=${weeks}`).set('Cookie', cookie).expect(400);
      expect(bad.body.message[0]).toMatch(/^weeks: must be/);
    }
  });

  it('returns the ambassador pipeline', async () => {
    const body = await get<AmbassadorsResponse>('/api/engagement/ambassadors?from=2026-03-02&to=2026-03-03');
    // 6 contributors of 8: it used to be shown, so 8 − 6 = the 2 others (a1 the ambassador, s2 the
    // observer) were singled out; now hidden by its complement
    expect(body.weeks[0].groups[0]).toMatchObject({
      group: '', population: 8, suppressed: true,
      stages: { inactive: null, observer: null, contributor: null, steady: null, connector: null, ambassador: null },
      hidden: { contributor: 'complement', ambassador: 'numerator' },
    });
    const byLocation = await get<AmbassadorsResponse>('/api/engagement/ambassadors?from=2026-03-02&to=2026-03-03&by=location');
    // rome: s1 s2 a1 = 3 people; oslo: 5, all contributors ("all of oslo" is a statement about each: hidden)
    expect(byLocation.weeks[0].groups.map((g) => [g.group, g.population, g.stages.contributor])).toEqual([['oslo', 5, null], ['rome', 3, null]]);
  });

  it('returns leader responsiveness', async () => {
    const body = await get<LeaderResponsivenessResponse>('/api/engagement/leaders?from=2026-02-23&to=2026-03-03');
    const all = body.groups.find((g) => g.kind === 'all')!;
    // q1 answered after 24 h (by C), fb-1 after 5 h (by L), fb-2 open; 3 askers (e2 s1 e3). Before issue 11
    // the answered share and the median (14.5 h) were shown: they describe the 2 leaders who replied, < 3
    expect(all).toMatchObject({ group: '', raised: 3, answered: null, answered_share: null, median_reply_hours: null, hidden_reason: null, answers_hidden: 'numerator' });
    // the queue at the end of 03-03 is fb-2 alone (age 2.6 days, one asker): hidden
    expect(all.queue_total).toBeNull();
    expect(all.suppressed).toBe(true);
    // per kind, fewer than 3 askers: hidden
    expect(body.groups.find((g) => g.kind === 'qa')).toMatchObject({ raised: null, answered_share: null, suppressed: true });
    expect(body.days.every((d) => d.raised === null)).toBe(true);
  });

  it('nothing a reader can derive from the views describes 1..k−1 people (issue 11)', async () => {
    const small = (n: number) => n >= 1 && n < 3;
    const found: string[] = [];
    /** One family's shown (x, n) per group beside the organisation's: each, org − each, org − all shown. */
    const check = (what: string, org: [number, number] | null, groups: [string, number, number][]) => {
      const sets: [string, number, number][] = [...groups];
      if (org) {
        for (const [g, x, n] of groups) sets.push([`org − ${g}`, org[0] - x, org[1] - n]);
        sets.push(['org − shown', org[0] - groups.reduce((a, g) => a + g[1], 0), org[1] - groups.reduce((a, g) => a + g[2], 0)]);
        sets.push(['org', org[0], org[1]]);
      }
      for (const [g, x, n] of sets) if (n > 0 && (small(x) || small(n - x))) found.push(`${what} ${g}: ${x} of ${n}`);
    };
    const days = ['2026-03-02', '2026-03-03'];
    const purposes = await Promise.all((['org', 'department', 'location'] as const).map((by) => get<PurposesResponse>(`/api/engagement/purposes?from=2026-03-02&to=2026-03-03&by=${by}`)));
    for (const index of purposes[0].indices) {
      for (const day of days) {
        const shown = (r: PurposesResponse) =>
          r.indices.find((i) => i.purpose === index.purpose)!.groups.flatMap((g) => {
            const p = g.days.find((d) => d.day === day);
            // a rate beside its denominator is its numerator (before issue 11: inform's 28.57 % of 7 = 2)
            const x = p?.numerator ?? (p?.value != null && p.denominator !== null ? Math.round((p.value * p.denominator) / 100) : null);
            return p && x !== null && p.denominator !== null ? [[g.group, x, p.denominator] as [string, number, number]] : [];
          });
        const org = shown(purposes[0])[0];
        for (const r of purposes.slice(1)) check(`${index.purpose} ${day} ${r.by}`, org ? [org[1], org[2]] : null, shown(r));
      }
    }
    const tables = async <R extends { group: string; population: number | null }>(path: string, rowsOf: (body: never) => R[], cells: (r: R) => Record<string, number | null>) => {
      const [org, ...families] = await Promise.all(['org', 'department', 'location'].map((by) => get<never>(`${path}&by=${by}`)));
      const orgRow = rowsOf(org)[0];
      for (const body of families) {
        for (const key of Object.keys(cells(orgRow))) {
          const shown = rowsOf(body).flatMap((r) => (cells(r)[key] !== null && r.population !== null ? [[r.group, cells(r)[key]!, r.population] as [string, number, number]] : []));
          const o = cells(orgRow)[key];
          check(`${path} ${key}`, o !== null && orgRow.population !== null ? [o, orgRow.population] : null, shown);
        }
      }
      // within a row: the population minus the shown cells is the hidden cells together
      for (const body of [org, ...families]) {
        for (const r of rowsOf(body)) {
          if (r.population === null) continue;
          const values = Object.values(cells(r));
          const hidden = values.filter((v) => v === null).length;
          const rest = r.population - values.reduce<number>((a, v) => a + (v ?? 0), 0);
          if (hidden === 1 || (hidden > 1 && small(rest))) found.push(`${path} ${r.group}: ${hidden} hidden cells add up to ${rest}`);
        }
      }
    };
    type PersonaRow = PersonasResponse['weeks'][number]['groups'][number];
    type StageRow = AmbassadorsResponse['weeks'][number]['groups'][number];
    await tables('/api/engagement/personas?from=2026-03-02&to=2026-03-03', (b: PersonasResponse) => b.weeks[0].groups, (r: PersonaRow) => r.counts);
    await tables('/api/engagement/ambassadors?from=2026-03-02&to=2026-03-03', (b: AmbassadorsResponse) => b.weeks[0].groups, (r: StageRow) => r.stages);
    expect(found).toEqual([]);
  });

  it('never returns a person id or name', () => {
    const text = JSON.stringify(bodies);
    for (const p of PEOPLE) {
      expect(text).not.toContain(`"${p.person_id}"`);
      expect(text).not.toContain(p.name);
    }
  });
});
