import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { addDays, PAGE_ACCESS, type AuditLogEntryDto, type DeliveryDto, type OverviewResponse, type SavedViewDto, type ScheduleDto, type ScheduleSendResultDto } from '@hubpulse/contracts';
import { SavedViewsRepository, SchedulesRepository, UsersRepository } from '@hubpulse/database';
import { decodeHeader, hubEvent, mimeLeaves, parseMime, RELATIONAL_STORES, signIn, startSmtpCatcher, startWebhookCatcher, testConfig, type SmtpCatcher } from '@hubpulse/testing';
import { createApiApp } from '../../apps/api/src/app-factory';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { DeliveryService } from '../../apps/api/src/delivery';
import { ExportViewsService } from '../../apps/api/src/exports/export-views.service';
import { PAGE_EXPORTS, ScheduleContentService } from '../../apps/api/src/schedules/schedule-content.service';
import { ScheduleClock, ScheduleRunner } from '../../apps/api/src/schedules/schedule-runner.service';

/** A webhook receiver answering `status`, at a URL whose path is a secret. */
async function hookServer(status: number) {
  const c = await startWebhookCatcher([status]);
  return { url: `${c.base}/services/T1/B2/secretpath`, get got() { return c.got.map((g) => g.body); }, close: c.close };
}

/**
 * Scheduled reports end to end on chDB + SQLite / PostgreSQL + Redis (issue 14): a real SMTP server
 * receives the report with its files; 08:00 Europe/Berlin fires once a day across the spring change
 * (the scheduler's clock driven, two schedulers racing); unchanged content is skipped; a recipient who
 * lost the role stops receiving; a failing webhook is retried and shown failed; 400s name fields.
 */
