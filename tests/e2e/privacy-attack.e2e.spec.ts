import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app-factory';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { hubEvent, signIn, testConfig, waitFor } from '@hubpulse/testing';
import { attack, type Claim, type Truth, type WindowClaim } from './privacy-attack.attacker';

/**
 * The adversarial privacy suite (issue 11, part 4): an organisation with deliberately tiny groups —
 * a one-person department (the CEO's), a two-person department, a manager with one report, the CEO's
 * tree (everyone but the CEO), a segment of 3, a channel used by 2, two goal-link scopes that differ by
 * the two-person department — read through the API as each non-admin role, then every subtraction of
 * the attacker (privacy-attack.attacker.ts) tried on what was released. The attacker knows the
 * fixture; it must find nothing.
 */
const K = 5;
const DAYS = Array.from({ length: 21 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
const FROM = DAYS[0];
const TO = DAYS.at(-1)!;

interface Person {
  person_id: string;
  name: string;
  department: string;
  location: string;
  manager_id: string | null;
  hired_at: string;
  is_leader: boolean;
}

/** The fixture organisation (see the describe's comment). */
function organisation(): Person[] {
  const people: Person[] = [];
  const add = (n: number, department: string, manager: number | null, location = 'Berlin') =>
    people.push({
      person_id: `p${n}`,
      name: `Person ${n}`,
      department,
      location,
      manager_id: manager === null ? null : `p${manager}`,
      hired_at: n <= 20 ? '2015-01-01' : '2025-06-01',
      is_leader: n === 1,
    });
  add(1, 'Executive', null);
  add(2, 'Sales', 1);
  add(3, 'Sales', 2); // manages only p4
  add(4, 'Sales', 3);
  for (let n = 5; n <= 10; n++) add(n, 'Sales', 4);
  for (let n = 11; n <= 14; n++) add(n, 'Sales', 2);
  add(15, 'Engineering', 1);
  for (let n = 16; n <= 30; n++) add(n, 'Engineering', 15);
  add(31, 'Legal', 1);
  add(32, 'Legal', 1);
  add(33, 'Support', 1);
  for (let n = 34; n <= 40; n++) add(n, 'Support', 33, n >= 38 ? 'Lisbon' : 'Berlin');
  return people;
}

/** Who did what: most people view most days; two people use the tasks channel; some comment. */
function activity(people: Person[]): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  people.forEach((p, i) => {
    DAYS.forEach((day, d) => {
      if ((i + d) % 3 === 0 && i !== 4) return; // p5 views every day
      events.push(hubEvent({ event_id: `v-${p.person_id}-${day}`, actor_id: p.person_id, type: 'view', channel: 'blog', purpose: d % 2 ? 'inform' : 'vision', occurred_at: `${day}T09:00:00Z` }));
    });
    if (i % 4 === 0) events.push(hubEvent({ event_id: `c-${p.person_id}`, actor_id: p.person_id, type: 'comment', channel: 'newsletter', purpose: 'engagement', occurred_at: `${DAYS[10]}T10:00:00Z` }));
  });
  for (const who of ['p16', 'p17']) events.push(hubEvent({ event_id: `t-${who}`, actor_id: who, type: 'task_update', channel: 'tasks', purpose: 'productivity', occurred_at: `${DAYS[19]}T11:00:00Z` }));
  return events;
}

describe('privacy under attack: every view, as every non-admin role (chDB + SQLite + Redis)', () => {
  const config = testConfig({ HUBPULSE_MIN_GROUP_SIZE: String(K) });
  const key = config.bootstrap.writeKey!;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let admin: string;
  const sessions: Record<string, string> = {};
  const people = organisation();
  const byId = new Map(people.map((p) => [p.person_id, p]));
  const everyone = new Set(people.map((p) => p.person_id));
  let segmentId = '';
  let goalId = '';
  const linkIds: string[] = [];
  /** Person ids with a score (raw > 0) per day: the contributors of a day's mean. */
  const scored = new Map<string, Set<string>>();

  const login = (email: string, password: string) => signIn(http, email, password);
  const get = async (cookie: string, path: string) => (await request(http).get(path).set('Cookie', cookie).expect(200)).body;

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    http = app.getHttpServer();
    const auth = app.get(AuthService);
    for (const role of ['leader', 'planner', 'analyst'] as const) await auth.createUser({ email: `${role}@test.local`, password: `${role} password 1`, name: role, role });
    admin = await login('admin@test.local', 'correct horse battery');
    for (const role of ['leader', 'planner', 'analyst']) sessions[role] = await login(`${role}@test.local`, `${role} password 1`);

    await request(http).put('/v1/people').set('Authorization', `Bearer ${key}`).send({ people }).expect(200);
    await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events: activity(people) }).expect(200);
    const { job_id } = (await request(http).post('/api/engagement/jobs').set('Cookie', admin).send({ kind: 'full' }).expect(201)).body;
    await waitFor(
      async () => ((await get(admin, '/api/engagement/jobs')) as { id: string; state: string }[]).find((j) => j.id === job_id && j.state === 'completed') ?? false,
      'score job',
      90_000,
    );
    const segment = await request(http)
      .post('/api/segments')
      .set('Cookie', admin)
      .send({ name: 'Lisbon', rule: { kind: 'attribute', field: 'location', op: 'in', values: ['Lisbon'] } })
      .expect(201);
    segmentId = segment.body.segment.id;
    await waitFor(async () => (await get(admin, `/api/segments/${segmentId}`)).membership_version !== null, 'segment computed', 60_000);
    const goal = await request(http)
      .post('/api/goals')
      .set('Cookie', admin)
      .send({ name: 'Revenue', metric: 'revenue', scope: 'organisation', unit_kind: 'currency', unit: 'EUR', baseline: 100, target: 160, target_type: 'increase_to', period_start: '2026-01-01', period_end: '2026-12-31', monthly_targets: [], owner: 'CFO' })
      .expect(201);
    goalId = goal.body.id;
    for (const departments of [['Sales', 'Engineering'], ['Sales', 'Engineering', 'Legal']]) {
      const link = await request(http).post(`/api/goals/${goalId}/links`).set('Cookie', admin).send({ kind: 'scope', scope: 'department', departments, hypothesis: 'engagement moves revenue' }).expect(201);
      linkIds.push(link.body.id);
    }
    for (const day of DAYS) {
      const rows = (await get(admin, `/api/engagement/people?day=${day}&limit=200`)) as { person_id: string; raw: number }[];
      scored.set(day, new Set(rows.filter((r) => r.raw > 0).map((r) => r.person_id)));
    }
  }, 240_000);

  afterAll(async () => {
    await app?.close();
  });

  /** The people of a group, as the fixture defines it. */
  const membersOf = (by: string, key: string): Set<string> => {
    const under = (m: string): string[] => people.filter((p) => p.manager_id === m).flatMap((p) => [p.person_id, ...under(p.person_id)]);
    switch (by) {
      case 'department':
        return new Set(people.filter((p) => p.department === key).map((p) => p.person_id));
      case 'location':
        return new Set(people.filter((p) => p.location === key).map((p) => p.person_id));
      case 'manager':
        return new Set(under(key));
      case 'tenure':
        // Two hiring dates, two bands (whatever day they are measured on): the 2015 hires are the 10+ years.
        return new Set(people.filter((p) => (p.hired_at === '2015-01-01') === (key === '10+ years')).map((p) => p.person_id));
      default:
        throw new Error(`fixture: no groups by ${by}`);
    }
  };

  const truth: Truth = (stat, who) => {
    const [kind, day] = stat.split('@');
    if (kind === 'people') return { counted: null, share: false };
    const s = scored.get(day) ?? new Set<string>();
    const counted = who.filter((p) => s.has(p)).length;
    return { counted, share: kind === 'active' };
  };

  /** Everything a reader with this session can collect from the views. */
  async function collect(cookie: string): Promise<{ claims: Claim[]; windows: WindowClaim[] }> {
    const claims: Claim[] = [{ what: 'directory', stat: 'people', people: everyone }];
    const windows: WindowClaim[] = [];
    for (const by of ['department', 'location', 'manager', 'tenure']) {
      for (const [from, to] of [[FROM, TO], [FROM, DAYS[19]], [DAYS[1], TO]]) {
        const dto = await get(cookie, `/api/engagement/groups?by=${by}&from=${from}&to=${to}`);
        for (const g of dto.groups as { key: string; people: number | null; mean_score: number | null; active_share: number | null; trend: { day: string; mean_score: number | null }[] }[]) {
          const set = membersOf(by, g.key);
          const what = `groups?by=${by} ${g.key}`;
          if (g.people !== null) claims.push({ what, stat: 'people', people: set });
          if (g.active_share !== null) claims.push({ what, stat: `active@${to}`, people: set });
          for (const t of g.trend) if (t.mean_score !== null) claims.push({ what: `${what} ${t.day}`, stat: `mean@${t.day}`, people: set });
        }
      }
    }
    for (const [from, to] of [[FROM, TO], [FROM, DAYS[19]], [DAYS[1], TO], [DAYS[14], TO]]) {
      const o = await get(cookie, `/api/overview?from=${from}&to=${to}`);
      if (o.totals.people !== null) claims.push({ what: 'overview people', stat: 'people', people: everyone });
      if (o.totals.active_people !== null) windows.push({ what: 'overview active', stat: 'active_people', group: 'org', from, to, value: o.totals.active_people });
      for (const e of o.engagement as { day: string; people: number | null }[]) {
        const start = new Date(Date.parse(e.day) - 6 * 86_400_000).toISOString().slice(0, 10);
        if (e.people !== null) windows.push({ what: `overview 7-day active ${e.day}`, stat: 'active_people', group: 'org', from: start, to: e.day, value: e.people });
      }
      for (const c of o.by_channel as { channel: string; active_people: number | null }[]) {
        if (c.active_people !== null) windows.push({ what: `overview ${c.channel}`, stat: 'active_people', group: `channel:${c.channel}`, from, to, value: c.active_people });
      }
    }
    const segments = await get(cookie, '/api/segments');
    for (const s of segments.segments as { id: string; size: number | null }[]) {
      if (s.id === segmentId && s.size !== null) claims.push({ what: 'segment Lisbon', stat: 'people', people: membersOf('location', 'Lisbon') });
    }
    for (const [i, linkId] of linkIds.entries()) {
      const a = await get(cookie, `/api/goals/${goalId}/links/${linkId}/analysis`);
      const set = new Set([...membersOf('department', 'Sales'), ...membersOf('department', 'Engineering'), ...(i === 1 ? membersOf('department', 'Legal') : [])]);
      if (a.audience_size !== null) claims.push({ what: `link ${i}`, stat: 'people', people: set });
    }
    return { claims, windows };
  }

  it('the attacker finds a planted hole (it can fail)', () => {
    const sales = membersOf('department', 'Sales');
    const found = attack(
      [
        { what: 'Sales', stat: 'people', people: sales },
        { what: 'tree p3', stat: 'people', people: membersOf('manager', 'p3') },
        { what: 'tree p4', stat: 'people', people: membersOf('manager', 'p4') },
      ],
      truth,
      K,
      [
        { what: 'a', stat: 'active_people', group: 'org', from: FROM, to: TO, value: 30 },
        { what: 'b', stat: 'active_people', group: 'org', from: FROM, to: DAYS[19], value: 28 },
      ],
    );
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/tree p3 − tree p4 \[people\]: describes 1 people/), expect.stringMatching(/= 2 people/)]));
  });

  for (const role of ['leader', 'analyst', 'planner']) {
    it(`as ${role}: nothing derived from the views describes fewer than ${K} people`, async () => {
      const { claims, windows } = await collect(sessions[role]);
      expect(claims.length).toBeGreaterThan(10); // the views did show numbers
      expect(attack(claims, truth, K, windows)).toEqual([]);
    }, 120_000);
  }
});
