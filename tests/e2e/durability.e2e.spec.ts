import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hubEvent, spawnApi, uniqueName, type SpawnedApi } from '@hubpulse/testing';

/**
 * The production build as a real process: an acknowledged batch survives a SIGKILL right after
 * its 200, and SIGTERM finishes in-flight batches before exiting.
 */
describe('durability of acknowledged events (production build)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-durability-'));
  const key = 'hp_wk_durability_key_0123456789';
  const env = {
    HUBPULSE_DATA_DIR: dataDir,
    HUBPULSE_QUEUE_PREFIX: `hptest:${uniqueName()}`,
    HUBPULSE_BOOTSTRAP_WRITE_KEY: key,
    HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: 'admin@test.local',
    HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: 'correct horse battery',
  };
  let api: SpawnedApi | undefined;

  afterAll(async () => {
    await api?.stop('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (url: string, events: unknown[]) =>
    fetch(`${url}/v1/events`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ events }) });

  const countEvents = async (url: string) => {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@test.local', password: 'correct horse battery' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const ov = (await (await fetch(`${url}/api/overview?from=2026-01-01&to=2026-12-31`, { headers: { Cookie: cookie } })).json()) as { totals: { events: number } };
    return ov.totals.events as number;
  };

  it('keeps a batch acknowledged just before SIGKILL', async () => {
    api = await spawnApi(env);
    const events = Array.from({ length: 2000 }, (_, i) => hubEvent({ event_id: `k-${i}`, actor_id: `p${i % 50}` }));
    const res = await post(api.url, events);
    expect(res.status).toBe(200);
    api.child.kill('SIGKILL'); // no time to flush anything after the answer
    await api.stop('SIGKILL');

    api = await spawnApi(env);
    expect(await countEvents(api.url)).toBe(2000);
    // the same batch again (an SDK retry after a lost answer) still counts once
    expect((await post(api.url, events)).status).toBe(200);
    expect(await countEvents(api.url)).toBe(2000);
  }, 180_000);

  it('finishes in-flight batches on SIGTERM', async () => {
    const before = await countEvents(api!.url);
    const batches = Array.from({ length: 20 }, (_, b) => Array.from({ length: 500 }, (_, i) => hubEvent({ event_id: `t-${b}-${i}`, actor_id: `p${i % 50}` })));
    const inflight = batches.map((events) => post(api!.url, events).then((r) => r.status, () => 0));
    await new Promise((r) => setTimeout(r, 20));
    const exit = api!.stop('SIGTERM');
    const statuses = await Promise.all(inflight);
    expect([0, null]).toContain(await exit); // null: re-raised SIGTERM after a clean close
    const acknowledged = statuses.filter((s) => s === 200).length;
    expect(acknowledged).toBeGreaterThan(0);

    api = await spawnApi(env);
    // every acknowledged batch is there (unanswered ones may or may not be)
    expect(await countEvents(api.url)).toBeGreaterThanOrEqual(before + acknowledged * 500);
  }, 180_000);
});
