import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { ClickHouseModule, ClickHouseService } from '@hubpulse/clickhouse';
import { ConfigModule } from '@hubpulse/config';
import { DatabaseModule, ScoringModelsRepository } from '@hubpulse/database';
import type { ScoringModel } from '@hubpulse/analytics';
import { EVENT_TYPES, type EventType } from '@hubpulse/contracts';
import { testConfig } from '@hubpulse/testing';
import { ScoreComputeService } from '../../apps/worker/src/scores/score-compute.service';
import { expectSameScores, reference, type Ev, type Person, type Row } from './score-reference';

const DAY = 86_400_000;
const isoDay = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
const dayNum = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);

describe('engagement scores in ClickHouse', () => {
  const config = testConfig();
  let ctx: INestApplicationContext;
  let ch: ClickHouseService;
  let scores: ScoreComputeService;
  let models: ScoringModelsRepository;

  // deterministic pseudo-random activity: 40 people over 75 days, some not in the directory
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const start = Date.parse('2026-01-01T00:00:00Z');
  const makeEvent = (i: number, ms: number): Ev => ({
    event_id: `ev-${i}`,
    type: EVENT_TYPES[Math.floor(rnd() * EVENT_TYPES.length)],
    actor_id: `p${Math.floor(Math.pow(rnd(), 2) * 40)}`,
    occurred_at: new Date(ms).toISOString().replace('T', ' ').slice(0, 23),
  });
  const events: Ev[] = Array.from({ length: 3000 }, (_, i) => makeEvent(i, start + Math.floor(rnd() * 75 * DAY)));
  const people: Person[] = Array.from({ length: 34 }, (_, i) => ({
    person_id: `p${i}`,
    name: `Person ${i}`,
    department: ['Sales', 'Engineering', 'Finance'][i % 3],
    hired_at: i % 5 === 0 ? null : isoDay(dayNum('2026-01-01') - 100 - i * 97),
    version: 1,
  }));
  // per-type half-lives, a cap, a lookback shorter than the data so actions leave the window
  const model: Omit<ScoringModel, 'version'> = {
    weights: { view: 1, react: 2, comment: 4, post: 8, share: 4, doc_share: 5, task_update: 3, answer: 6, feedback: 5, newsletter_send: 0, newsletter_open: 0, newsletter_click: 0 },
    halfLives: { view: 3, react: 5, comment: 10, post: 20, share: 7, doc_share: 14, task_update: 2, answer: 30, feedback: 12, newsletter_send: 14, newsletter_open: 14, newsletter_click: 14 },
    dailyCaps: { view: 2, react: 1 },
    lookbackDays: 30,
  };
  let version = 0;

  const stored = () =>
    ch.rows<Row & { model_version: number; hl_points: number[] }>(
      `SELECT toString(day) AS day, person_id, raw, score, score_cohort, toString(cohort) AS cohort, hl_points, actions, model_version
       FROM ${ch.tables.engagement_scores} FINAL ORDER BY day, person_id`,
    );
  const expectSame = expectSameScores;

  beforeAll(async () => {
    const mod = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), ClickHouseModule, DatabaseModule],
      providers: [ScoringModelsRepository, ScoreComputeService],
    }).compile();
    ctx = await mod.init();
    ch = ctx.get(ClickHouseService);
    scores = ctx.get(ScoreComputeService);
    scores.watermarkMarginMs = 0; // everything here happens within the production margin of a minute
    models = ctx.get(ScoringModelsRepository);
    version = (await models.create(model, 'test')).version;
    await ch.client.insert({ table: ch.tables.people, values: people, format: 'JSONEachRow' });
    await ch.client.insert({ table: ch.tables.events, values: events, format: 'JSONEachRow' });
    await ch.client.insert({ table: ch.tables.events, values: events.slice(0, 500), format: 'JSONEachRow' }); // a retried batch
  }, 60_000);

  afterAll(async () => {
    await ch?.client.command({ query: `DROP DATABASE IF EXISTS ${ch.database}` });
    await ctx?.close();
  });

  it('full recompute matches the reference for every person and day', async () => {
    const r = await scores.recompute({ kind: 'full' });
    expect(r).toMatchObject({ mode: 'full', from: '2026-01-01', to: '2026-03-16', model_version: version });
    const got = await stored();
    expect(r.rows).toBe(got.length);
    expect(got.every((g) => g.model_version === version)).toBe(true);
    expectSame(got, reference(events, people, { ...model, version }, '2026-01-01', '2026-03-16'));
    // somebody ranks top of the organisation every day
    expect(Math.max(...got.filter((g) => g.day === '2026-03-16').map((g) => g.score))).toBe(100);
  });

  it('an incremental run recomputes only the touched days and agrees with the reference', async () => {
    expect(await scores.recompute()).toMatchObject({ mode: 'incremental', rows: 0, from: null });
    const recent = events.find((e) => e.occurred_at.startsWith('2026-03-09'))!;
    const more: Ev[] = [
      ...Array.from({ length: 120 }, (_, i) => makeEvent(10_000 + i, Date.parse('2026-03-15T00:00:00Z') + Math.floor(rnd() * 3 * DAY))),
      { ...recent }, // a retry of an event of a week ago: counts once
    ];
    await ch.client.insert({ table: ch.tables.events, values: more, format: 'JSONEachRow' });
    const all = [...events, ...more];
    const r = await scores.recompute();
    expect(r.mode).toBe('incremental');
    // the retried old event marks its day as touched, so the run starts there; nothing changes before it
    expect(r.from).toBe('2026-03-09');
    expect(r.to).toBe('2026-03-17');
    expectSame(await stored(), reference(all, people, { ...model, version }, '2026-01-01', '2026-03-17'));
  });

  it('a model change recomputes history with the new version, leaving no row of the old one', async () => {
    const v2 = await models.create({ ...model, weights: { ...model.weights, view: 0 }, dailyCaps: {}, lookbackDays: 14 }, 'test');
    const r = await scores.recompute();
    expect(r).toMatchObject({ mode: 'full', model_version: v2.version });
    const got = await stored();
    expect(got.every((g) => g.model_version === v2.version)).toBe(true);
    const all = (await ch.rows<Ev>(`SELECT event_id, type, actor_id, toString(occurred_at) AS occurred_at FROM ${ch.tables.events} FINAL`));
    const m2 = (await models.get(v2.version))!;
    expectSame(got, reference(all, people, m2, '2026-01-01', '2026-03-17'));
  });
});
