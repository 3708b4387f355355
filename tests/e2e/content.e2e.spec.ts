import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app-factory';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { contentAuthorsTable, contentDecayTable, contentItemsTable, newsletterBreakdownTable, newsletterLinksTable, newslettersTable, toCsv, type ExportDto, type ViewTable } from '@hubpulse/contracts';
import type { OverviewResponse, ContentAuthorsDto, ContentItemDto, ContentListDto, NewsletterIssueDto, NewslettersDto, SegmentDetailDto, SegmentRule, SegmentSavedDto } from '@hubpulse/contracts';
import { hubEvent, signIn, testConfig, waitFor } from '@hubpulse/testing';

/**
 * The Content area on known data (k = 5): 62 people in departments A (p1–p20), B (p21–p40),
 * C (p41–p60) and Small (p61, p62); leaders p3–p7; a segment "Department B".
 *
 * - c-all (everyone, by p1, 2 March 08:00): read by p1–p30 (12 on day 0, 8 on day 1, 3 on day 2,
 *   7 on day 5); p3–p9 comment (from 10:00), p10–p14 react.
 * - c-b (aimed at B, by p1): read by p21–p30 and p1, p2 → B's 10 readers would give away the 2 outside.
 * - c-b2 (aimed at B, by p2): read by p21–p30 and p1–p6.
 * - c-few (everyone, by p2): read by 3.
 * - newsletter nl-1: sent to p1–p60; human opens p1–p10, p21–p30, p41–p43; opens within 60 s of the
 *   send p11–p15; flagged machine opens p16, p17; link a clicked by p1–p8 and p21–p25, link b by p1, p2.
 * - newsletter nl-mo (May, added by its test): sent to p1–p20; human opens p1–p10; only machine opens p11, p12.
 * - newsletter nl-led (July, added by its test): sent to p1–p40, opened and clicked on two reads apart.
 */