describe.each(RELATIONAL_STORES)('scheduled reports (chDB + %s + Redis)', (_name, relational) => {
  let drop: () => Promise<void>;
  let app: INestApplication;
  let server: ReturnType<INestApplication['getHttpServer']>;
  let smtp: SmtpCatcher;
  let key: string;
  let admin: string;
  let analyst: string;
  let ids: Record<string, string>;
  let clock: ScheduleClock;

  const post = async (cookie: string, path: string, body: unknown, status = 201) => (await request(server).post(path).set('Cookie', cookie).send(body as object).expect(status)).body;
  const history = async (cookie: string, id: string) => (await request(server).get(`/api/schedules/${id}/deliveries`).set('Cookie', cookie).expect(200)).body as DeliveryDto[];
  const view = (cookie: string, name: string, path: string, query = '') => post(cookie, '/api/saved-views', { name, path, query }) as Promise<SavedViewDto>;
  const ingest = (events: Record<string, unknown>[]) => request(server).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events }).expect(200);

  beforeAll(async () => {
    const r = await relational();
    drop = r.drop;
    smtp = await startSmtpCatcher();
    // a Chromium path that does not exist: PDFs are skipped with a note (the browser spec renders real ones)
    // the local webhook receivers are allowed by name (plain http only to hosts listed by name)
    const cfg = testConfig({ ...r.env, HUBPULSE_WEBHOOK_HOSTS: '127.0.0.1,*.webhook.office.com', HUBPULSE_SMTP_URL: smtp.url, HUBPULSE_SCHEDULE_TICK_SECONDS: '0', HUBPULSE_CHROMIUM_PATH: '/nonexistent/chromium', HUBPULSE_PUBLIC_URL: 'https://hubpulse.corp.example' });
    key = cfg.bootstrap.writeKey!;
    app = await createApiApp(cfg, { logger: ['error'] });
    server = app.getHttpServer();
    clock = app.get(ScheduleClock);
    const auth = app.get(AuthService);
    ids = {
      analyst: (await auth.createUser({ email: 'analyst@test.local', password: 'analyst password 1', name: 'Ana', role: 'analyst' })).id,
      leader: (await auth.createUser({ email: 'leader@test.local', password: 'leader password 1', name: 'Lee', role: 'leader' })).id,
      admin2: (await auth.createUser({ email: 'admin2@test.local', password: 'admin2 password 1', name: 'Ada', role: 'admin' })).id,
    };
    admin = await signIn(server, 'admin@test.local', 'correct horse battery');
    analyst = await signIn(server, 'analyst@test.local', 'analyst password 1');
    const people = Array.from({ length: 12 }, (_, i) => ({ person_id: `p${i + 1}`, name: `Person ${i + 1}`, department: i < 9 ? 'Sales' : 'Legal', location: 'Berlin', hired_at: '2020-01-15' }));
    await request(server).put('/v1/people').set('Authorization', `Bearer ${key}`).send({ people }).expect(200);
    await ingest(people.map((p, i) => hubEvent({ event_id: `v-${i}`, type: 'view', actor_id: p.person_id, occurred_at: '2026-03-02T09:00:00Z' })));
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await drop?.();
  });

  afterEach(() => {
    clock.now = () => new Date();
  });

  it('mails the report to each recipient through a real SMTP server: HTML summary, CSV and XLSX from the server exports, PDF skipped with a note', async () => {
    const v = await view(analyst, 'Overview, early March', '/overview', 'from=2026-03-01&to=2026-03-03');
    const s = (await post(analyst, '/api/schedules', { name: 'Morning overview', view_ids: [v.id], frequency: 'daily', time: '08:00', time_zone: 'Europe/Berlin', recipient_ids: [ids.analyst, ids.leader], attachments: ['csv', 'xlsx', 'pdf'] })) as ScheduleDto;
    expect(s).toMatchObject({ name: 'Morning overview', paused: false, mine: true, views: [{ id: v.id, name: 'Overview, early March', page_label: 'Overview' }] });
    expect(s.recipients.map((u) => u.email)).toEqual(['analyst@test.local', 'leader@test.local']);
    const before = smtp.mails.length;
    const sent = (await post(analyst, `/api/schedules/${s.id}/send`, {}, 200)) as ScheduleSendResultDto;
    expect(sent.deliveries.map((d) => [d.target, d.status, d.attempts]).sort()).toEqual([['analyst@test.local', 'sent', 1], ['leader@test.local', 'sent', 1]]);
    const mails = smtp.mails.slice(before);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['analyst@test.local', 'leader@test.local']);
    const mail = parseMime(mails[0].raw);
    expect(decodeHeader(mail.headers.subject)).toBe('Morning overview — Hubpulse report');
    const leaves = mimeLeaves(mail);
    const html = leaves.find((p) => p.contentType === 'text/html')!.body.toString('utf8');
    expect(html).toContain('<a href="https://hubpulse.corp.example/overview?from=2026-03-01&amp;to=2026-03-03">Overview, early March</a>');
    const text = leaves.find((p) => p.contentType === 'text/plain')!.body.toString('utf8');
    expect(text).toMatch(/PDF of Overview, early March skipped: the page could not be rendered/);
    const files = leaves.filter((p) => p.filename);
    expect(files.map((f) => f.filename!.replace(/-\d{8}-\d{4}\./, '.'))).toEqual(['hubpulse-overview-engagement.csv', 'hubpulse-overview-engagement.xlsx', 'hubpulse-overview-channels.csv', 'hubpulse-overview-channels.xlsx']);
    // the CSV is the server export's, for the same view and range
    const csv = files[0].body.toString('utf8');
    const exported = await request(server).post('/api/exports').set('Cookie', analyst).send({ view: 'overview.engagement', params: { from: '2026-03-01', to: '2026-03-03' }, format: 'csv' }).expect(202);
    const done = await waitForExport(exported.body.id);
    const file = (await request(server).get(done.file_url).set('Cookie', analyst).buffer(true).expect(200)).text;
    expect(csv).toBe(file);
    // the key figure is the newest row's, as in the file (hidden there: hidden in the mail too)
    const [header, ...lines] = csv.trim().split(/\r?\n/).map((l) => l.split(','));
    const newest = lines[lines.length - 1];
    const cell = newest[header.indexOf('engagement_index')];
    const shown = cell === '' ? 'hidden (fewer than 5 people)' : Number(cell).toLocaleString('en-US', { maximumFractionDigits: 3 });
    expect(html).toContain(`>engagement_index (${newest[0]})</th><td style="padding:2px 0">${shown}</td>`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(files[1].body as unknown as ArrayBuffer);
    expect(book.worksheets[0].rowCount).toBe(csv.trim().split('\n').length);
    expect(await latest('schedule.send')).toMatchObject({ actor: 'analyst@test.local', target: `schedule:${s.id}` });
  });

  it('sends a saved view with a relative preset (range=30) as the 30 days ending at the newest event day, the export API’s file for that range', async () => {
    // the anchor as the dashboard gets it: range.to of the overview's default answer
    const anchor = ((await request(server).get('/api/overview').set('Cookie', analyst).expect(200)).body as OverviewResponse).range.to;
    const from = addDays(anchor, -29);
    // activity 40 days back: inside the 90-day default, outside the last 30 days
    const early = addDays(anchor, -40);
    await ingest(Array.from({ length: 12 }, (_, i) => hubEvent({ event_id: `early-${i}`, type: 'view', actor_id: `p${i + 1}`, occurred_at: `${early}T09:00:00Z` })));
    const exportFile = async (params: Record<string, string>) => {
      const e = await request(server).post('/api/exports').set('Cookie', analyst).send({ view: 'overview.engagement', params, format: 'csv' }).expect(202);
      return (await request(server).get((await waitForExport(e.body.id)).file_url).set('Cookie', analyst).buffer(true).expect(200)).text;
    };
    const days = (csv: string) => csv.trim().split(/\r?\n/).slice(1).map((l) => l.split(',')[0]);
    expect(days(await exportFile({}))).toContain(early);

    const v = await view(analyst, 'Overview, last 30 days', '/overview', 'range=30');
    const s = (await post(analyst, '/api/schedules', { name: 'Last 30 days', view_ids: [v.id], frequency: 'daily', time: '08:00', time_zone: 'UTC', recipient_ids: [ids.analyst], attachments: ['csv'] })) as ScheduleDto;
    const before = smtp.mails.length;
    await post(analyst, `/api/schedules/${s.id}/send`, {}, 200);
    const [mail] = smtp.mails.slice(before).map((m) => parseMime(m.raw));
    const csv = mimeLeaves(mail).find((p) => p.filename?.startsWith('hubpulse-overview-engagement'))!.body.toString('utf8');
    expect(days(csv).length).toBeGreaterThan(0);
    expect(days(csv).every((d) => d >= from && d <= anchor)).toBe(true);
    expect(csv).toBe(await exportFile({ from, to: anchor }));
  });

  it('attaches the exports of every page that has them, only views every reader of the page may read', () => {
    const views = app.get(ExportViewsService);
    for (const [pattern, ids] of Object.entries(PAGE_EXPORTS)) {
      const page = PAGE_ACCESS.find((p) => p.pattern === pattern);
      expect(page).toBeDefined();
      for (const id of ids) {
        const v = views.get(id);
        expect({ pattern, id, found: !!v, large: v?.large, missing: page!.roles.filter((r) => !v?.roles.includes(r)) }).toEqual({ pattern, id, found: true, large: false, missing: [] });
      }
    }
    // every small view some page's Export menu offers is scheduled with that page
    const mapped = new Set(Object.values(PAGE_EXPORTS).flat());
    expect(views.list('admin').filter((v) => !v.large && !mapped.has(v.id)).map((v) => v.id)).toEqual([]);
  });

  it('sends a goal page’s KPI values, their history and each link’s correlations, read with the goal id from the saved view’s path', async () => {
    const goal = (await post(admin, '/api/goals', { name: 'Grow revenue', metric: 'revenue', scope: 'organisation', unit_kind: 'currency', unit: 'EUR', baseline: 100, target: 200, target_type: 'increase_to', period_start: '2026-01-01', period_end: '2026-12-31' })) as { id: string };
    await post(admin, `/api/goals/${goal.id}/values`, { values: [{ period: '2026-01', value: 100 }, { period: '2026-02', value: 120 }] });
    await post(admin, `/api/goals/${goal.id}/values`, { values: [{ period: '2026-02', value: 130 }] });
    const links = [];
    for (const purpose of ['engagement', 'inform']) links.push((await post(admin, `/api/goals/${goal.id}/links`, { kind: 'scope', scope: 'organisation', purpose, hypothesis: `More ${purpose}, more revenue` })) as { id: string });
    const v = await view(analyst, 'Revenue goal', `/strategy/goals/${goal.id}`);
    const s = (await post(analyst, '/api/schedules', { name: 'Revenue', view_ids: [v.id], frequency: 'daily', time: '08:00', time_zone: 'UTC', recipient_ids: [ids.analyst], attachments: ['csv'] })) as ScheduleDto;
    const before = smtp.mails.length;
    await post(analyst, `/api/schedules/${s.id}/send`, {}, 200);
    const [mail] = smtp.mails.slice(before).map((m) => parseMime(m.raw));
    const files = mimeLeaves(mail).filter((p) => p.filename);
    expect(files.map((f) => f.filename!.replace(/-\d{8}-\d{4}(-\d)?\./, '$1.'))).toEqual(['hubpulse-goals-kpi-values.csv', 'hubpulse-goals-kpi-history.csv', 'hubpulse-goals-link-correlations.csv', 'hubpulse-goals-link-correlations-2.csv']);
    const reads: [string, Record<string, string>][] = [['goals.kpi-values', { id: goal.id }], ['goals.kpi-history', { id: goal.id }], ...links.map((l): [string, Record<string, string>] => ['goals.link-correlations', { id: goal.id, link_id: l.id }])];
    for (const [i, [exportId, params]] of reads.entries()) {
      const e = await request(server).post('/api/exports').set('Cookie', analyst).send({ view: exportId, params, format: 'csv' }).expect(202);
      const file = (await request(server).get((await waitForExport(e.body.id)).file_url).set('Cookie', analyst).buffer(true).expect(200)).text;
      expect(files[i].body.toString('utf8')).toBe(file);
    }
    expect(files[0].body.toString('utf8')).toContain('2026-02');
    expect(files[1].body.toString('utf8').trim().split(/\r?\n/)).toHaveLength(2);
  });

  async function waitForExport(id: string): Promise<{ file_url: string }> {
    for (let i = 0; i < 300; i++) {
      const e = (await request(server).get(`/api/exports/${id}`).set('Cookie', analyst).expect(200)).body;
      if (e.status === 'done') return e;
      if (e.status === 'failed') throw new Error(e.error);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('export did not finish');
  }
  const latest = async (action: string) => ((await request(server).get('/api/audit').query({ action, limit: 1 }).set('Cookie', admin).expect(200)).body as AuditLogEntryDto[])[0];

  it('fires 08:00 Europe/Berlin once a day across the spring change, with two schedulers racing; unchanged content is skipped until the data changes', async () => {
    const hook = await hookServer(200);
    try {
      const v = await view(analyst, 'Overview default', '/overview');
      clock.now = () => new Date('2026-03-27T00:00:00Z');
      const s = (await post(analyst, '/api/schedules', { name: 'Berlin 8am', view_ids: [v.id], frequency: 'daily', time: '08:00', time_zone: 'Europe/Berlin', webhooks: [{ kind: 'slack', url: hook.url }] })) as ScheduleDto;
      expect(s.next_run_at).toBe('2026-03-27T07:00:00.000Z');
      expect(s.webhooks).toEqual([{ kind: 'slack', host: new URL(hook.url).host }]);
      expect(JSON.stringify(await latest('schedule.create'))).not.toContain('secretpath');
      // a second API process's scheduler on the same store
      const other = new ScheduleRunner(app.get(SchedulesRepository), app.get(SavedViewsRepository), app.get(UsersRepository), app.get(ScheduleContentService), app.get(DeliveryService), clock, { scheduleTickSeconds: 0 } as never);
      const runner = app.get(ScheduleRunner);
      let ran = 0;
      for (let t = Date.parse('2026-03-27T00:00:00Z'); t <= Date.parse('2026-03-31T12:00:00Z'); t += 15 * 60_000) {
        clock.now = () => new Date(t);
        const [a, b] = await Promise.all([runner.tick(), other.tick()]);
        ran += a + b;
        if (t === Date.parse('2026-03-29T12:00:00Z')) await ingest([hubEvent({ event_id: 'late-1', actor_id: 'p1', occurred_at: '2026-03-04T09:00:00Z' })]);
      }
      const rows = await history(analyst, s.id);
      const runs = [...new Set(rows.map((d) => d.run))].sort();
      expect(runs).toEqual(['2026-03-27T07:00:00.000Z', '2026-03-28T07:00:00.000Z', '2026-03-29T06:00:00.000Z', '2026-03-30T06:00:00.000Z', '2026-03-31T06:00:00.000Z']);
      expect(ran).toBe(5);
      const byRun = Object.fromEntries(runs.map((r) => [r, rows.filter((d) => d.run === r).map((d) => `${d.channel}:${d.status}${d.error?.startsWith('skipped') ? ` ${d.error}` : ''}`)]));
      expect(byRun).toEqual({
        '2026-03-27T07:00:00.000Z': ['slack:sent'],
        '2026-03-28T07:00:00.000Z': ['none:skipped skipped: unchanged since the last send'],
        '2026-03-29T06:00:00.000Z': ['none:skipped skipped: unchanged since the last send'],
        '2026-03-30T06:00:00.000Z': ['slack:sent'], // new data arrived on the 29th
        '2026-03-31T06:00:00.000Z': ['none:skipped skipped: unchanged since the last send'],
      });
      expect(hook.got).toHaveLength(2);
      expect((hook.got[0] as { blocks: unknown[] }).blocks[0]).toMatchObject({ type: 'header', text: { text: 'Berlin 8am — Hubpulse report' } });
      const after = (await request(server).get(`/api/schedules/${s.id}`).set('Cookie', analyst).expect(200)).body as ScheduleDto;
      expect(after).toMatchObject({ next_run_at: '2026-04-01T06:00:00.000Z', last_status: 'unchanged' });

      // paused: no runs; resumed: the next 08:00 from now
      await request(server).patch(`/api/schedules/${s.id}`).set('Cookie', analyst).send({ paused: true }).expect(200);
      clock.now = () => new Date('2026-04-02T12:00:00Z');
      expect(await runner.tick()).toBe(0);
      const resumed = (await request(server).patch(`/api/schedules/${s.id}`).set('Cookie', analyst).send({ paused: false }).expect(200)).body as ScheduleDto;
      expect(resumed.next_run_at).toBe('2026-04-03T06:00:00.000Z');
    } finally {
      await hook.close();
    }
  }, 180_000);

  it('stops mailing a recipient who lost the role the view needs, and one who was deactivated; says why in the history', async () => {
    const v = await view(admin, 'Audit log', '/admin/audit');
    const s = (await post(admin, '/api/schedules', { name: 'Audit weekly', view_ids: [v.id], frequency: 'weekly', weekday: 1, time: '07:30', time_zone: 'Europe/London', recipient_ids: [ids.admin2], attachments: [] })) as ScheduleDto;
    // an analyst may not receive an admin page
    const bad = await post(admin, '/api/schedules', { name: 'x', view_ids: [v.id], frequency: 'daily', time: '07:30', time_zone: 'UTC', recipient_ids: [ids.analyst] }, 400);
    expect(bad.message).toEqual([`recipient_ids.0: analyst@test.local (Analyst) may not open Admin → audit log`]);

    const first = (await post(admin, `/api/schedules/${s.id}/send`, {}, 200)) as ScheduleSendResultDto;
    expect(first.deliveries.map((d) => [d.target, d.status])).toEqual([['admin2@test.local', 'sent']]);
    await request(server).patch(`/api/users/${ids.admin2}`).set('Cookie', admin).send({ role: 'analyst' }).expect(200);
    const before = smtp.mails.length;
    const second = (await post(admin, `/api/schedules/${s.id}/send`, {}, 200)) as ScheduleSendResultDto;
    expect(second.deliveries.map((d) => [d.target, d.status, d.error])).toEqual([['admin2@test.local', 'skipped', 'the role Analyst may not open Admin → audit log']]);
    await request(server).patch(`/api/users/${ids.admin2}`).set('Cookie', admin).send({ role: 'admin', active: false }).expect(200);
    const third = (await post(admin, `/api/schedules/${s.id}/send`, {}, 200)) as ScheduleSendResultDto;
    expect(third.deliveries.map((d) => [d.status, d.error])).toEqual([['skipped', 'the user is deactivated']]);
    expect(smtp.mails.length).toBe(before);
    expect((await history(admin, s.id)).map((d) => d.status)).toEqual(['skipped', 'skipped', 'sent']);
  });

  it('retries a webhook answering 500 and shows it failed in the history, with its attempts', async () => {
    const hook = await hookServer(500);
    try {
      const v = await view(analyst, 'Groups', '/engagement', 'by=department');
      const s = (await post(analyst, '/api/schedules', { name: 'Teams groups', view_ids: [v.id], frequency: 'monthly', day_of_month: 31, time: '18:00', time_zone: 'America/New_York', webhooks: [{ kind: 'teams', url: hook.url }] })) as ScheduleDto;
      await post(analyst, `/api/schedules/${s.id}/send`, {}, 200);
      expect(hook.got).toHaveLength(3);
      expect(hook.got[0]).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard' } }] });
      const [row] = await history(analyst, s.id);
      expect(row).toMatchObject({ channel: 'teams', target: new URL(hook.url).host, status: 'failed', attempts: 3, error: 'the webhook answered 500 Internal Server Error' });
      expect(((await request(server).get(`/api/schedules/${s.id}`).set('Cookie', analyst).expect(200)).body as ScheduleDto).last_status).toBe('failed');
    } finally {
      await hook.close();
    }
  }, 60_000);

  it('answers 400 naming each bad field, 404 for someone else’s schedule, and deletes with the history', async () => {
    const v = await view(analyst, 'Purposes', '/engagement/purposes');
    const bad = await post(analyst, '/api/schedules', { name: '', view_ids: [], frequency: 'weekly', time: '8:00', time_zone: 'Mars/Olympus', webhooks: [{ kind: 'slack', url: 'ftp://x' }], attachments: ['pdf', 'pdf'] }, 400);
    expect(bad.message).toEqual(
      expect.arrayContaining([
        'name: must not be empty',
        'view_ids: must name at least one saved view',
        'time: must be a local time HH:MM (00:00–23:59)',
        'time_zone: must be an IANA time zone such as Europe/Berlin',
        'webhooks.0.url: must be an http:// or https:// URL',
        'attachments: must not repeat a format',
      ]),
    );
    const noWeekday = await post(analyst, '/api/schedules', { name: 'n', view_ids: [v.id], frequency: 'weekly', time: '08:00', time_zone: 'UTC', recipient_ids: [ids.analyst] }, 400);
    expect(noWeekday.message).toEqual(['weekday: is required for a weekly schedule: 1 (Monday) to 7 (Sunday)']);
    const nobody = await post(analyst, '/api/schedules', { name: 'n', view_ids: [v.id], frequency: 'daily', time: '08:00', time_zone: 'UTC' }, 400);
    expect(nobody.message).toEqual(['recipient_ids: give at least one recipient or webhook']);
    const hosts = 'webhooks may go to 127.0.0.1, *.webhook.office.com (HUBPULSE_WEBHOOK_HOSTS)';
    const internal = await post(analyst, '/api/schedules', { name: 'n', view_ids: [v.id], frequency: 'daily', time: '08:00', time_zone: 'UTC', webhooks: [{ kind: 'teams', url: 'https://contoso.webhook.office.com/webhookb2/x' }, { kind: 'teams', url: 'http://contoso.webhook.office.com/webhookb2/x' }, { kind: 'webhook', url: 'https://169.254.169.254/latest/meta-data' }] }, 400);
    expect(internal.message).toEqual([`webhooks.1.url: must be an https:// URL (plain http:// only to a host listed by name); ${hosts}`, `webhooks.2.url: the host 169.254.169.254 is not allowed; ${hosts}`]);
    const s = (await post(analyst, '/api/schedules', { name: 'Mine', view_ids: [v.id], frequency: 'daily', time: '08:00', time_zone: 'UTC', recipient_ids: [ids.analyst] })) as ScheduleDto;
    const moved = (await request(server).patch(`/api/schedules/${s.id}`).set('Cookie', analyst).send({ webhooks: [{ kind: 'slack', url: 'https://hooks.slack.com/services/x' }] }).expect(400)).body;
    expect(moved.message).toEqual([`webhooks.0.url: the host hooks.slack.com is not allowed; ${hosts}`]);
    const leader = await signIn(server, 'leader@test.local', 'leader password 1');
    await request(server).get(`/api/schedules/${s.id}`).set('Cookie', leader).expect(404);
    await request(server).post(`/api/schedules/${s.id}/send`).set('Cookie', leader).expect(404);
    expect(((await request(server).get('/api/schedules').set('Cookie', admin).expect(200)).body as ScheduleDto[]).map((x) => x.id)).toContain(s.id);
    await request(server).delete(`/api/schedules/${s.id}`).set('Cookie', analyst).expect(204);
    await request(server).get(`/api/schedules/${s.id}`).set('Cookie', analyst).expect(404);
    expect(await latest('schedule.delete')).toMatchObject({ actor: 'analyst@test.local', target: `schedule:${s.id}` });
  });
});
