import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app-factory';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { ExportsService } from '../../apps/api/src/exports/exports.service';
import { PARQUET_MANIFEST_KEY, parquetKeyValues } from '@hubpulse/exports';
import { eventMappingsTable, ingestionRejectsTable, ingestionSourcesTable, kpiHistoryTable, kpiValuesTable, linkCorrelationsTable, purposeScorecardTable, scoreExplanationDaysTable, scoreExplanationTypesTable, scoreJobsTable, scoringModelsTable, segmentChannelsTable, segmentCompositionTable, segmentSizeHistoryTable, type EventMappingsBody, type GoalDetailDto, type GoalLinkDto, scoreHistogramTable, scoreQuantilesTable, ambassadorsTable, engagementGroupsTable, leadersTable, personaMovementTable, personasTable, purposesTable, toCsv, type ViewTable, type AuditLogEntryDto, type ExportDto, type ExportViewDto, type GroupScoresDto, type ScoreJobDto, type SegmentSavedDto } from '@hubpulse/contracts';
import { hubEvent, RELATIONAL_STORES, signIn, testConfig, waitFor } from '@hubpulse/testing';

/**
 * Server exports end to end on chDB + SQLite / PostgreSQL + Redis, inline workers: every format of a
 * view with the same numbers as the screen (hidden ones empty, counted), the manifest beside it and a
 * re-run from it giving the same bytes, role limits, large exports (members, raw events), retention.
 */
