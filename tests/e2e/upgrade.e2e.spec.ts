import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import type { GroupScoresDto, OverviewResponse } from '@hubpulse/contracts';
import { REPO_ROOT, runFullScoreJob, signIn, spawnApi, uniqueName, type SpawnedApi } from '@hubpulse/testing';
import { FIXTURE_ADMIN, FIXTURE_KEY, FIXTURE_QUERIES } from '../support/make-upgrade-fixture';

/**
 * Upgrades (issue 16): a data folder written by an earlier release (tests/fixtures, made by
 * tests/support/make-upgrade-fixture.ts with that release's production build: people, events, a full
 * score run) opens with this build — migrations applied at start — and answers what it answered.
 */
jest.setTimeout(180_000);

const FIXTURES = [{ file: 'upgrade-stop22.tar.gz', release: 'stop 22 (ef79c79)' }];

describe.each(FIXTURES)('a data folder of $release opens with this build', ({ file }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-upgrade-'));
  let api: SpawnedApi | undefined;
  let before: { commit: string; answered: { overview: OverviewResponse; groups: GroupScoresDto } };

  beforeAll(() => {
    const r = spawnSync('tar', ['-xzf', path.join(REPO_ROOT, 'tests/fixtures', file), '-C', dataDir], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    before = JSON.parse(fs.readFileSync(path.join(dataDir, 'fixture.json'), 'utf8'));
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates both stores at start and answers the same figures, before and after a new score run', async () => {
    api = await spawnApi({
      HUBPULSE_DATA_DIR: dataDir,
      HUBPULSE_QUEUE_PREFIX: `hptest:${uniqueName('upgrade')}`,
      HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: FIXTURE_ADMIN.email,
      HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: FIXTURE_ADMIN.password,
      HUBPULSE_BOOTSTRAP_WRITE_KEY: FIXTURE_KEY,
      HUBPULSE_SCORE_DEBOUNCE_MS: '200',
    });
    expect(api.output()).toMatch(/applied .*018_people_history/); // the ClickHouse migrations since that release ran
    const admin = await signIn(api.url, FIXTURE_ADMIN.email, FIXTURE_ADMIN.password); // its users and sessions table
    const read = async <T>(route: string) => (await request(api!.url).get(route).set('Cookie', admin).expect(200)).body as T;
    const figures = async () => {
      const overview = await read<OverviewResponse>(FIXTURE_QUERIES.overview);
      const groups = await read<GroupScoresDto>(FIXTURE_QUERIES.groups);
      return { totals: overview.totals, groups: groups.groups.map((g) => [g.key, g.people, g.mean_score]) };
    };
    const expected = { totals: before.answered.overview.totals, groups: before.answered.groups.groups.map((g) => [g.key, g.people, g.mean_score]) };
    expect(expected.groups.filter((g) => g[2] !== null).length).toBeGreaterThan(0);
    expect(await figures()).toEqual(expected);
    // the stored scores are this build's to rewrite: a full run over the old data gives the same figures
    expect((await runFullScoreJob(api.url, admin, 120_000)).state).toBe('completed');
    expect(await figures()).toEqual(expected);
    // and it takes new data with the old key
    await request(api.url)
      .post('/v1/events')
      .set('Authorization', `Bearer ${FIXTURE_KEY}`)
      .send({ events: [{ event_id: 'after-upgrade', type: 'view', actor_id: 'p1', occurred_at: '2026-10-31T09:00:00Z', channel: 'blog' }] })
      .expect(200);
  });
});
