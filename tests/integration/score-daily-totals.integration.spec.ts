import type { ClickHouseClient } from '@clickhouse/client';
import { ClickHouseService, closeClickHouse, migrateClickHouse, openClickHouse, ScoresRepository } from '@hubpulse/clickhouse';
import { testConfig } from '@hubpulse/testing';

/**
 * The programme scorecard's daily score totals (ScoresRepository.dailyTotals) read the same score
 * rows as every other scores read: the current ones (the model version that scored the day, per
 * score_days). Regressions: the totals were never found (the day's alias, a String, shadowed the
 * Date column in the WHERE), and a day swapped in by a recompute with a new model but not yet
 * recorded in score_days counted rows no other view shows.
 */
describe('ScoresRepository.dailyTotals', () => {
  const config = testConfig();
  let raw: ClickHouseClient;
  let scores: ScoresRepository;

  beforeAll(async () => {
    raw = await openClickHouse(config.clickhouse);
    await migrateClickHouse(raw, config.clickhouse.database);
    const ch = new ClickHouseService(raw, config);
    scores = new ScoresRepository(ch);
    const t = ch.tables;
    const row = (day: string, person_id: string, model_version: number, score: number, computed_at: string) => ({
      day, person_id, raw: 1, score, score_cohort: score, cohort: '', hl_points: [1], actions: 1, model_version, computed_at,
    });
    // One insert per run (a part each): model 1 scored both days, then model 2 rescored them.
    await raw.insert({
      table: t.engagement_scores,
      format: 'JSONEachRow',
      values: [row('2026-01-20', 'p1', 1, 40, '2026-01-21 00:00:00.000'), row('2026-01-20', 'p2', 1, 60, '2026-01-21 00:00:00.000'), row('2026-01-21', 'p1', 1, 30, '2026-01-22 00:00:00.000')],
    });
    await raw.insert({
      table: t.engagement_scores,
      format: 'JSONEachRow',
      values: [row('2026-01-20', 'p1', 2, 50, '2026-01-23 00:00:00.000'), row('2026-01-20', 'p2', 2, 65, '2026-01-23 00:00:00.000'), row('2026-01-20', 'p3', 2, 0, '2026-01-23 00:00:00.000'), row('2026-01-21', 'p1', 2, 70, '2026-01-23 00:00:00.000')],
    });
    // 2026-01-20 is recorded as scored by model 2; 2026-01-21's model 2 rows are in, its score_days row still says model 1.
    const day = (d: string, model_version: number) => ({ day: d, model_version, population: 3, active: 2, mode: 'full', watermark: '2026-01-23 00:00:00.000', computed_at: '2026-01-23 00:00:00.000' });
    await raw.insert({ table: t.score_days, format: 'JSONEachRow', values: [day('2026-01-20', 2), day('2026-01-21', 1)] });
  }, 60_000);

  afterAll(async () => {
    if (!raw) return;
    await raw.command({ query: `DROP DATABASE IF EXISTS ${config.clickhouse.database}` });
    await closeClickHouse(raw, config.clickhouse);
  });

  const among = (ids: string[]) => ({ sql: 'SELECT arrayJoin({ids:Array(String)})', params: { ids } });

  it('sums the current scores of the people selected, per day, with those above 0 as contributors', async () => {
    const totals = await scores.dailyTotals(['2026-01-20', '2026-01-21'], among(['p1', 'p2', 'p3']));
    expect([...totals]).toEqual([['2026-01-20', { total: 50 + 65, contributors: 2 }]]);
    expect([...(await scores.dailyTotals(['2026-01-20'], among(['p2'])))]).toEqual([['2026-01-20', { total: 65, contributors: 1 }]]);
  });

  it('agrees with the daily scores every other view reads', async () => {
    const current = await scores.dailyScores('2026-01-20', '2026-01-21');
    const totals = await scores.dailyTotals(['2026-01-20', '2026-01-21'], among(['p1', 'p2', 'p3']));
    expect(Object.fromEntries([...totals].map(([d, v]) => [d, v.total]))).toEqual(Object.fromEntries(current.map((c) => [c.day, c.scores.reduce((a, b) => a + b, 0)])));
  });
});
