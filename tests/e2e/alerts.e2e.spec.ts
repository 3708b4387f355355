import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { ClickHouseService } from '@hubpulse/clickhouse';
import type { AlertDto, AlertHistoryDto, AuditLogEntryDto, PurposesResponse } from '@hubpulse/contracts';
import { QueueName } from '@hubpulse/queue';
import { decodeHeader, mimeLeaves, parseMime, RELATIONAL_STORES, signIn, startSmtpCatcher, testConfig, waitFor, type SmtpCatcher } from '@hubpulse/testing';
import { createApiApp } from '../../apps/api/src/app-factory';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { insertPatternFixture } from '../integration/patterns.fixture';

/** A local Slack-shaped webhook receiver that keeps every body it gets. */
async function hookServer() {
  const got: { path: string; body: { text?: string } }[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      got.push({ path: req.url ?? '', body: JSON.parse(raw) as { text?: string } });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T0/B0/secret-path`, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/**
 * Alerts (issue 14) end to end on chDB + SQLite / PostgreSQL + Redis with inline workers, a real SMTP server and a
 * local webhook: KPI writes through the API move a goal's status and its alert fires once, holds
 * under the cooldown, resolves; score jobs move a purpose index across a threshold; withheld indices
 * (fewer than k = 3 people) never fire and are never sent.
 */
describe.each(RELATIONAL_STORES)('alerts (chDB + %s + Redis, real SMTP)', (_name, relational) => {
  let drop: () => Promise<void>;
  let smtp: SmtpCatcher;
  let hook: Awaited<ReturnType<typeof hookServer>>;
  let app: INestApplication;
  let server: ReturnType<INestApplication['getHttpServer']>;
  let admin: string;
  let leader: string;
  let planner: string;
  let analyst: string;
  let queues: Queue[];
  let ch: ClickHouseService;

  /** Waits until no alert, score or segment job is waiting or running (the schedulers' next runs stay delayed: not counted, but alert retries are). */
  const settle = () =>
    waitFor(async () => {
      for (const q of queues) {
        const c = await q.getJobCounts('waiting', 'active', 'prioritized', ...(q.name === QueueName.Alerts ? (['delayed'] as const) : []));
        if (Object.values(c).some((n) => n > 0)) return false;
      }
      return true;
    }, 'the queues to drain', 60_000, 100);
  const alert = async (id: string) => (await request(server).get(`/api/alerts/${id}`).set('Cookie', admin).expect(200)).body as AlertDto;
  const history = async (id: string) => (await request(server).get(`/api/alerts/${id}/history`).set('Cookie', admin).expect(200)).body as AlertHistoryDto;
  const mailsTo = (email: string) => smtp.mails.filter((m) => m.to.includes(email)).map((m) => parseMime(m.raw));
  const subjects = (email: string) => mailsTo(email).map((m) => decodeHeader(m.headers.subject));
  const text = (m: ReturnType<typeof parseMime>) => mimeLeaves(m).find((p) => p.contentType === 'text/plain')!.body.toString('utf8');
  const putKpi = async (goalId: string, value: number) => {
    await request(server).put(`/api/goals/${goalId}/values/2026-03`).set('Cookie', leader).send({ value }).expect(200);
    await settle();
  };
  /** A 2026 revenue goal from 100 to 200: March expects 124.66 (a quarter of the way). */
  const createGoal = async (cookie: string, name: string) =>
    (
      await request(server)
        .post('/api/goals')
        .set('Cookie', cookie)
        .send({ name, metric: 'revenue', scope: 'organisation', unit_kind: 'currency', unit: 'EUR', baseline: 100, target: 200, target_type: 'increase_to', period_start: '2026-01-01', period_end: '2026-12-31' })
        .expect(201)
    ).body as { id: string };
  const scoreRun = async () => {
    await request(server).post('/api/engagement/jobs').set('Cookie', admin).send({ kind: 'full' }).expect(201);
    await settle();
  };

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    hook = await hookServer();
    const r = await relational();
    drop = r.drop;
    app = await createApiApp(testConfig({ ...r.env, HUBPULSE_WEBHOOK_HOSTS: '127.0.0.1,hooks.slack.com', HUBPULSE_MIN_GROUP_SIZE: '3', HUBPULSE_SMTP_URL: smtp.url, HUBPULSE_PUBLIC_URL: 'https://hubpulse.example' }), { logger: ['error'] });
    server = app.getHttpServer();
    queues = [QueueName.Alerts, QueueName.Scores, QueueName.Segments].map((q) => app.get<Queue>(getQueueToken(q)));
    ch = app.get(ClickHouseService);
    const auth = app.get(AuthService);
    await auth.createUser({ email: 'leader@test.local', password: 'leader password 1', name: 'Lee', role: 'leader' });
    await auth.createUser({ email: 'planner@test.local', password: 'planner password 1', name: 'Pia', role: 'planner' });
    await auth.createUser({ email: 'analyst@test.local', password: 'analyst password 1', name: 'Ana', role: 'analyst' });
    admin = await signIn(server, 'admin@test.local', 'correct horse battery');
    leader = await signIn(server, 'leader@test.local', 'leader password 1');
    planner = await signIn(server, 'planner@test.local', 'planner password 1');
    analyst = await signIn(server, 'analyst@test.local', 'analyst password 1');
    await insertPatternFixture(ch);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await hook?.close();
    await smtp?.close();
    await drop?.();
  });

  it('checks who may create what, and names each bad field', async () => {
    await request(server).get('/api/alerts').set('Cookie', analyst).expect(403);
    const bad = await request(server).post('/api/alerts').set('Cookie', leader).send({ name: '', kind: 'index', level: 140, group_by: 'department', webhooks: [{ kind: 'slack', url: 'ftp://x' }] }).expect(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining(['name: must not be empty', 'level: must be between 0 and 100', 'webhooks.0.url: must be an http(s) URL']),
    );
    const whole = await request(server).post('/api/alerts').set('Cookie', leader).send({ name: 'x', kind: 'index', group_by: 'department' }).expect(400);
    expect(whole.body.message).toEqual(
      expect.arrayContaining([expect.stringMatching(/^purpose: is required/), expect.stringMatching(/^direction: is required/), expect.stringMatching(/^level: is required/), 'group: is required for group_by department', 'recipients: give at least one recipient or webhook']),
    );
    const who = await request(server).post('/api/alerts').set('Cookie', leader).send({ name: 'x', kind: 'index', purpose: 'vision', direction: 'below', level: 10, recipients: ['nobody@test.local'] }).expect(400);
    expect(who.body.message).toEqual(['recipients[0]: no Hubpulse user has the email nobody@test.local']);
    // webhooks only to the allowed hosts (HUBPULSE_WEBHOOK_HOSTS), plain http only to one named there
    const hosts = 'webhooks may go to 127.0.0.1, hooks.slack.com (HUBPULSE_WEBHOOK_HOSTS)';
    const internal = await request(server).post('/api/alerts').set('Cookie', leader).send({ name: 'x', kind: 'index', purpose: 'vision', direction: 'below', level: 10, webhooks: [{ kind: 'slack', url: 'https://hooks.slack.com/services/T/B/x' }, { kind: 'webhook', url: 'http://localhost:6379/x' }, { kind: 'webhook', url: 'https://metadata.google.internal/x' }] }).expect(400);
    expect(internal.body.message).toEqual([`webhooks.1.url: must be an https:// URL (plain http:// only to a host listed by name); ${hosts}`, `webhooks.2.url: the host metadata.google.internal is not allowed; ${hosts}`]);
    const ok = (await request(server).post('/api/alerts').set('Cookie', leader).send({ name: 'Hooked', kind: 'index', purpose: 'vision', direction: 'below', level: 10, enabled: false, webhooks: [{ kind: 'slack', url: 'https://hooks.slack.com/services/T/B/x' }] }).expect(201)).body as { id: string };
    const moved = await request(server).patch(`/api/alerts/${ok.id}`).set('Cookie', leader).send({ webhooks: [{ kind: 'slack', url: 'https://10.0.0.5/services/x' }] }).expect(400);
    expect(moved.body.message).toEqual([`webhooks.0.url: the host 10.0.0.5 is not allowed; ${hosts}`]);
    await request(server).delete(`/api/alerts/${ok.id}`).set('Cookie', leader).expect(204);
    const goal = await request(server).post('/api/alerts').set('Cookie', planner).send({ name: 'x', kind: 'goal_status', goal_id: 'g', recipients: ['planner@test.local'] }).expect(403);
    expect(goal.body.message).toMatch(/^kind: alerts on goals are for Admin or Leadership/);
  });

  it('fires once when a KPI write changes a goal’s status, holds under the cooldown, resolves, and records it all', async () => {
    const goal = await createGoal(leader, 'Grow revenue');
    const created = (
      await request(server)
        .post('/api/alerts')
        .set('Cookie', leader)
        .send({ name: 'Revenue slipping', kind: 'goal_status', goal_id: goal.id, recipients: ['leader@test.local', 'analyst@test.local'], webhooks: [{ kind: 'slack', url: hook.url }] })
        .expect(201)
    ).body as AlertDto;
    expect(created).toMatchObject({ statuses: ['at_risk', 'off_track'], cooldown_hours: 24, condition: 'Status of "Grow revenue" is At risk or Off track', webhooks: [{ kind: 'slack', target: new URL(hook.url).host }], state: 'ok' });
    expect(JSON.stringify(created)).not.toContain('secret-path');
    const audit = ((await request(server).get('/api/audit').query({ action: 'alert.create', limit: 1 }).set('Cookie', admin).expect(200)).body as AuditLogEntryDto[])[0];
    expect(audit).toMatchObject({ actor: 'leader@test.local', target: `alert:${created.id}` });
    expect(JSON.stringify(audit)).not.toContain('secret-path');
    await settle();
    expect(await alert(created.id)).toMatchObject({ state: 'ok', last_value: null, last_reason: 'No KPI value in the period yet.' });

    // March expects 124.66 (a quarter of the way): 120 is on track, 112 at risk (12.7 % short), 100 off track
    await putKpi(goal.id, 120);
    expect(await alert(created.id)).toMatchObject({ state: 'ok', last_value: 'On track' });
    await putKpi(goal.id, 112);
    expect(await alert(created.id)).toMatchObject({ state: 'firing', last_value: 'At risk' });
    expect(subjects('leader@test.local')).toEqual(['Firing: Revenue slipping']);
    expect(subjects('analyst@test.local')).toEqual(['Firing: Revenue slipping']);
    const mail = text(mailsTo('leader@test.local')[0]);
    expect(mail).toContain('Now: At risk');
    expect(mail).toContain('Before: On track');
    expect(mail).toContain(`https://hubpulse.example/strategy/goals/${goal.id}`);
    expect(hook.got.map((h) => [h.path, h.body.text])).toEqual([['/services/T0/B0/secret-path', 'Firing: Revenue slipping']]);

    // a recipient deactivated since: checked again at each send, skipped with the reason recorded
    const users = (await request(server).get('/api/users').set('Cookie', admin).expect(200)).body as { users: { id: string; email: string }[] };
    const ana = users.users.find((u) => u.email === 'analyst@test.local')!;
    await request(server).patch(`/api/users/${ana.id}`).set('Cookie', admin).send({ active: false }).expect(200);

    // still at risk: nothing; off track inside the cooldown: held
    await putKpi(goal.id, 113);
    await putKpi(goal.id, 100);
    expect(await alert(created.id)).toMatchObject({ state: 'firing', last_value: 'Off track' });
    expect(subjects('leader@test.local')).toHaveLength(1);

    // back on track: resolved is sent (it closes what they were told)
    await putKpi(goal.id, 125);
    expect(await alert(created.id)).toMatchObject({ state: 'resolved', last_value: 'On track' });
    expect(subjects('leader@test.local')).toEqual(['Firing: Revenue slipping', 'Resolved: Revenue slipping']);

    // off track again inside the cooldown: no re-fire, the state stays resolved
    await putKpi(goal.id, 100);
    expect(await alert(created.id)).toMatchObject({ state: 'resolved', last_value: 'Off track' });
    expect(subjects('leader@test.local')).toHaveLength(2);
    // without a cooldown it fires at the next evaluation (an edit evaluates at once)
    await request(server).patch(`/api/alerts/${created.id}`).set('Cookie', leader).send({ cooldown_hours: 0 }).expect(200);
    await settle();
    expect(await alert(created.id)).toMatchObject({ state: 'firing', last_value: 'Off track', cooldown_hours: 0 });
    expect(subjects('leader@test.local')).toEqual(['Firing: Revenue slipping', 'Resolved: Revenue slipping', 'Firing: Revenue slipping']);
    expect(hook.got).toHaveLength(3);

    const h = await history(created.id);
    expect(h.transitions.map((t) => [t.from, t.to, t.notification, t.value]).reverse()).toEqual([
      ['ok', 'firing', 'firing', 'At risk'],
      ['firing', 'resolved', 'resolved', 'On track'],
      ['resolved', 'firing', 'firing', 'Off track'],
    ]);
    expect(h.deliveries.filter((d) => d.status === 'sent')).toHaveLength(7);
    expect(h.deliveries.filter((d) => d.status === 'skipped').map((d) => [d.target, d.error])).toEqual([
      ['analyst@test.local', 'the user is deactivated'],
      ['analyst@test.local', 'the user is deactivated'],
    ]);
    expect(subjects('analyst@test.local')).toEqual(['Firing: Revenue slipping']);
    expect(new Set(h.deliveries.map((d) => d.run_key))).toEqual(new Set(h.transitions.map((t) => t.id)));
  }, 180_000);

  it('fires when the chance of meeting a goal falls below a level, and resolves when it recovers', async () => {
    const goal = await createGoal(admin, 'Cut costs');
    const a = (await request(server).post('/api/alerts').set('Cookie', admin).send({ name: 'Costs unlikely', kind: 'goal_probability', goal_id: goal.id, level: 50, recipients: ['leader@test.local'], cooldown_hours: 0 }).expect(201)).body as AlertDto;
    await settle();
    expect(await alert(a.id)).toMatchObject({ state: 'ok', last_value: null, last_reason: 'too few points: n=0, need ≥ 3' });
    // flat: no chance of reaching 200 by December
    await request(server).post(`/api/goals/${goal.id}/values`).set('Cookie', admin).send({ values: [{ period: '2026-01', value: 100 }, { period: '2026-02', value: 101 }, { period: '2026-03', value: 100 }] }).expect(201);
    await settle();
    const card = ((await request(server).get('/api/goals').set('Cookie', admin).expect(200)).body as { goals: { id: string; probability_of_meeting_target: number }[] }).goals.find((g) => g.id === goal.id)!;
    expect(card.probability_of_meeting_target).toBeLessThan(0.5);
    expect(await alert(a.id)).toMatchObject({ state: 'firing', last_value: `${Math.round(card.probability_of_meeting_target * 1000) / 10} %` });
    // steep growth: the chance recovers
    await request(server).post(`/api/goals/${goal.id}/values`).set('Cookie', admin).send({ values: [{ period: '2026-02', value: 130 }, { period: '2026-03', value: 160 }] }).expect(201);
    await settle();
    expect(await alert(a.id)).toMatchObject({ state: 'resolved' });
    expect(subjects('leader@test.local').filter((s) => s.endsWith('Costs unlikely'))).toEqual(['Firing: Costs unlikely', 'Resolved: Costs unlikely']);
  });

  it('fires when a score run moves a purpose index across its threshold; a withheld index never fires or is sent', async () => {
    const create = async (cookie: string, body: Record<string, unknown>) => (await request(server).post('/api/alerts').set('Cookie', cookie).send(body).expect(201)).body as AlertDto;
    const vision = await create(leader, { name: 'Vision up', kind: 'index', purpose: 'vision', direction: 'above', level: 50, recipients: ['leader@test.local'], cooldown_hours: 0 });
    // inform, organisation: 2 readers of 7 on 03-03 (numerator below k); sales: 2 people
    const informOrg = await create(planner, { name: 'Inform low', kind: 'index', purpose: 'inform', direction: 'below', level: 90, recipients: ['planner@test.local'] });
    const informSales = await create(planner, { name: 'Sales inform low', kind: 'index', purpose: 'inform', direction: 'below', level: 90, group_by: 'department', group: 'sales', recipients: ['planner@test.local'] });

    await scoreRun();
    const page = (await request(server).get('/api/engagement/purposes?from=2026-03-03&to=2026-03-03').set('Cookie', leader).expect(200)).body as PurposesResponse;
    const before = page.indices.find((i) => i.purpose === 'vision')!.groups[0].latest!;
    expect(before.value).toBe(42.86);
    expect(await alert(vision.id)).toMatchObject({ state: 'ok', last_value: '42.86' });

    // one more person reacts to the CEO's post on 03-03: 4 of 7
    await ch.client.insert({
      table: ch.tables.events,
      format: 'JSONEachRow',
      values: [{ event_id: 'v-more', type: 'react', actor_id: 'e1', occurred_at: '2026-03-03 08:00:00.000', content_id: 'ceo-1', channel: 'ceo_blog', purpose: 'vision', target_actor_id: '', properties: '{}' }],
    });
    await scoreRun();
    expect(await alert(vision.id)).toMatchObject({ state: 'firing', last_value: '57.14' });
    const mails = mailsTo('leader@test.local').filter((m) => decodeHeader(m.headers.subject) === 'Firing: Vision up');
    expect(mails).toHaveLength(1);
    expect(text(mails[0])).toContain('Now: 57.14');
    expect(text(mails[0])).toContain('Before: 42.86');
    expect(text(mails[0])).toContain('Shared vision index of the organisation above 50');

    // a second run on unchanged data: nothing new (idempotent)
    await scoreRun();
    expect(mailsTo('leader@test.local').filter((m) => decodeHeader(m.headers.subject) === 'Firing: Vision up')).toHaveLength(1);

    // raising the level above the value resolves it, and says so
    await request(server).patch(`/api/alerts/${vision.id}`).set('Cookie', leader).send({ level: 60 }).expect(200);
    await settle();
    expect(await alert(vision.id)).toMatchObject({ state: 'resolved' });
    expect(subjects('leader@test.local')).toContain('Resolved: Vision up');

    for (const withheld of [informOrg, informSales]) {
      const a = await alert(withheld.id);
      expect(a).toMatchObject({ state: 'ok', last_value: null, last_notified_at: null });
      expect(a.last_evaluated_at).not.toBeNull();
      expect(a.last_reason).toBeTruthy();
      expect(await history(withheld.id)).toEqual({ alert_id: withheld.id, transitions: [], deliveries: [] });
    }
    expect(mailsTo('planner@test.local')).toHaveLength(0);
  }, 180_000);

  it('lets the owner or an admin change and delete an alert, nobody else', async () => {
    const a = (await request(server).post('/api/alerts').set('Cookie', planner).send({ name: 'Mine', kind: 'index', purpose: 'engagement', direction: 'below', level: 20, recipients: ['planner@test.local'] }).expect(201)).body as AlertDto;
    expect((await request(server).get('/api/alerts').set('Cookie', leader).expect(200)).body.find((x: AlertDto) => x.id === a.id)).toMatchObject({ can_edit: false, owner: { email: 'planner@test.local' } });
    await request(server).patch(`/api/alerts/${a.id}`).set('Cookie', leader).send({ level: 30 }).expect(403);
    await request(server).patch(`/api/alerts/${a.id}`).set('Cookie', planner).send({ kind: 'goal_status', goal_id: 'x' }).expect(403);
    await request(server).delete(`/api/alerts/${a.id}`).set('Cookie', admin).expect(204);
    await request(server).get(`/api/alerts/${a.id}`).set('Cookie', admin).expect(404);
    await settle();
  });
});
