import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { AlertsRepository, openDatabase, type AlertEntity } from '@hubpulse/database';
import { TEST_POSTGRES_URL, uniqueName, workerDataDir } from '@hubpulse/testing';

/** Alerts' state writes on both relational backends: the compare-and-set that keeps a repeated or concurrent evaluation from sending twice. */
describe.each([
  ['SQLite', () => ({ cfg: { type: 'sqlite' as const, path: path.join(workerDataDir(), `${uniqueName()}.sqlite`) } })],
  ['PostgreSQL', () => ({ cfg: { type: 'postgres' as const, url: TEST_POSTGRES_URL }, schema: uniqueName('s') })],
])('alerts repository on %s', (_name, make) => {
  let ds: DataSource;
  let repo: AlertsRepository;
  const { cfg, schema } = make() as { cfg: Parameters<typeof openDatabase>[0]; schema?: string };

  beforeAll(async () => {
    ds = await openDatabase(cfg, { schema });
    repo = new AlertsRepository(ds);
  });
  afterAll(async () => {
    if (schema && ds?.isInitialized) await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
    await ds?.destroy();
  });

  const row = (id: string, over: Partial<AlertEntity> = {}): AlertEntity => ({
    id, ownerId: 'u1', name: id, kind: 'index', goalId: null, statuses: null, level: 40.5, direction: 'below', purpose: 'vision', groupBy: 'org', groupValue: null,
    cooldownMinutes: 60, recipients: '["u1"]', webhooks: '[]', enabled: true, state: 'ok', stateSince: '2026-03-01T00:00:00.000Z', valueKey: null, lastFiredAt: null,
    lastNotifiedAt: null, lastEvaluatedAt: null, lastValue: null, lastReason: null, version: 0, createdAt: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z', ...over,
  });
  const line = (alertId: string, id: string) => ({ id, alertId, at: '2026-03-02T00:00:00.000Z', fromState: 'ok', toState: 'firing', notification: 'firing', value: '39', detail: 'fired at 39' });

  it('writes a state once per version: the second of two evaluations that read the same row loses and writes no history', async () => {
    await repo.insert(row('a1'));
    const read = (await repo.find('a1'))!;
    expect(read).toMatchObject({ level: 40.5, enabled: true, version: 0 });
    expect(await repo.writeState('a1', read.version, { state: 'firing', lastValue: '39' }, line('a1', 't1'))).toBe(true);
    expect(await repo.writeState('a1', read.version, { state: 'firing', lastValue: '39' }, line('a1', 't2'))).toBe(false);
    expect((await repo.history('a1', 10)).map((t) => t.id)).toEqual(['t1']);
    expect(await repo.find('a1')).toMatchObject({ state: 'firing', lastValue: '39', version: 1 });
  });

  it('an edit bumps the version, so an evaluation that read before it sends nothing', async () => {
    await repo.insert(row('a2'));
    const read = (await repo.find('a2'))!;
    await repo.updateRule('a2', { level: 50, updatedAt: '2026-03-03T00:00:00.000Z' });
    expect(await repo.writeState('a2', read.version, { state: 'firing' }, line('a2', 't3'))).toBe(false);
    expect(await repo.find('a2')).toMatchObject({ level: 50, state: 'ok', version: 1 });
    expect((await repo.enabled({ kinds: ['index'] })).map((a) => a.id)).toEqual(['a1', 'a2']);
    await repo.delete('a2');
    expect(await repo.find('a2')).toBeNull();
  });
});
