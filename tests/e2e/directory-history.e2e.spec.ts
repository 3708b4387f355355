import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app-factory';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { toRangeParams, type GroupScoresDto, type OverviewResponse } from '@hubpulse/contracts';
import { hubEvent, runFullScoreJob, signIn, testConfig, waitFor } from '@hubpulse/testing';

/**
 * History as it was (issue 15). Sales (s1..s10 and mv), Operations (o1..o8) and Marketing (m1..m8)
 * act on 1–3 March 2026, k = 5. Then mv moves from Sales to Operations (from 1 June): Sales' figures of
 * March are unchanged as it was, and as of today they are no longer Sales' (hidden: set beside
 * Sales as it was, they would give mv's score). Then four more move (from 1 July): five people apart,
 * both versions show, and as of today Sales' March is the six who stayed.
 */
describe('Directory history: group views count each day under the group as it was (issue 15)', () => {
  const config = testConfig();
  const key = config.bootstrap.writeKey!;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let admin: string;
  let analyst: string;

  const ids = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i + 1}`);
  const sales = [...ids('s', 10), 'mv'];
  const person = (id: string, department: string, effective_at?: string) => ({ person_id: id, name: `Person ${id}`, department, location: 'Berlin', hired_at: '2020-01-15', ...(effective_at ? { effective_at } : {}) });
  const people = [...sales.map((id) => person(id, 'Sales')), ...ids('o', 8).map((id) => person(id, 'Operations')), ...ids('m', 8).map((id) => person(id, 'Marketing'))];
  const groups = async (attribution?: string, from = '2026-03-01', to = '2026-03-03') => (await request(http).get('/api/engagement/groups').query({ by: 'department', from, to, ...(attribution ? { attribution } : {}) }).set('Cookie', analyst).expect(200)).body as GroupScoresDto;
  const trend = (dto: GroupScoresDto, dept: string) => dto.groups.find((g) => g.key === dept)?.trend.map((t) => t.mean_score ?? t.hidden_reason);
  const putPeople = (body: object) => request(http).put('/v1/people').set('Authorization', `Bearer ${key}`).send(body);

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    http = app.getHttpServer();
    await app.get(AuthService).createUser({ email: 'analyst@test.local', password: 'analyst password 1', name: 'Ana Lyst', role: 'analyst' });
    admin = await signIn(http, 'admin@test.local', 'correct horse battery');
    analyst = await signIn(http, 'analyst@test.local', 'analyst password 1');
    await putPeople({ people: people.map((p) => ({ ...p, effective_at: '2020-01-15' })) }).expect(200);
    // everyone posts on each day, a different number of times (distinct scores)
    const events = people.flatMap((p, i) => ['01', '02', '03'].flatMap((d) => Array.from({ length: (i % 4) + 1 }, (_, j) => hubEvent({ event_id: `${p.person_id}-${d}-${j}`, type: 'post', actor_id: p.person_id, occurred_at: `2026-03-${d}T09:00:00Z` }))));
    await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events }).expect(200);
    expect((await runFullScoreJob(http, admin)).state).toBe('completed');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('a person moving from Sales to Operations leaves Sales’ past figures unchanged as it was, while as of today they move', async () => {
    const before = await groups();
    expect(before.attribution).toBe('as_it_was');
    const salesBefore = trend(before, 'Sales')!;
    expect(salesBefore.every((v) => typeof v === 'number')).toBe(true);
    expect(await groups('today')).toMatchObject({ attribution: 'today', groups: before.groups });

    await putPeople({ people: [person('mv', 'Operations', '2026-06-01')] }).expect(200);
    const after = await groups();
    expect(trend(after, 'Sales')).toEqual(salesBefore);
    expect(trend(after, 'Operations')).toEqual(trend(before, 'Operations'));
    // As of today mv is in Operations on 1–3 March; Sales of today and Sales as it was differ by mv
    // alone, so today's version is hidden on those days (subtracting would give mv's score).
    const today = await groups('today');
    expect(trend(today, 'Sales')).toEqual(['moved', 'moved', 'moved']);
    expect(trend(today, 'Operations')).toEqual(['moved', 'moved', 'moved']);

    // Across days: Sales after the move (10) beside Sales before it (11) would give mv too, so the
    // version after is hidden on every day it describes, in both attributions, its size with it.
    for (const attribution of ['as_it_was', 'today']) {
      const june = await groups(attribution, '2026-05-30', '2026-06-02');
      expect(trend(june, 'Sales')).toEqual([...(attribution === 'today' ? ['moved', 'moved'] : [null, null]), 'moved', 'moved'].map((v) => v ?? expect.anything()));
      expect(june.groups.find((g) => g.key === 'Sales')).toMatchObject({ people: null, hidden_reason: 'moved' });
    }

    // Four more leave Sales from 1 July: five apart, both versions show, and they differ.
    await putPeople({ people: ['s7', 's8', 's9', 's10'].map((id) => person(id, 'Operations', '2026-07-01')) }).expect(200);
    expect(trend(await groups(), 'Sales')).toEqual(salesBefore);
    const moved = trend(await groups('today'), 'Sales')!;
    expect(moved.every((v) => typeof v === 'number')).toBe(true);
    expect(moved).not.toEqual(salesBefore);
    // the people of each row are those of the last day, in each version
    expect((await groups()).groups.find((g) => g.key === 'Sales')?.people).toBe(11);
    expect((await groups('today')).groups.find((g) => g.key === 'Sales')?.people).toBe(6);
  });

  it('effective_at: a date or date-time, not in the future; a 400 names the field', async () => {
    const future = await putPeople({ people: [person('o1', 'Sales', '2999-01-01')] }).expect(400);
    expect(future.body.message).toEqual(['people.0.effective_at: must not be in the future']);
    const bad = await putPeople({ people: [person('o1', 'Sales', 'last tuesday')] }).expect(400);
    expect(bad.body.message[0]).toMatch(/^people\.0\.effective_at: must be an ISO 8601 date/);
  });

  it('people imports carry effective_at: the rows of a person are their history, in order of their days', async () => {
    const csv = ['person_id,name,department,location,effective_at', 'imp1,Imp One,Operations,Oslo,2024-05-01', 'imp1,Imp One,Sales,Oslo,2019-02-01', 'imp1,Imp One,Marketing,Oslo,2022-01-01', 'imp2,Imp Two,Sales,Oslo,3000-01-01'].join('\n');
    const queued = (await request(http).post('/api/imports?kind=people&format=csv').set('Cookie', admin).set('Content-Type', 'application/octet-stream').send(Buffer.from(csv)).expect(202)).body.import as { id: string };
    const done = await waitFor(async () => {
      const view = (await request(http).get(`/api/imports/${queued.id}`).set('Cookie', admin).expect(200)).body.import as { status: string };
      return view.status === 'done' || view.status === 'failed' ? view : null;
    }, 'people import');
    expect(done.status).toBe('done');
    const errors = (await request(http).get(`/api/imports/${queued.id}/errors`).set('Cookie', admin).expect(200)).text;
    expect(errors).toMatch(/5,.*effective_at: must not be in the future/);
    const history = (await request(http).get('/api/directory/people/imp1/history').set('Cookie', admin).expect(200)).body as { stints: { department: string; valid_from: string; valid_to: string | null }[] };
    expect(history.stints.map((s) => [s.department, s.valid_from, s.valid_to])).toEqual([
      ['Sales', '2019-02-01', '2022-01-01'],
      ['Marketing', '2022-01-01', '2024-05-01'],
      ['Operations', '2024-05-01', null],
    ]);
  });

  it('GET /api/directory/people/:personId/history: the stints of one person, for admins, audited', async () => {
    const res = await request(http).get('/api/directory/people/mv/history').set('Cookie', admin).expect(200);
    expect(res.body).toEqual({
      person_id: 'mv',
      stints: [
        { department: 'Sales', location: 'Berlin', manager_id: '', title: '', valid_from: '2020-01-15', valid_to: '2026-06-01' },
        { department: 'Operations', location: 'Berlin', manager_id: '', title: '', valid_from: '2026-06-01', valid_to: null },
      ],
    });
    await request(http).get('/api/directory/people/mv/history').set('Cookie', analyst).expect(403);
    await request(http).get('/api/directory/people/nobody/history').set('Cookie', admin).expect(404);
    const audit = (await request(http).get('/api/audit').query({ action: 'directory.person.history' }).set('Cookie', admin).expect(200)).body as { target: string }[];
    expect(audit[0]).toMatchObject({ target: 'person:mv' });
  });
});

describe('"All" over the whole span of the data: 13 years (issue 15)', () => {
  const config = testConfig();
  const key = config.bootstrap.writeKey!;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let admin: string;

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    http = app.getHttpServer();
    admin = await signIn(http, 'admin@test.local', 'correct horse battery');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('stores a batch spanning 157 monthly partitions, and the overview accepts the span from the first event', async () => {
    // One event a month from June 2013 to June 2026, in one request: one INSERT over 157 partitions.
    const events = Array.from({ length: 157 }, (_, i) => {
      const d = new Date(Date.UTC(2013, 5 + i, 1, 9));
      return hubEvent({ event_id: `m-${i}`, actor_id: `p${i % 7}`, occurred_at: d.toISOString() });
    });
    expect((await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events }).expect(200)).body).toEqual({ accepted: 157, rejected: [] });

    const anchor = (await request(http).get('/api/overview').set('Cookie', admin).expect(200)).body as OverviewResponse;
    expect(anchor).toMatchObject({ range: { to: '2026-06-01' }, data_from: '2013-06-01' });
    const params = toRangeParams({ kind: 'all' }, anchor.range.to, anchor.data_from)!;
    expect(params).toEqual({ from: '2013-06-01', to: '2026-06-01' });
    const all = (await request(http).get('/api/overview').query(params).set('Cookie', admin).expect(200)).body as OverviewResponse;
    expect(all.range).toEqual(params);
    // before the data began, a range over ten years is still refused, naming the field
    const bad = await request(http).get('/api/overview').query({ from: '2012-01-01', to: '2026-06-01' }).set('Cookie', admin).expect(400);
    expect(bad.body.message).toEqual(['from: a range over 10 years must start on or after the first event day (2013-06-01)']);
  }, 120_000);
});