describe('Content analytics (issue 15)', () => {
  const config = testConfig({ HUBPULSE_SCORE_DEBOUNCE_MS: '3600000', HUBPULSE_SCORE_EVERY_MINUTES: '100000' });
  const key = config.bootstrap.writeKey!;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let planner: string;
  let analyst: string;
  let segmentB: string;
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
  const get = async <T>(path: string, cookie = analyst) => (await request(http).get(path).set('Cookie', cookie).expect(200)).body as T;

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    http = app.getHttpServer();
    const auth = app.get(AuthService);
    await auth.createUser({ email: 'planner@test.local', password: 'planner password 1', name: 'Pia', role: 'planner' });
    await auth.createUser({ email: 'analyst@test.local', password: 'analyst password 1', name: 'Ana', role: 'analyst' });
    planner = await signIn(http, 'planner@test.local', 'planner password 1');
    analyst = await signIn(http, 'analyst@test.local', 'analyst password 1');
    const people = range(1, 62).map((n) => ({
      person_id: `p${n}`,
      name: `P${n}`,
      department: n <= 20 ? 'A' : n <= 40 ? 'B' : n <= 60 ? 'C' : 'Small',
      location: 'Here',
      hired_at: '2020-01-15',
      is_leader: n >= 3 && n <= 7,
    }));
    await request(http).put('/v1/people').set('Authorization', `Bearer ${key}`).send({ people }).expect(200);
    const rule: SegmentRule = { kind: 'attribute', field: 'department', op: 'in', values: ['B'] };
    segmentB = ((await request(http).post('/api/segments').set('Cookie', planner).send({ name: 'Department B', rule }).expect(201)).body as SegmentSavedDto).segment.id;
    await waitFor(async () => (await get<SegmentDetailDto>(`/api/segments/${segmentB}`, planner)).membership_version !== null, 'segment B', 60_000);
    await waitFor(async () => (await get<{ segments: { runs: unknown[] }[] }>('/api/segments', planner)).segments.every((x) => x.runs.length > 0), 'every segment computed', 60_000);

    const content = [
      { content_id: 'c-all', channel: 'blog', purpose: 'inform', author_id: 'p1', title: 'For all', published_at: '2026-03-02T08:00:00Z' },
      { content_id: 'c-b', channel: 'blog', purpose: 'inform', author_id: 'p1', title: 'For B', audience_segment_id: segmentB, published_at: '2026-03-10T08:00:00Z' },
      { content_id: 'c-b2', channel: 'microblog', purpose: 'engagement', author_id: 'p2', title: 'For B again', audience_segment_id: segmentB, published_at: '2026-03-11T08:00:00Z' },
      { content_id: 'c-few', channel: 'blog', purpose: 'vision', author_id: 'p2', title: 'Few readers', published_at: '2026-03-12T08:00:00Z' },
      { content_id: 'nl-1', channel: 'newsletter', purpose: 'inform', title: 'Weekly 1', published_at: '2026-03-05T07:00:00Z' },
    ];
    await request(http).put('/v1/content').set('Authorization', `Bearer ${key}`).send({ content }).expect(200);
    const ev = (id: string, over: Record<string, unknown>) => hubEvent({ event_id: id, ...over });
    const view = (p: number, item: string, at: string) => ev(`v-${item}-${p}`, { type: 'view', actor_id: `p${p}`, content_id: item, occurred_at: at });
    const nl = (type: string, p: number, at: string, properties: Record<string, unknown> = {}, n = 0) =>
      ev(`${type}-${p}-${n}`, { type, actor_id: `p${p}`, content_id: 'nl-1', channel: 'newsletter', purpose: 'inform', occurred_at: at, properties: { issue: 'nl-1', ...properties } });
    const events = [
      ...range(1, 12).map((p) => view(p, 'c-all', '2026-03-02T09:00:00Z')),
      ...range(13, 20).map((p) => view(p, 'c-all', '2026-03-03T09:00:00Z')),
      ...range(21, 23).map((p) => view(p, 'c-all', '2026-03-04T09:00:00Z')),
      ...range(24, 30).map((p) => view(p, 'c-all', '2026-03-07T09:00:00Z')),
      ...range(3, 9).map((p) => ev(`c-${p}`, { type: 'comment', actor_id: `p${p}`, content_id: 'c-all', occurred_at: `2026-03-02T1${p - 3}:00:00Z` })),
      ...range(10, 14).map((p) => ev(`r-${p}`, { type: 'react', actor_id: `p${p}`, content_id: 'c-all', occurred_at: '2026-03-02T12:00:00Z' })),
      ...[...range(21, 30), 1, 2].map((p) => view(p, 'c-b', '2026-03-10T09:00:00Z')),
      ...[...range(21, 30), ...range(1, 6)].map((p) => view(p, 'c-b2', '2026-03-11T09:00:00Z')),
      ...range(1, 3).map((p) => view(p, 'c-few', '2026-03-12T09:00:00Z')),
      ...range(1, 60).map((p) => nl('newsletter_send', p, '2026-03-05T07:00:00Z')),
      ...[...range(1, 10), ...range(21, 30), ...range(41, 43)].map((p) => nl('newsletter_open', p, '2026-03-05T08:00:00Z')),
      ...range(11, 15).map((p) => nl('newsletter_open', p, '2026-03-05T07:00:30Z')),
      ...[16, 17].map((p) => nl('newsletter_open', p, '2026-03-05T09:00:00Z', { machine: true })),
      ...[...range(1, 8), ...range(21, 25)].map((p) => nl('newsletter_click', p, '2026-03-05T08:01:00Z', { link: 'https://hub/a' })),
      ...[1, 2].map((p) => nl('newsletter_click', p, '2026-03-05T08:02:00Z', { link: 'https://hub/b' }, 1)),
    ];
    await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events }).expect(200);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  const period = 'from=2026-03-01&to=2026-03-31';

  it('lists items with read rates within their audience, top first, hidden figures last', async () => {
    const list = await get<ContentListDto>(`/api/content/items?${period}`);
    expect(list.population).toBe(62);
    expect(list.items.map((i) => i.content_id)).toEqual(['c-b2', 'c-all', 'c-few', 'c-b', 'nl-1']);
    const all = list.items.find((i) => i.content_id === 'c-all')!;
    expect(all).toMatchObject({ title: 'For all', author_name: 'P1', audience: { segment_id: null, name: 'Everyone', size: { value: 62 } } });
    expect(all.readers).toEqual({ value: 30, hidden: null });
    expect(all.read_rate.value).toBeCloseTo(30 / 62, 6);
    expect(all.comments).toEqual({ value: 7, hidden: null });
    expect(all.interactions).toEqual({ value: 12, hidden: null });
    expect(all.leader_replies).toEqual({ value: 5, hidden: null });
    const b2 = list.items.find((i) => i.content_id === 'c-b2')!;
    expect(b2.audience).toMatchObject({ segment_id: segmentB, name: 'Department B', size: { value: 20, hidden: null } });
    expect(b2.read_rate).toEqual({ value: 0.5, hidden: null });
    expect(list.items.find((i) => i.content_id === 'c-few')!.read_rate).toEqual({ value: null, hidden: 'numerator' });

    const bottom = await get<ContentListDto>(`/api/content/items?${period}&order=asc&limit=2`);
    expect(bottom.items.map((i) => i.content_id)).toEqual(['c-all', 'c-b2']);
    expect(bottom.total_items).toBe(5);
    const forB = await get<ContentListDto>(`/api/content/items?${period}&segment=${segmentB}`);
    expect(forB.items.map((i) => i.content_id).sort()).toEqual(['c-b', 'c-b2']);
    const blog = await get<ContentListDto>(`/api/content/items?${period}&channel=microblog`);
    expect(blog.items.map((i) => i.content_id)).toEqual(['c-b2']);
  });

  it("hides a segment's reach when everyone's reach would give away the few readers outside it (12 − 10 = 2)", async () => {
    const b = await get<ContentItemDto>('/api/content/items/c-b');
    expect(b.readers).toEqual({ value: null, hidden: 'difference' });
    expect(b.read_rate).toEqual({ value: null, hidden: 'difference' });
    expect(b.reached.value).toBeNull();
    expect(b.everyone!.readers).toEqual({ value: 12, hidden: null });
    expect(b.decay).toEqual([]);
    const b2 = await get<ContentItemDto>('/api/content/items/c-b2');
    expect(b2.readers).toEqual({ value: 10, hidden: null });
    expect(b2.everyone!.readers).toEqual({ value: 16, hidden: null });
  });

  it('shows an item page: median time to first comment, decay in buckets of at least k readers', async () => {
    const item = await get<ContentItemDto>('/api/content/items/c-all');
    // 7 commenters, first comments 2 to 8 hours after publishing: the median is the 4th, 5 hours (the first alone was 2)
    expect(item.median_time_to_first_comment).toEqual({ band: '4_24h', hidden: null });
    expect(item.decay.map(({ from_day, to_day, readers }) => ({ from_day, to_day, readers }))).toEqual([
      { from_day: 0, to_day: 0, readers: 12 },
      { from_day: 1, to_day: 1, readers: 8 },
      { from_day: 2, to_day: 5, readers: 10 },
    ]);
    expect(item.decay[0].share).toBeCloseTo(12 / 30, 6);
    expect(item.decay.reduce((s, b) => s + b.readers, 0)).toBe(item.readers.value);
    const few = await get<ContentItemDto>('/api/content/items/c-few');
    // nobody commented: a group of 0 people, not a 'numerator'
    expect(few).toMatchObject({ decay: [], decay_hidden: 'numerator', median_time_to_first_comment: { band: null, hidden: 'below_minimum' } });
    await request(http).get('/api/content/items/nope').set('Cookie', analyst).expect(404);
  });

  it('gives per-author figures with readers as a group', async () => {
    const a = await get<ContentAuthorsDto>(`/api/content/authors?${period}`);
    const p1 = a.authors.find((x) => x.author_id === 'p1')!;
    expect(p1).toMatchObject({ name: 'P1', items: 2, readers: { value: 30, hidden: null }, comments: { value: 7 } });
    expect(p1.read_rate.value).toBeCloseTo((30 + 12) / (62 + 20), 6);
  });

  it('reports newsletters: unique open rate without machine opens, click-to-open, links, by department', async () => {
    const n = await get<NewslettersDto>(`/api/content/newsletters?${period}`);
    expect(n.issues).toHaveLength(1);
    const issue = n.issues[0];
    expect(issue).toMatchObject({ issue: 'nl-1', title: 'Weekly 1', recipients: { value: 60 }, openers: { value: 23 }, clickers: { value: 13 }, machine_opens_excluded: 7 });
    expect(issue.open_rate.value).toBeCloseTo(23 / 60, 6);
    expect(issue.click_to_open.value).toBeCloseTo(13 / 23, 6);
    const withMachine = await get<NewslettersDto>(`/api/content/newsletters?${period}&include_machine=1`);
    expect(withMachine.issues[0].openers.value).toBe(30);

    const d = await get<NewsletterIssueDto>('/api/content/newsletters/nl-1?by=department');
    expect(d.links).toEqual([
      { link: 'https://hub/a', clickers: { value: 13, hidden: null }, click_rate: { value: 13 / 23, hidden: null } },
      { link: 'https://hub/b', clickers: { value: null, hidden: 'numerator' }, click_rate: { value: null, hidden: 'numerator' } },
    ]);
    const row = (label: string) => d.breakdown.find((r) => r.label === label)!;
    // the plan hides C everywhere (the organisation minus A, B and C would be Small's 2 people);
    // C hidden alone would be all recipients minus A and B (3 openers of 20): A goes too
    expect(row('C').open_rate.hidden).toBe('remainder');
    expect(row('A').open_rate.hidden).toBe('remainder');
    expect(row('B')).toMatchObject({ recipients: { value: 20 }, open_rate: { value: 0.5 }, click_to_open: { value: 0.5 } });
    const s = await get<NewsletterIssueDto>('/api/content/newsletters/nl-1?by=segment');
    expect(s.breakdown.find((r) => r.key === `segment:${segmentB}`)).toMatchObject({ recipients: { value: 20 }, open_rate: { value: 0.5 } });
  });

  it('maps the usual SDK names to newsletter events ("Newsletter Sent", "Email Opened", "Link Clicked")', async () => {
    const basic = `Basic ${Buffer.from(`${key}:`).toString('base64')}`;
    const track = (event: string, p: number, at: string, properties: Record<string, unknown>) => ({ type: 'track', userId: `p${p}`, event, messageId: `sdk-${event}-${p}`, timestamp: at, properties: { issue: 'nl-sdk', ...properties } });
    const batch = [
      ...range(41, 50).map((p) => track('Newsletter Sent', p, '2026-04-02T07:00:00Z', {})),
      ...range(41, 45).map((p) => track('Email Opened', p, '2026-04-02T09:00:00Z', {})),
      ...range(46, 47).map((p) => track('Email Opened', p, '2026-04-02T09:00:00Z', { machine: true })),
      ...range(41, 43).map((p) => track('Link Clicked', p, '2026-04-02T09:01:00Z', { link: 'https://hub/x' })),
    ];
    const res = await request(http).post('/v1/batch').set('Authorization', basic).send({ batch }).expect(200);
    expect(res.body.rejected).toEqual([]);
    const n = await get<NewslettersDto>('/api/content/newsletters?from=2026-04-01&to=2026-04-30');
    // the 2 machine opens came from 2 recipients: fewer than k, so their count is hidden
    expect(n.issues.map((i) => ({ issue: i.issue, recipients: i.recipients.value, open_rate: i.open_rate.value, machine: i.machine_opens_excluded }))).toEqual([{ issue: 'nl-sdk', recipients: 10, open_rate: 0.5, machine: null }]);
  });

  it('with machine opens counted, hides what would give away the 2 recipients whose only opens were machine opens (12 − 10 openers)', async () => {
    // nl-mo: sent to p1–p20; human opens p1–p10; machine opens only (flagged) p11, p12; clicks p1–p5
    const mo = (type: string, p: number, at: string, properties: Record<string, unknown> = {}) =>
      hubEvent({ event_id: `mo-${type}-${p}`, type, actor_id: `p${p}`, content_id: 'nl-mo', channel: 'newsletter', purpose: 'inform', occurred_at: at, properties: { issue: 'nl-mo', ...properties } });
    const events = [
      ...range(1, 20).map((p) => mo('newsletter_send', p, '2026-05-04T07:00:00Z')),
      ...range(1, 10).map((p) => mo('newsletter_open', p, '2026-05-04T08:00:00Z')),
      ...[11, 12].map((p) => mo('newsletter_open', p, '2026-05-04T09:00:00Z', { machine: true })),
      ...range(1, 5).map((p) => mo('newsletter_click', p, '2026-05-04T08:01:00Z', { link: 'https://hub/mo' })),
    ];
    await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events }).expect(200);
    const may = 'from=2026-05-01&to=2026-05-31';
    // excluded (the default): unchanged — 10 of 20 opened, 5 of 10 clicked; the 2 machine opens came from 2 recipients: hidden
    const excluded = (await get<NewslettersDto>(`/api/content/newsletters?${may}`, planner)).issues;
    expect(excluded).toHaveLength(1);
    expect(excluded[0]).toMatchObject({ issue: 'nl-mo', recipients: { value: 20, hidden: null }, openers: { value: 10, hidden: null }, open_rate: { value: 0.5, hidden: null }, clickers: { value: 5, hidden: null }, click_to_open: { value: 0.5, hidden: null }, machine_opens_excluded: null });
    // counted: 12 openers (each share passes alone) minus 10 would be the 2 people: hidden, for any reader
    for (const cookie of [planner, analyst]) {
      const counted = (await get<NewslettersDto>(`/api/content/newsletters?${may}&include_machine=1`, cookie)).issues[0];
      expect(counted).toMatchObject({
        issue: 'nl-mo',
        recipients: { value: 20, hidden: null },
        openers: { value: null, hidden: 'difference' },
        open_rate: { value: null, hidden: 'difference' },
        clickers: { value: 5, hidden: null },
        click_to_open: { value: null, hidden: 'difference' },
        machine_opens_excluded: 0,
      });
    }
    // the issue page: totals hidden the same way, and no breakdown or links built on the counted openers
    const page = await get<NewsletterIssueDto>('/api/content/newsletters/nl-mo?include_machine=1', planner);
    expect(page).toMatchObject({ include_machine: true, openers: { value: null, hidden: 'difference' }, open_rate: { value: null, hidden: 'difference' }, click_to_open: { value: null, hidden: 'difference' }, breakdown: [], links: [] });
    const pageExcluded = await get<NewsletterIssueDto>('/api/content/newsletters/nl-mo', planner);
    expect(pageExcluded).toMatchObject({ include_machine: false, openers: { value: 10, hidden: null }, open_rate: { value: 0.5, hidden: null }, click_to_open: { value: 0.5, hidden: null }, machine_opens_excluded: null });
    // the list's export in counted mode: those cells empty (openers, open rate, clickers, click-to-open, machine opens)
    const t = newslettersTable(await get<NewslettersDto>(`/api/content/newsletters?${may}&include_machine=1`, planner));
    expect(t.rows[0].slice(4, 9)).toEqual([null, null, 5, null, 0]);
  });

  it('imports the catalogue with audiences (kind=content), rejecting bad rows by line and field', async () => {
    const admin = await signIn(http, 'admin@test.local', 'correct horse battery');
    const csv = [
      'content_id,channel,purpose,author_id,title,audience_segment_id,published_at',
      `imp-1,blog,strategy,p3,Imported for B,${segmentB},2026-03-20T08:00:00Z`,
      'imp-2,tv,inform,p3,Bad channel,,2026-03-20T08:00:00Z',
      'imp-3,qa,engagement,,For everyone,,2026-03-21T08:00:00Z',
    ].join('\n');
    const queued = (await request(http).post('/api/imports?kind=content&format=csv&filename=content.csv').set('Cookie', admin).set('Content-Type', 'text/csv').send(csv).expect(202)).body.import as { id: string };
    const done = (await waitFor(async () => {
      const m = (await request(http).get(`/api/imports/${queued.id}`).set('Cookie', admin).expect(200)).body.import as { status: string; progress: { accepted: number; rejected: number } };
      return m.status === 'done' || m.status === 'failed' ? m : false;
    }, 'content import', 60_000)) as { status: string; progress: { accepted: number; rejected: number } };
    expect(done).toMatchObject({ status: 'done', progress: { accepted: 2, rejected: 1 } });
    const errors = (await request(http).get(`/api/imports/${queued.id}/errors`).set('Cookie', admin).expect(200)).text;
    expect(errors).toContain('3,');
    expect(errors).toContain('channel: must be one of');
    const forB = await get<ContentListDto>(`/api/content/items?from=2026-03-20&to=2026-03-21&segment=${segmentB}`);
    expect(forB.items.map((i) => [i.content_id, i.title, i.audience.name])).toEqual([['imp-1', 'Imported for B', 'Department B']]);
    await request(http).post('/api/imports?kind=posts&format=csv').set('Cookie', admin).set('Content-Type', 'text/csv').send('x').expect(400);
  });

  it('sends are not activity: the overview counts no one active for a newsletter send alone', async () => {
    const o = (await request(http).get('/api/overview?from=2026-03-05&to=2026-03-05').set('Cookie', analyst).expect(200)).body as OverviewResponse;
    // on 5 March 60 people were sent it; 30 opened or clicked (machine opens are still the person's events)
    expect(o.totals.active_people).toBe(30);
  });

  it('exports every Content panel with the rows of the page’s own read, hidden cells empty and counted', async () => {
    const exportCsv = async (view: string, params: Record<string, string>) => {
      const made = (await request(http).post('/api/exports').set('Cookie', analyst).send({ view, params, format: 'csv' }).expect(202)).body as ExportDto;
      const done = (await waitFor(async () => {
        const e = (await request(http).get(`/api/exports/${made.id}`).set('Cookie', analyst).expect(200)).body as ExportDto;
        return e.status === 'done' || e.status === 'failed' ? e : false;
      }, `export ${view}`, 60_000)) as ExportDto;
      expect({ view, status: done.status }).toEqual({ view, status: 'done' });
      const file = (await request(http).get(done.file_url!).set('Cookie', analyst).buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      }).expect(200)).body as Buffer;
      return { csv: file.toString('utf8'), hidden: done.hidden_cells };
    };
    const cases: [string, Record<string, string>, string, (dto: never) => ViewTable][] = [
      ['content.items', { from: '2026-03-01', to: '2026-03-31' }, `/api/content/items?${period}`, contentItemsTable],
      ['content.item-decay', { id: 'c-all' }, '/api/content/items/c-all', contentDecayTable],
      ['content.authors', { from: '2026-03-01', to: '2026-03-31' }, `/api/content/authors?${period}`, contentAuthorsTable],
      ['content.newsletters', { from: '2026-03-01', to: '2026-03-31' }, `/api/content/newsletters?${period}`, newslettersTable],
      ['content.newsletter-links', { issue: 'nl-1' }, '/api/content/newsletters/nl-1', newsletterLinksTable],
      ['content.newsletter-breakdown', { issue: 'nl-1', by: 'department' }, '/api/content/newsletters/nl-1?by=department', newsletterBreakdownTable],
    ];
    for (const [view, params, route, table] of cases) {
      const t = table(await get<never>(route));
      expect({ view, ...(await exportCsv(view, params)) }).toEqual({ view, csv: toCsv(t.columns.map((c) => c.name), t.rows), hidden: t.hidden_cells });
    }
    expect(contentItemsTable(await get<never>(`/api/content/items?${period}`)).hidden_cells).toBeGreaterThan(0);
  });

  it('answers bad input with a 400 naming the field', async () => {
    const bad = async (path: string, field: string) => {
      const res = await request(http).get(path).set('Cookie', analyst).expect(400);
      expect(JSON.stringify(res.body.message)).toContain(`${field}:`);
    };
    await bad('/api/content/items?sort=best', 'sort');
    await bad('/api/content/items?limit=0', 'limit');
    await bad('/api/content/items?channel=tv', 'channel');
    await bad('/api/content/items?from=2026-13-01', 'from');
    await bad('/api/content/items?from=2026-03-10&to=2026-03-01', 'from');
    await bad('/api/content/newsletters?include_machine=yes', 'include_machine');
    await bad('/api/content/newsletters/nl-1?by=team', 'by');
  });

  it('answers from its cache only while no new event or catalogue change arrived', async () => {
    expect((await get<ContentItemDto>('/api/content/items/c-few')).readers).toEqual({ value: null, hidden: 'numerator' });
    const events = [4, 5, 6].map((p) => hubEvent({ event_id: `v-c-few-late-${p}`, type: 'view', actor_id: `p${p}`, content_id: 'c-few', occurred_at: '2026-03-13T09:00:00Z' }));
    await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events }).expect(200);
    expect((await get<ContentItemDto>('/api/content/items/c-few')).readers).toEqual({ value: 6, hidden: null });
    await request(http).put('/v1/content').set('Authorization', `Bearer ${key}`).send({ content: [{ content_id: 'c-few', channel: 'blog', purpose: 'vision', author_id: 'p2', title: 'Few readers, renamed', published_at: '2026-03-12T08:00:00Z' }] }).expect(200);
    expect((await get<ContentItemDto>('/api/content/items/c-few')).title).toBe('Few readers, renamed');
  });

  it("hides an item's readers from a reader who saw them a few people ago (readers over time: 10, then 12)", async () => {
    const before = await get<ContentItemDto>('/api/content/items/c-b2');
    expect(before.readers).toEqual({ value: 10, hidden: null });
    const events = [31, 32].map((p) => hubEvent({ event_id: `v-c-b2-late-${p}`, type: 'view', actor_id: `p${p}`, content_id: 'c-b2', occurred_at: '2026-03-14T09:00:00Z' }));
    await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events }).expect(200);
    const after = await get<ContentItemDto>('/api/content/items/c-b2');
    expect(after.readers).toEqual({ value: null, hidden: 'earlier_release' });
    expect(after.read_rate.value).toBeNull();
    expect(after.everyone!.readers).toEqual({ value: null, hidden: 'earlier_release' });
    expect(after.decay).toEqual([]);
    // the list says the same to this reader; a reader who saw neither gets 12
    expect((await get<ContentListDto>(`/api/content/items?${period}`)).items.find((i) => i.content_id === 'c-b2')!.readers.hidden).toBe('earlier_release');
    expect((await get<ContentItemDto>('/api/content/items/c-b2', planner)).readers).toEqual({ value: 12, hidden: null });
  });

  it('authors by subtraction and over time, counts in the ledger, ranking after it (June items)', async () => {
    // j-1 and j-2 by p9, read by p1–p10 and p11–p20; j-3 and j-4 by p8, read by p1–p10 and p1–p11
    // (p8's 11 readers minus j-3's 10 would be p11). p1–p5 comment on j-1 1 to 5 hours after it was
    // published. p12 viewed j-4 two days before its publication, a view twice, a person outside the directory.
    const catalogue = [
      { content_id: 'j-1', channel: 'blog', purpose: 'inform', author_id: 'p9', title: 'June 1', published_at: '2026-06-01T08:00:00Z' },
      { content_id: 'j-2', channel: 'blog', purpose: 'inform', author_id: 'p9', title: 'June 2', published_at: '2026-06-02T08:00:00Z' },
      { content_id: 'j-3', channel: 'blog', purpose: 'inform', author_id: 'p8', title: 'June 3', published_at: '2026-06-03T08:00:00Z' },
      { content_id: 'j-4', channel: 'blog', purpose: 'inform', author_id: 'p8', title: 'June 4', published_at: '2026-06-04T08:00:00Z' },
    ];
    await request(http).put('/v1/content').set('Authorization', `Bearer ${key}`).send({ content: catalogue }).expect(200);
    const view = (item: string, p: number | string, at: string, id = `jv-${item}-${p}`) => hubEvent({ event_id: id, type: 'view', actor_id: typeof p === 'number' ? `p${p}` : p, content_id: item, occurred_at: at });
    const events = [
      ...range(1, 10).map((p) => view('j-1', p, '2026-06-01T09:00:00Z')),
      ...range(11, 20).map((p) => view('j-2', p, '2026-06-02T09:00:00Z')),
      ...range(1, 10).map((p) => view('j-3', p, '2026-06-03T09:00:00Z')),
      ...range(1, 11).map((p) => view('j-4', p, '2026-06-05T09:00:00Z')),
      view('j-4', 12, '2026-06-02T09:00:00Z'),
      view('j-1', 1, '2026-06-01T09:00:00Z'),
      view('j-1', 'outsider', '2026-06-01T09:00:00Z'),
      ...range(1, 5).map((p) => hubEvent({ event_id: `jc-${p}`, type: 'comment', actor_id: `p${p}`, content_id: 'j-1', occurred_at: `2026-06-01T${String(8 + p).padStart(2, '0')}:00:00Z` })),
    ];
    await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events }).expect(200);
    const june = 'from=2026-06-01&to=2026-06-30';

    const authors = await get<ContentAuthorsDto>(`/api/content/authors?${june}`);
    const by = (a: ContentAuthorsDto, id: string) => a.authors.find((x) => x.author_id === id)!;
    expect(by(authors, 'p9')).toMatchObject({ readers: { value: 20, hidden: null }, read_rate: { value: 20 / 124, hidden: null } });
    expect(by(authors, 'p8')).toMatchObject({ readers: { value: null, hidden: 'difference' }, reader_share: { value: null, hidden: 'difference' }, read_rate: { value: 21 / 124, hidden: null } });

    // list and page count j-4's readers alike (not p12's view before it was published); the decay adds up to the readers
    const list = await get<ContentListDto>(`/api/content/items?${june}`);
    expect(list.items.map((i) => [i.content_id, i.readers.value])).toEqual([['j-4', 11], ['j-3', 10], ['j-2', 10], ['j-1', 10]]);
    const j1 = await get<ContentItemDto>('/api/content/items/j-1');
    expect(j1.readers.value).toBe(10);
    expect(j1.decay).toEqual([{ from_day: 0, to_day: 0, readers: 10, share: 1 }]);
    expect(j1.median_time_to_first_comment).toEqual({ band: '1_4h', hidden: null });
    expect(j1.comments).toEqual({ value: 5, hidden: null });
    expect((await get<ContentItemDto>('/api/content/items/j-4')).readers.value).toBe(11);

    // two more readers of j-1 and one comment more: the analyst saw 10 readers, 20 author readers and 5 comments
    const later = [
      ...[21, 22].map((p) => view('j-1', p, '2026-06-06T09:00:00Z')),
      hubEvent({ event_id: 'jc-6', type: 'comment', actor_id: 'p6', content_id: 'j-1', occurred_at: '2026-06-02T08:00:00Z' }),
    ];
    await request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events: later }).expect(200);
    const again = by(await get<ContentAuthorsDto>(`/api/content/authors?${june}`), 'p9');
    // j-1's readers (10 → 12) are refused for the analyst, so j-1 leaves p9's read rate: j-2's 10 of 62 are left, as j-2's row shows
    expect(again).toMatchObject({ readers: { value: null, hidden: 'earlier_release' }, reader_share: { value: null }, read_rate: { value: 10 / 62, hidden: null } });
    expect(by(await get<ContentAuthorsDto>(`/api/content/authors?${june}`, planner), 'p9').readers).toEqual({ value: 22, hidden: null });
    const j1Again = await get<ContentItemDto>('/api/content/items/j-1');
    expect(j1Again.comments).toEqual({ value: null, hidden: 'earlier_release' });
    expect(j1Again.interactions).toEqual({ value: null, hidden: 'earlier_release' });

    // top 1 by read rate: j-1 (12 of 62) for a reader who may see it; for the analyst its rate is hidden, so j-4 (11 of 62) leads
    const top = await get<ContentListDto>(`/api/content/items?${june}&limit=1`);
    expect(top.items.map((i) => [i.content_id, i.read_rate.value])).toEqual([['j-4', 11 / 62]]);
    expect(top.total_items).toBe(4);
    const bottom = await get<ContentListDto>(`/api/content/items?${june}&order=asc`);
    expect(bottom.items.map((i) => i.content_id)).toEqual(['j-3', 'j-2', 'j-4', 'j-1']);
    expect((await get<ContentListDto>(`/api/content/items?${june}&limit=1`, planner)).items.map((i) => i.content_id)).toEqual(['j-1']);
  });

  it("hides an issue's breakdown column and a link whose cells grew by a few people since the reader saw them, though the totals grew by ≥ k (nl-led, July)", async () => {
    // sent to A (p1–p20) and B (p21–p40); day 1: opens p1–p10, p21–p30, link x clicked by p1–p5, p21–p25
    const led = (type: string, p: number, properties: Record<string, unknown> = {}) =>
      hubEvent({ event_id: `led-${type}-${p}-${String(properties.link ?? '')}`, type, actor_id: `p${p}`, content_id: 'nl-led', channel: 'newsletter', purpose: 'inform', occurred_at: type === 'newsletter_send' ? '2026-07-06T07:00:00Z' : '2026-07-06T08:00:00Z', properties: { issue: 'nl-led', ...properties } });
    const send = async (events: ReturnType<typeof hubEvent>[]) => request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events }).expect(200);
    await send([
      ...range(1, 40).map((p) => led('newsletter_send', p)),
      ...[...range(1, 10), ...range(21, 30)].map((p) => led('newsletter_open', p)),
      ...[...range(1, 5), ...range(21, 25)].map((p) => led('newsletter_click', p, { link: 'https://hub/x' })),
    ]);
    const page = '/api/content/newsletters/nl-led?by=department';
    const before = await get<NewsletterIssueDto>(page);
    expect(before.breakdown.map((b) => [b.label, b.open_rate.value, b.click_to_open.value])).toEqual([['A', 0.5, 0.5], ['B', 0.5, 0.5]]);
    expect(before.links.map((l) => [l.link, l.clickers.value])).toEqual([['https://hub/x', 10]]);
    // then A's p11–p15 and B's p31 open (20 → 26 openers, B's 10 → 11: p31), p6 clicks x (10 → 11), p11–p15 click y
    await send([...[...range(11, 15), 31].map((p) => led('newsletter_open', p)), led('newsletter_click', 6, { link: 'https://hub/x' }), ...range(11, 15).map((p) => led('newsletter_click', p, { link: 'https://hub/y' }))]);
    const after = await get<NewsletterIssueDto>(page);
    expect(after).toMatchObject({ openers: { value: 26, hidden: null }, clickers: { value: 16, hidden: null } });
    // B's cell alone would do, but A's and the issue's 26 would give it back: the column goes
    expect(after.breakdown.map((b) => [b.label, b.recipients.value, b.open_rate.hidden, b.click_to_open.hidden])).toEqual([['A', 20, 'earlier_release', 'earlier_release'], ['B', 20, 'earlier_release', 'earlier_release']]);
    expect(after.links.map((l) => [l.link, l.clickers.value, l.clickers.hidden])).toEqual([['https://hub/x', null, 'earlier_release'], ['https://hub/y', 5, null]]);
    // a reader who saw neither gets them
    const fresh = await get<NewsletterIssueDto>(page, planner);
    expect(fresh.breakdown.find((b) => b.label === 'B')!.open_rate.value).toBeCloseTo(11 / 20, 6);
    expect(fresh.links.find((l) => l.link === 'https://hub/x')!.clickers.value).toBe(11);
  });

  it('needs a session', async () => {
    await request(http).get('/api/content/items').expect(401);
  });
});