describe.each(RELATIONAL_STORES)('exports (chDB + %s + Redis)', (_name, relational) => {
  let drop: () => Promise<void>;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let admin: string;
  let analyst: string;
  let planner: string;
  let segmentId: string;
  const config = { key: '' };

  const exportOf = async (cookie: string, view: string, params: Record<string, string>, format: string): Promise<ExportDto> => {
    const made = (await request(http).post('/api/exports').set('Cookie', cookie).send({ view, params, format }).expect(202)).body as ExportDto;
    const done = await waitForExport(cookie, made.id);
    if (done.status !== 'done') throw new Error(`export of ${view} as ${format} ${done.status}: ${done.error}`);
    return done;
  };
  const waitForExport = (cookie: string, id: string) =>
    waitFor(
      async () => {
        const e = (await request(http).get(`/api/exports/${id}`).set('Cookie', cookie).expect(200)).body as ExportDto;
        return e.status === 'done' || e.status === 'failed' ? e : false;
      },
      `export ${id}`,
      60_000,
      100,
    ) as Promise<ExportDto>;
  const fileOf = async (cookie: string, e: ExportDto) => (await request(http).get(e.file_url!).set('Cookie', cookie).buffer(true).parse(binary).expect(200)).body as Buffer;
  const manifestOf = async (cookie: string, e: ExportDto) => JSON.parse((await request(http).get(e.manifest_url!).set('Cookie', cookie).expect(200)).text) as Record<string, unknown>;

  beforeAll(async () => {
    const r = await relational();
    drop = r.drop;
    const cfg = testConfig(r.env);
    config.key = cfg.bootstrap.writeKey!;
    app = await createApiApp(cfg, { logger: ['error'] });
    http = app.getHttpServer();
    const auth = app.get(AuthService);
    await auth.createUser({ email: 'analyst@test.local', password: 'analyst password 1', name: 'Ana Lyst', role: 'analyst' });
    await auth.createUser({ email: 'planner@test.local', password: 'planner password 1', name: 'Plan Ner', role: 'planner' });
    admin = await signIn(http, 'admin@test.local', 'correct horse battery');
    analyst = await signIn(http, 'analyst@test.local', 'analyst password 1');
    planner = await signIn(http, 'planner@test.local', 'planner password 1');

    // 9 in Sales, 3 in Legal (under k = 5: hidden).
    const people = Array.from({ length: 12 }, (_, i) => ({ person_id: `p${i + 1}`, name: `Person ${i + 1}`, department: i < 9 ? 'Sales' : 'Legal', location: 'Berlin', hired_at: '2020-01-15' }));
    await request(http).put('/v1/people').set('Authorization', `Bearer ${config.key}`).send({ people }).expect(200);
    const events = people.flatMap((p, i) => [
      hubEvent({ event_id: `v-${i}`, type: 'view', actor_id: p.person_id, occurred_at: '2026-03-01T09:00:00Z' }),
      ...Array.from({ length: i }, (_, k) => hubEvent({ event_id: `p-${i}-${k}`, type: 'post', actor_id: p.person_id, occurred_at: '2026-03-03T09:00:00Z' })),
    ]);
    await request(http).post('/v1/events').set('Authorization', `Bearer ${config.key}`).send({ events }).expect(200);
    // the same events again: stored once
    await request(http).post('/v1/events').set('Authorization', `Bearer ${config.key}`).send({ events: events.slice(0, 5) }).expect(200);
    const { job_id } = (await request(http).post('/api/engagement/jobs').set('Cookie', admin).send({ kind: 'full' }).expect(201)).body;
    await waitFor(async () => ((await request(http).get('/api/engagement/jobs').set('Cookie', admin)).body as ScoreJobDto[]).find((j) => j.id === job_id && j.state === 'completed'), 'score job', 60_000);
    const saved = (await request(http).post('/api/segments').set('Cookie', admin).send({ name: 'Sales', rule: { kind: 'attribute', field: 'department', op: 'in', values: ['Sales'] } }).expect(201)).body as SegmentSavedDto;
    segmentId = saved.segment.id;
    await waitFor(async () => (await request(http).get(`/api/segments/${segmentId}`).set('Cookie', admin)).body.membership_version !== null, 'segment membership', 60_000);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('lists the views each role may export', async () => {
    const ids = async (cookie: string) => ((await request(http).get('/api/exports/views').set('Cookie', cookie).expect(200)).body as ExportViewDto[]).map((v) => v.id);
    expect(await ids(admin)).toEqual(expect.arrayContaining(['overview.engagement', 'overview.channels', 'engagement.groups', 'engagement.group-trends', 'segments.list', 'segments.members', 'programmes.scorecard', 'events.raw']));
    expect(await ids(planner)).toContain('segments.members');
    expect(await ids(planner)).not.toContain('events.raw');
    expect(await ids(analyst)).not.toContain('segments.members');
  });

  it('writes the CSV the screen shows: same rows, hidden cells empty and counted, the manifest beside it', async () => {
    const params = { by: 'department', from: '2026-03-01', to: '2026-03-03' };
    const screen = (await request(http).get('/api/engagement/groups').query(params).set('Cookie', analyst).expect(200)).body as GroupScoresDto;
    const table = engagementGroupsTable(screen);
    expect(table.hidden_cells).toBeGreaterThan(0);
    const e = await exportOf(analyst, 'engagement.groups', params, 'csv');
    expect(e).toMatchObject({ status: 'done', progress: 100, rows: table.rows.length, hidden_cells: table.hidden_cells, created_by: 'analyst@test.local' });
    const file = await fileOf(analyst, e);
    expect(file.toString('utf8')).toBe(toCsv(table.columns.map((c) => c.name), table.rows));
    expect(file.toString('utf8')).toMatch(/\r\ndepartment,Legal,Legal,2026-03-01,2026-03-03,,,,.*Hidden to protect privacy/);
    expect(createHash('sha256').update(file).digest('hex')).toBe(e.sha256);
    expect(e.bytes).toBe(file.length);
    const manifest = await manifestOf(analyst, e);
    expect(manifest).toMatchObject({
      view: 'engagement.groups', params: { ...params, attribution: 'as_it_was' }, attribution: 'as_it_was', format: 'csv', min_group_size: 5, scoring_model_version: 1, created_by: 'analyst@test.local', created_at: e.created_at,
      rows: table.rows.length, hidden_cells: table.hidden_cells, data_watermark: { newest_scored_day: expect.any(String), newest_ingested_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) },
    });
    expect((manifest.columns as { name: string; type: string }[]).map((c) => `${c.name}:${c.type}`)).toEqual(table.columns.map((c) => `${c.name}:${c.type}`));
  });

  it('exports each engagement pattern and the score distribution with the rows of the page’s own read', async () => {
    const params = { by: 'department', from: '2026-03-01', to: '2026-03-03' };
    const cases: [view: string, route: string, table: (dto: never) => ViewTable][] = [
      ['engagement.purposes', 'purposes', purposesTable],
      ['engagement.personas', 'personas', personasTable],
      ['engagement.persona-movement', 'personas', personaMovementTable],
      ['engagement.ambassadors', 'ambassadors', ambassadorsTable],
      ['engagement.leaders', 'leaders', leadersTable],
    ];
    for (const [view, route, table, query] of [
      ...cases.map((c) => [...c, params] as const),
      ['engagement.distribution', 'distribution', scoreHistogramTable, { day: '2026-03-03' }] as const,
      ['engagement.quantiles', 'distribution', scoreQuantilesTable, { day: '2026-03-03' }] as const,
    ]) {
      const screen = (await request(http).get(`/api/engagement/${route}`).query(query).set('Cookie', analyst).expect(200)).body as never;
      const t = table(screen);
      const e = await exportOf(analyst, view, query, 'csv');
      expect({ view, csv: (await fileOf(analyst, e)).toString('utf8'), hidden: e.hidden_cells }).toEqual({ view, csv: toCsv(t.columns.map((c) => c.name), t.rows), hidden: t.hidden_cells });
    }
  });

  it('exports every remaining panel with the rows of the page’s own read, hidden cells empty and counted, for the roles of that read', async () => {
    const goal = (await request(http).post('/api/goals').set('Cookie', admin).send({
      name: 'Grow Sales revenue', metric: 'revenue', scope: 'department', scope_value: 'Sales', unit_kind: 'currency', unit: 'EUR', baseline: 100, target: 160,
      target_type: 'increase_to', period_start: '2026-01-01', period_end: '2026-12-31', monthly_targets: [{ period: '2026-03', target: 110 }], owner: 'CRO',
    }).expect(201)).body as GoalDetailDto;
    await request(http).post(`/api/goals/${goal.id}/values`).set('Cookie', admin).send({ values: [{ period: '2026-01', value: 100 }, { period: '2026-02', value: 104 }, { period: '2026-03', value: 103 }] }).expect(201);
    await request(http).put(`/api/goals/${goal.id}/values/2026-02`).set('Cookie', admin).send({ value: 105, note: '=corrected, later' }).expect(200);
    await request(http).put(`/api/goals/${goal.id}/values/2026-02`).set('Cookie', admin).send({ value: 106 }).expect(200);
    const link = (await request(http).post(`/api/goals/${goal.id}/links`).set('Cookie', admin).send({ kind: 'segment', segment_id: segmentId, hypothesis: 'Sales reading lifts revenue' }).expect(201)).body as GoalLinkDto;
    // what the segment's channel rates are of: items published on the hub in the window
    await request(http).put('/v1/content').set('Authorization', `Bearer ${config.key}`).send({ content: [{ content_id: 'c1', channel: 'blog', purpose: 'inform', title: 'Blog 1', published_at: '2026-03-01T08:00:00Z' }] }).expect(200);
    // 7 of 12 people posted at least 5 times: a segment whose size and complement are both shown, so its channel rates are
    const posters = ((await request(http).post('/api/segments').set('Cookie', admin).send({ name: 'Posters', rule: { kind: 'behaviour', action: 'post', min_count: 5, days: 365 } }).expect(201)).body as SegmentSavedDto).segment.id;
    await waitFor(async () => (await request(http).get(`/api/segments/${posters}`).set('Cookie', admin)).body.membership_version !== null, 'segment membership', 60_000);
    await request(http).put('/api/ingestion/mappings').set('Cookie', admin).send({ mappings: [{ source: 'segment', event: 'Post Created', type: 'post', channel: null, purpose: null }] }).expect(200);

    // one Segment event the table does not map: a reject by reason on Data sources
    const basic = `Basic ${Buffer.from(`${config.key}:`).toString('base64')}`;
    await request(http).post('/v1/batch').set('Authorization', basic).send({ batch: [{ type: 'track', userId: 'p1', event: 'Something Unmapped', messageId: 'unmapped-1', timestamp: '2026-03-02T10:00:00Z' }] }).expect(200);

    const read = async (cookie: string, url: string, query: Record<string, string> = {}) => (await request(http).get(url).query(query).set('Cookie', cookie).expect(200)).body as never;
    const g = (await read(analyst, `/api/goals/${goal.id}`)) as GoalDetailDto;
    const range = { from: '2026-03-01', to: '2026-03-03' };
    const cases: [view: string, params: Record<string, string>, cookie: string, screen: () => Promise<ViewTable>, hidden?: boolean][] = [
      ['segments.composition', { id: segmentId }, analyst, async () => segmentCompositionTable(await read(analyst, `/api/segments/${segmentId}`)), true],
      ['segments.size-history', { id: segmentId }, analyst, async () => segmentSizeHistoryTable(await read(analyst, `/api/segments/${segmentId}`))],
      ['segments.channels', { id: posters, ...range }, analyst, async () => segmentChannelsTable(await read(analyst, `/api/segments/${posters}/channels`, range), 'Posters')],
      ['goals.kpi-values', { id: goal.id }, analyst, async () => kpiValuesTable(await read(analyst, `/api/goals/${goal.id}`))],
      ['goals.kpi-history', { id: goal.id }, analyst, async () => kpiHistoryTable(await read(analyst, `/api/goals/${goal.id}/values/history`), g)],
      ['goals.link-correlations', { id: goal.id, link_id: link.id }, analyst, async () => linkCorrelationsTable(await read(analyst, `/api/goals/${goal.id}/links/${link.id}/analysis`))],
      ['strategy.purposes', {}, analyst, async () => purposeScorecardTable(await read(analyst, '/api/strategy/overview')), true],
      ['engagement.scoring-models', {}, analyst, async () => scoringModelsTable(await read(analyst, '/api/engagement/models'))],
      ['engagement.score-jobs', {}, analyst, async () => scoreJobsTable(await read(analyst, '/api/engagement/jobs'))],
      ['ingestion.sources', { window: '10080' }, admin, async () => ingestionSourcesTable(await read(admin, '/api/ingestion/sources', { window: '10080' }))],
      ['ingestion.rejects', { window: '10080' }, admin, async () => ingestionRejectsTable(await read(admin, '/api/ingestion/sources', { window: '10080' }))],
      ['ingestion.mappings', {}, admin, async () => eventMappingsTable(((await read(admin, '/api/ingestion/mappings')) as EventMappingsBody).mappings)],
      ['engagement.explanation', { person_id: 'p9', day: '2026-03-03' }, admin, async () => scoreExplanationTypesTable(await read(admin, '/api/engagement/people/p9/why', { day: '2026-03-03' }))],
      ['engagement.explanation-days', { person_id: 'p9', day: '2026-03-03' }, admin, async () => scoreExplanationDaysTable(await read(admin, '/api/engagement/people/p9/why', { day: '2026-03-03' }))],
    ];
    for (const [view, params, cookie, screen, hidden] of cases) {
      const t = await screen();
      const e = await exportOf(cookie, view, params, 'csv');
      const csv = (await fileOf(cookie, e)).toString('utf8');
      expect({ view, csv, hidden: e.hidden_cells }).toEqual({ view, csv: toCsv(t.columns.map((c) => c.name), t.rows), hidden: t.hidden_cells });
      expect({ view, rows: t.rows.length > 0 }).toEqual({ view, rows: true });
      if (hidden) expect({ view, hidden: t.hidden_cells > 0 }).toEqual({ view, hidden: true });
    }
    // hidden cells are empty, never 0, and the note says why
    const composition = (await fileOf(analyst, await exportOf(analyst, 'segments.composition', { id: segmentId }, 'csv'))).toString('utf8');
    expect(composition).toMatch(/^segment_id,segment,dimension,value,people,note\r\n/);
    expect(composition.split('\r\n').find((l) => l.includes(',score,') && l.includes('Hidden to protect privacy'))).toMatch(/,score,[^,]+,,Hidden to protect privacy/);
    // a formula-looking note is neutralised like every CSV cell
    expect((await fileOf(analyst, await exportOf(analyst, 'goals.kpi-history', { id: goal.id }, 'csv'))).toString('utf8')).toContain(`"'=corrected, later"`);

    // the roles of the page's read: admins only for data sources, mappings and why a score
    for (const view of ['ingestion.sources', 'ingestion.rejects', 'ingestion.mappings', 'engagement.explanation', 'engagement.explanation-days']) {
      expect((await request(http).post('/api/exports').set('Cookie', analyst).send({ view, params: view.startsWith('engagement') ? { person_id: 'p9' } : {}, format: 'csv' }).expect(403)).body.message).toMatch(/needs the role Admin; you are signed in as Analyst$/);
    }
    expect((await request(http).post('/api/exports').set('Cookie', analyst).send({ view: 'goals.link-correlations', params: { id: goal.id }, format: 'csv' }).expect(400)).body.message).toEqual(["params.link_id: is required: the link's id"]);
    expect((await request(http).post('/api/exports').set('Cookie', admin).send({ view: 'ingestion.sources', params: { window: 0 }, format: 'csv' }).expect(400)).body.message[0]).toMatch(/^params\.window: /);
  });

  it('writes NDJSON, XLSX and Parquet of the same view, and a re-run from the manifest gives the same bytes', async () => {
    const params = { from: '2026-03-01', to: '2026-03-03' };
    const csv = await exportOf(analyst, 'overview.channels', params, 'csv');
    const csvLines = (await fileOf(analyst, csv)).toString('utf8').trimEnd().split('\r\n');

    const nd = await exportOf(analyst, 'overview.channels', params, 'ndjson');
    const objects = (await fileOf(analyst, nd)).toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects).toHaveLength(csvLines.length - 1);
    expect(objects[0]).toMatchObject({ from: '2026-03-01', to: '2026-03-03', channel: 'all' });

    const x = await exportOf(analyst, 'overview.channels', params, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fileOf(analyst, x)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Data', 'About']);
    expect(wb.getWorksheet('Data')!.rowCount).toBe(csvLines.length);
    expect(wb.getWorksheet('Data')!.getRow(1).values).toEqual([undefined, ...csvLines[0].split(',')]);

    const pq = await exportOf(analyst, 'overview.channels', params, 'parquet');
    const parquet = await fileOf(analyst, pq);
    expect(parquet.subarray(0, 4).toString('latin1')).toBe('PAR1');
    expect(parquet.subarray(parquet.length - 4).toString('latin1')).toBe('PAR1');
    // the manifest beside the file is also inside it, in the Parquet footer's key-value metadata
    expect(parquetKeyValues(parquet)).toEqual({ [PARQUET_MANIFEST_KEY]: (await request(http).get(pq.manifest_url!).set('Cookie', analyst).expect(200)).text });

    for (const e of [csv, x, pq]) {
      const again = (await request(http).post('/api/exports/rerun').set('Cookie', analyst).send(await manifestOf(analyst, e)).expect(202)).body as ExportDto;
      const done = await waitForExport(analyst, again.id);
      expect(done.id).not.toBe(e.id);
      expect(done.sha256).toBe(e.sha256);
    }
  });

  it('refuses what the role may not read and names bad input', async () => {
    const post = (cookie: string, body: unknown) => request(http).post('/api/exports').set('Cookie', cookie).send(body as object);
    expect((await post(analyst, { view: 'segments.members', params: { id: segmentId }, format: 'csv' }).expect(403)).body.message).toBe(
      'view: exporting Audiences: segment members needs the role Admin or Comms planner; you are signed in as Analyst',
    );
    expect((await post(planner, { view: 'events.raw', params: { from: '2026-03-01', to: '2026-03-03' }, format: 'csv' }).expect(403)).body.message).toMatch(/^view: exporting Raw events needs the role Admin/);
    expect((await post(analyst, { view: 'nope', params: {}, format: 'csv' }).expect(404)).body.message).toMatch(/^view: no exportable view "nope"/);
    expect((await post(analyst, { view: 'overview.channels', params: {}, format: 'pdf' }).expect(400)).body.message).toEqual(['format: must be one of csv, xlsx, parquet, ndjson']);
    expect((await post(analyst, { view: 'overview.channels', params: { from: 'March' }, format: 'csv' }).expect(400)).body.message).toEqual(['params.from: must be a date YYYY-MM-DD']);
    expect((await post(analyst, { view: 'overview.channels', params: { days: 30 }, format: 'csv' }).expect(400)).body.message[0]).toMatch(/^params: .*days/);
    // someone else's export is not there for you
    const mine = await exportOf(analyst, 'segments.list', {}, 'csv');
    await request(http).get(`/api/exports/${mine.id}`).set('Cookie', planner).expect(404);
    await request(http).get(`/api/exports/${mine.id}/file`).set('Cookie', planner).expect(404);
    await request(http).get(`/api/exports/${mine.id}`).set('Cookie', admin).expect(200);
    expect(((await request(http).get('/api/exports').set('Cookie', planner).expect(200)).body as ExportDto[]).map((e) => e.id)).not.toContain(mine.id);
  });

  it('exports a segment’s members (audited with the format) and raw events each once (admins)', async () => {
    const m = await exportOf(planner, 'segments.members', { id: segmentId }, 'ndjson');
    expect(m).toMatchObject({ status: 'done', rows: 9, hidden_cells: 0 });
    const members = (await fileOf(planner, m)).toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { person_id: string; department: string });
    expect(members.map((p) => p.person_id).sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9']);
    expect((await manifestOf(planner, m)).segment_membership_versions).toEqual({ [segmentId]: expect.any(Number) });
    const audit = (await request(http).get('/api/audit').query({ action: 'segment.members.export', limit: 1 }).set('Cookie', admin).expect(200)).body as AuditLogEntryDto[];
    expect(audit[0]).toMatchObject({ actor: 'planner@test.local', target: `segment:${segmentId}`, details: { format: 'ndjson', rows: 9 } });
    expect(((await request(http).get('/api/audit').query({ action: 'export.create', actor: 'planner@' }).set('Cookie', admin).expect(200)).body as AuditLogEntryDto[])[0]).toMatchObject({ target: `export:${m.id}`, details: { view: 'segments.members', format: 'ndjson' } });

    const raw = await exportOf(admin, 'events.raw', { from: '2026-03-01', to: '2026-03-03' }, 'csv');
    const lines = (await fileOf(admin, raw)).toString('utf8').trimEnd().split('\r\n');
    const expected = 12 + Array.from({ length: 12 }, (_, i) => i).reduce((a, b) => a + b, 0);
    expect(raw.rows).toBe(expected);
    expect(lines).toHaveLength(1 + expected);
    expect(lines[0]).toBe('event_id,type,actor_id,occurred_at,content_id,channel,purpose,target_actor_id,properties,source,key_id,ingested_at');
    expect(lines.find((l) => l.startsWith('v-0,'))).toMatch(/^v-0,view,p1,2026-03-01T09:00:00\.000Z,/);
  });

  it('deletes files after the retention period: 410 then', async () => {
    const e = await exportOf(analyst, 'segments.list', {}, 'csv');
    const service = app.get(ExportsService);
    expect(await service.sweep(new Date(Date.now() + 6 * 86_400_000))).toBe(0);
    expect(await service.sweep(new Date(Date.now() + 8 * 86_400_000))).toBeGreaterThanOrEqual(1);
    expect((await request(http).get(`/api/exports/${e.id}`).set('Cookie', analyst).expect(200)).body).toMatchObject({ status: 'expired', file_url: null });
    expect((await request(http).get(`/api/exports/${e.id}/file`).set('Cookie', analyst).expect(410)).body.message).toMatch(/was deleted after 7 day\(s\); run it again/);
  });
});

/** supertest: collect the body as bytes whatever the content type. */
function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}
