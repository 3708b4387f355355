import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { REPO_ROOT, runFullScoreJob, signIn, spawnApi, uniqueName, type SpawnedApi } from '@hubpulse/testing';
import { smallHubEvents, smallHubPeople } from '../support/small-hub';

/**
 * `npm run backup` / `npm run restore` of the embedded deployment (issue 16): the production build
 * on a data folder with events, people and scores; a backup refused while it runs and taken once it
 * stopped; restored into a new data folder; the product started there reads identical numbers.
 */
jest.setTimeout(240_000);

describe('backup and restore of the embedded deployment (production build)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-backup-'));
  const original = path.join(root, 'original');
  const restored = path.join(root, 'restored');
  const archive = path.join(root, 'hubpulse-backup.tar.gz');
  const key = 'hp_wk_backup_key_0123456789abcdef';
  const env = {
    HUBPULSE_QUEUE_PREFIX: `hptest:${uniqueName('backup')}`,
    HUBPULSE_BOOTSTRAP_WRITE_KEY: key,
    HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: 'admin@test.local',
    HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: 'correct horse battery',
    HUBPULSE_SCORE_DEBOUNCE_MS: '200',
  };
  let api: SpawnedApi | undefined;

  afterAll(async () => {
    await api?.stop('SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  });

  const tool = (dataDir: string, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'tools/backup.ts'), ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', HUBPULSE_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 120_000,
    });

  /** What users read: overview totals, the channel mix, group scores by department, a person's scores. */
  const figures = async (url: string) => {
    const admin = await signIn(url, env.HUBPULSE_BOOTSTRAP_ADMIN_EMAIL, env.HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD);
    const get = async (route: string) => (await request(url).get(route).set('Cookie', admin).expect(200)).body as unknown;
    return {
      overview: await get('/api/overview?from=2026-10-01&to=2026-10-30'),
      groups: await get('/api/engagement/groups?by=department&from=2026-10-01&to=2026-10-30'),
      people: await get('/api/engagement/people?limit=50'),
    };
  };

  it('backs up the stopped product and restores it into a new folder that reads the same numbers', async () => {
    api = await spawnApi({ ...env, HUBPULSE_DATA_DIR: original });
    await request(api.url).put('/v1/people').set('Authorization', `Bearer ${key}`).send({ people: smallHubPeople() }).expect(200);
    await request(api.url).post('/v1/events').set('Authorization', `Bearer ${key}`).send({ events: smallHubEvents('b') }).expect(200);
    const admin = await signIn(api.url, env.HUBPULSE_BOOTSTRAP_ADMIN_EMAIL, env.HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD);
    expect((await runFullScoreJob(api.url, admin, 120_000)).state).toBe('completed');
    const before = await figures(api.url);
    expect((before.overview as { totals: { active_people: number } }).totals.active_people).toBe(30);

    // while it runs: refused, saying why
    const running = tool(original, 'backup', '--out', archive);
    expect(running.status).toBe(1);
    expect(running.stderr).toMatch(/Hubpulse is running on .*stop it first/);
    expect(fs.existsSync(archive)).toBe(false);

    expect(await api.stop('SIGTERM')).not.toBe(1);
    api = undefined;
    const taken = tool(original, 'backup', '--out', archive);
    expect(taken.stderr).toBe('');
    expect(taken.status).toBe(0);
    expect(taken.stdout).toMatch(/3,000 events, 40 people/);

    const put = tool(restored, 'restore', archive);
    expect(put.status).toBe(0);
    expect(put.stdout).toMatch(/restored .* 3,000 events, 40 people/);
    // a second restore into the same folder would overwrite data: refused
    const again = tool(restored, 'restore', archive);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds Hubpulse data/);

    api = await spawnApi({ ...env, HUBPULSE_DATA_DIR: restored });
    expect(await figures(api.url)).toEqual(before);
  });

  it('says what is wrong with a file that is not a backup', () => {
    const bogus = path.join(root, 'not-a-backup.tar.gz');
    fs.writeFileSync(bogus, 'hello');
    const r = tool(path.join(root, 'empty'), 'restore', bogus);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not a Hubpulse backup/);
  });
});
