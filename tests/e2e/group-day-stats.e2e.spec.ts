import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { type GroupScoresDto, round, type ScoreJobDto, type SegmentListDto } from '@hubpulse/contracts';
import { ScoresRepository } from '@hubpulse/clickhouse';
import { Metrics } from '@hubpulse/metrics';
import { hubEvent, signIn, testConfig, waitFor } from '@hubpulse/testing';
import { createApiApp } from '../../apps/api/src/app-factory';
import { ScoreComputeService } from '../../apps/worker/src/scores/score-compute.service';

/**
 * Engagement groups keep each day's statistics (issue 17): a day is computed once per plan and
 * scores version, shared by every grouping and range, and computed again only when a score run
 * recomputed it. The numbers stay those of the scores: each shown mean is checked against the
 * scores read straight from ClickHouse.
 */
describe('engagement groups: per-day statistics kept across requests (chDB + SQLite + Redis, inline workers)', () => {
  const config = testConfig();
  const key = config.bootstrap.writeKey!;
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let admin: string;
  const departments = ['Sales', 'Legal'];
  // 40 people, 20 per department and per site (crossed), nobody managing anybody: every group is shown.
  const people = Array.from({ length: 40 }, (_, i) => ({
    person_id: `g${i}`,
    name: `Person ${i}`,
    department: departments[i % 2],
    location: i < 20 ? 'Berlin' : 'Lisbon',
    manager_id: null,
    hired_at: '2020-01-15',
    is_leader: false,
  }));
  const DAYS = ['2026-03-01', '2026-03-02', '2026-03-03'];

  const counts = async () => {
    const metric = await app.get(Metrics).registry.getSingleMetric('hubpulse_group_day_stats_total')!.get();
    const of = (outcome: string) => metric.values.find((v) => v.labels.outcome === outcome)?.value ?? 0;
    return { kept: of('kept'), computed: of('computed') };
  };
  const groups = async (by: string) =>
    (await request(http).get(`/api/engagement/groups?by=${by}&from=${DAYS[0]}&to=${DAYS[2]}`).set('Cookie', admin).expect(200)).body as GroupScoresDto;
  /** Runs of the starter segments so far (each refreshes after a score job, and the plan with them). */
  const starterRuns = async () => ((await request(http).get('/api/segments').set('Cookie', admin).expect(200)).body as SegmentListDto).segments.filter((x) => x.starter).reduce((n, x) => n + x.runs.length, 0);
  /** A score job, then the starter segments' refresh after it (so the next read sees the plan it leaves). */
  const score = async (kind: 'full' | 'incremental') => {
    const runs = await starterRuns();
    const { job_id } = (await request(http).post('/api/engagement/jobs').set('Cookie', admin).send({ kind }).expect(201)).body as { job_id: string };
    const job = (await waitFor(
      async () => ((await request(http).get('/api/engagement/jobs').set('Cookie', admin).expect(200)).body as ScoreJobDto[]).find((j) => j.id === job_id && (j.state === 'completed' || j.state === 'failed')) ?? false,
      `score job ${job_id}`,
      60_000,
    )) as ScoreJobDto;
    expect(job.state).toBe('completed');
    await waitFor(async () => (await starterRuns()) >= runs + 6, 'the six starter segments refreshed after the score job', 60_000);
  };
  const ingest = (events: ReturnType<typeof hubEvent>[]) => request(http).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events }).expect(200);
  /** Each department's mean score per day, from the scores in ClickHouse (people without a score count 0). */
  const expectedMeans = async () => {
    const rows = await app.get(ScoresRepository).dailyScores(DAYS[0], DAYS[2]);
    const out = new Map<string, number>();
    for (const d of departments) {
      const members = new Set(people.filter((p) => p.department === d).map((p) => p.person_id));
      for (const day of DAYS) {
        const row = rows.find((r) => r.day === day) ?? { ids: [], scores: [] };
        const sum = row.ids.reduce((s, id, i) => s + (members.has(id) ? Number(row.scores[i]) : 0), 0);
        out.set(`${d}|${day}`, round(sum / members.size));
      }
    }
    return out;
  };
  const shownMeans = (dto: GroupScoresDto) => new Map(dto.groups.flatMap((g) => g.trend.map((t) => [`${g.key}|${t.day}`, t.mean_score] as const)));

  beforeAll(async () => {
    app = await createApiApp(config, { logger: ['error'] });
    http = app.getHttpServer();
    admin = await signIn(http, 'admin@test.local', 'correct horse battery');
    await request(http).put('/v1/people').set('Authorization', `Bearer ${key}`).send({ people }).expect(200);
    // Everybody views on each day; person i posts i % 4 times on each day.
    await ingest(
      people.flatMap((p, i) =>
        DAYS.flatMap((day, d) => [
          hubEvent({ event_id: `v-${i}-${d}`, type: 'view', actor_id: p.person_id, occurred_at: `${day}T09:00:00Z` }),
          ...Array.from({ length: i % 4 }, (_, k) => hubEvent({ event_id: `p-${i}-${d}-${k}`, type: 'post', actor_id: p.person_id, occurred_at: `${day}T10:00:00Z` })),
        ]),
      ),
    );
    await score('full');
    // Everything here happens within the production margin of a minute (events ingested that close to
    // a run's watermark count as touched again): without it, the incremental run would rescore every day.
    app.get(ScoreComputeService, { strict: false }).watermarkMarginMs = 0;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('computes each day once, shares it between groupings, and recomputes only the days a score run changed', async () => {
    const before = await counts();
    const first = await groups('department');
    const afterFirst = await counts();
    expect(afterFirst.computed - before.computed).toBe(DAYS.length + 1); // three days' means and the last day's active share
    expect(first.groups.map((g) => g.people)).toEqual([20, 20]);
    const expected = await expectedMeans();
    for (const [k, v] of shownMeans(first)) expect([k, v]).toEqual([k, expected.get(k)]);

    // Another grouping of the same range: a new answer, from the same days.
    const byLocation = await groups('location');
    expect(byLocation.groups.map((g) => g.key).sort()).toEqual(['Berlin', 'Lisbon']);
    const afterLocation = await counts();
    expect(afterLocation.computed).toBe(afterFirst.computed);
    expect(afterLocation.kept - afterFirst.kept).toBe(DAYS.length + 1);

    // Comments, answers and shared documents on the last day by Sales people who already post (no segment changes: the plan stays
    // the same); an incremental run rescores that day only.
    const late = people.filter((_, i) => i % 4 === 2);
    const types = ['comment', 'answer', 'doc_share'] as const;
    await ingest(late.flatMap((p, i) => types.flatMap((type) => Array.from({ length: 5 }, (_, k) => hubEvent({ event_id: `late-${i}-${type}-${k}`, type, actor_id: p.person_id, occurred_at: `${DAYS[2]}T15:00:00Z` })))));
    const versions = await app.get(ScoresRepository).dayVersions(DAYS[0], DAYS[2]);
    await score('incremental');
    const rescored = await app.get(ScoresRepository).dayVersions(DAYS[0], DAYS[2]);
    expect(DAYS.map((d) => rescored.get(d) === versions.get(d))).toEqual([true, true, false]);
    const again = await groups('department');
    const afterAgain = await counts();
    expect(afterAgain.computed - afterLocation.computed).toBe(2); // the last day's mean and active share
    expect(afterAgain.kept - afterLocation.kept).toBe(DAYS.length - 1);
    const now = await expectedMeans();
    expect(now.get(`Sales|${DAYS[2]}`)).not.toBe(expected.get(`Sales|${DAYS[2]}`)); // the late actions moved Sales up the ranks
    for (const [k, v] of shownMeans(again)) expect([k, v]).toEqual([k, now.get(k)]);
  });
});
