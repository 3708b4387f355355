import type { DataSource } from 'typeorm';
import * as path from 'node:path';
import {
  DirectoryRepository,
  openDatabase,
  EventMappingEntity,
  GoalEntity,
  IngestionKeyEntity,
  KpiValueEntity,
  PersonEntity,
  SessionsRepository,
  UserEntity,
  UserIdentitiesRepository,
  UsersRepository,
  WriteKeysRepository,
} from '@hubpulse/database';
import { TEST_POSTGRES_URL, uniqueName, workerDataDir } from '@hubpulse/testing';

/** The same migrations and entities on both relational backends. */
describe.each([
  ['SQLite', () => ({ cfg: { type: 'sqlite' as const, path: path.join(workerDataDir(), `${uniqueName()}.sqlite`) } })],
  ['PostgreSQL', () => ({ cfg: { type: 'postgres' as const, url: TEST_POSTGRES_URL }, schema: uniqueName('s') })],
])('relational store on %s', (_name, make) => {
  let ds: DataSource;
  const { cfg, schema } = make() as { cfg: Parameters<typeof openDatabase>[0]; schema?: string };

  beforeAll(async () => {
    ds = await openDatabase(cfg, { schema });
  });
  afterAll(async () => {
    if (schema && ds?.isInitialized) await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
    await ds?.destroy();
  });

  it('runs the migrations once and records them', async () => {
    expect(await ds.showMigrations()).toBe(false);
    const done = await ds.query(`SELECT name FROM ${schema ? `"${schema}".` : ''}migrations`);
    expect(done.map((r: { name: string }) => r.name)).toEqual(['Initial1764100000000', 'EventMappings1764200000000', 'ScoringModelV21764300000000', 'SegmentsProgrammes1764410000000', 'GoalsStrategy1764500000000', 'ProgrammeLaunchMembership1764600000000', 'WriteKeyScopes1764700000000', 'UsersAccess1764800000000', 'SsoIdentities1764900000000', 'WriteKeyLastUsed1765100000000', 'AuditLogTime1765200000000', 'Exports1765300000000', 'ReadTokens1765310000000', 'SavedViews1765340000000', 'Deliveries1765400000000', 'Schedules1765410000000', 'Alerts1765500000000', 'WriteKeyOrigins1765600000000', 'NewsletterMappings1765610000000', 'PersonStints1765620000000']);
    // running again is a no-op
    expect(await ds.runMigrations()).toEqual([]);
  });

  it('seeds the default SDK event mappings', async () => {
    const rows = await ds.getRepository(EventMappingEntity).findBy({ source: 'segment' });
    expect(rows.find((r) => r.event === 'Post Created')).toMatchObject({ type: 'post', channel: null });
    expect(await ds.getRepository(EventMappingEntity).findOneBy({ source: 'posthog', event: '$pageview' })).toMatchObject({ type: 'view' });
    expect(rows.find((r) => r.event === 'Email Opened')).toMatchObject({ type: 'newsletter_open', channel: 'newsletter' });
    expect(await ds.getRepository(EventMappingEntity).findOneBy({ source: 'posthog', event: 'Link Clicked' })).toMatchObject({ type: 'newsletter_click' });
  });

  it('stores users with unique emails', async () => {
    const repo = ds.getRepository(UserEntity);
    await repo.insert({ id: 'u1', email: 'a@b.co', name: 'A', role: 'planner', passwordHash: 'x', createdAt: new Date().toISOString() });
    await expect(repo.insert({ id: 'u2', email: 'a@b.co', name: 'B', role: 'analyst', passwordHash: 'y', createdAt: new Date().toISOString() })).rejects.toThrow();
    expect(await repo.findOneBy({ id: 'u1' })).toMatchObject({ role: 'planner' });
  });

  it('upserts people with JSON attributes and booleans', async () => {
    const repo = ds.getRepository(PersonEntity);
    const base = { name: 'P', email: null, department: 'Sales', location: null, title: null, managerId: null, hiredAt: '2020-01-01', updatedAt: 'now' };
    await repo.upsert([{ ...base, personId: 'p1', isLeader: true, attributes: { level: 3, remote: false } }], ['personId']);
    await repo.upsert([{ ...base, personId: 'p1', isLeader: false, department: 'Legal', attributes: { level: 4 } }], ['personId']);
    const p = await repo.findOneByOrFail({ personId: 'p1' });
    expect(p).toMatchObject({ department: 'Legal', isLeader: false, attributes: { level: 4 } });
    expect(await repo.count()).toBe(1);
  });

  it('keeps goals with KPI values and cascades their deletion', async () => {
    await ds.getRepository(GoalEntity).insert({
      id: 'g1', name: 'Revenue', metric: 'revenue', customMetricName: null, scope: 'organisation', scopeValue: null, unitKind: 'currency', unit: 'USD', baseline: 1.5e6, target: 2.25e6,
      targetType: 'increase_to', periodStart: '2026-01-01', periodEnd: '2026-12-31', owner: null, createdBy: 'test', createdAt: 'now', updatedAt: 'now',
    });
    await ds.getRepository(KpiValueEntity).insert({ goalId: 'g1', period: '2026-01-01', value: 1.6e6, source: 'api', setBy: 'test', setAt: 'now', note: null });
    expect((await ds.getRepository(KpiValueEntity).findOneByOrFail({ goalId: 'g1' })).value).toBeCloseTo(1.6e6);
    await ds.getRepository(GoalEntity).delete({ id: 'g1' });
    expect(await ds.getRepository(KpiValueEntity).count()).toBe(0);
  });

  it('stores ingestion keys hashed and unique', async () => {
    const repo = ds.getRepository(IngestionKeyEntity);
    const row = { id: 'k1', name: 'n', keyHash: 'h'.repeat(64), prefix: 'hp_wk_', scope: 'write' as const, createdAt: 'now', revokedAt: null };
    await repo.insert(row);
    await expect(repo.insert({ ...row, id: 'k2' })).rejects.toThrow();
  });

  // The repositories of users, sessions, write keys and the relational directory (AuthService, DirectoryService).

  it('UsersRepository stores users and finds them by id and email', async () => {
    const users = new UsersRepository(ds);
    const before = await users.count();
    await users.insert({ id: 'u9', email: 'z@b.co', name: 'Z', role: 'admin', passwordHash: 'x', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(await users.count()).toBe(before + 1);
    expect(await users.find('u9')).toMatchObject({ email: 'z@b.co', role: 'admin' });
    expect(await users.findByEmail('z@b.co')).toMatchObject({ id: 'u9' });
    expect(await users.findByEmail('nobody@b.co')).toBeNull();
  });

  it('SessionsRepository keeps sessions until deleted or expired', async () => {
    const sessions = new SessionsRepository(ds);
    await sessions.insert({ tokenHash: 'h-old', userId: 'u9', expiresAt: '2026-01-01T00:00:00.000Z', createdAt: '2025-12-31T00:00:00.000Z' });
    await sessions.insert({ tokenHash: 'h-new', userId: 'u9', expiresAt: '2026-02-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z' });
    await sessions.deleteExpired('2026-01-15T00:00:00.000Z');
    expect(await sessions.find('h-old')).toBeNull();
    expect(await sessions.find('h-new')).toMatchObject({ userId: 'u9' });
    await sessions.delete('h-new');
    expect(await sessions.find('h-new')).toBeNull();
  });

  it('single sign-on: identities link a provider subject to a user; roles change; all sessions of a user end; a deleted user takes its identities', async () => {
    const users = new UsersRepository(ds);
    const sessions = new SessionsRepository(ds);
    const identities = new UserIdentitiesRepository(ds);
    await users.insert({ id: 'u-sso', email: 'sso@b.co', name: 'S', role: 'analyst', passwordHash: 'sso', createdAt: '2026-01-01T00:00:00.000Z' });
    await identities.insert({ issuer: 'https://idp.example', subject: 'abc', userId: 'u-sso', email: 'sso@b.co', createdAt: '2026-01-01T00:00:00.000Z', lastSignInAt: '2026-01-01T00:00:00.000Z' });
    await identities.signedIn('https://idp.example', 'abc', 'new@b.co', '2026-01-02T00:00:00.000Z');
    expect(await identities.find('https://idp.example', 'abc')).toMatchObject({ userId: 'u-sso', email: 'new@b.co', lastSignInAt: '2026-01-02T00:00:00.000Z' });
    expect(await identities.find('https://other.example', 'abc')).toBeNull();

    await users.update('u-sso', { role: 'leader' });
    expect(await users.find('u-sso')).toMatchObject({ role: 'leader' });

    for (const h of ['s-1', 's-2']) await sessions.insert({ tokenHash: h, userId: 'u-sso', expiresAt: '2099-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z' });
    await sessions.insert({ tokenHash: 's-other', userId: 'u9', expiresAt: '2099-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z' });
    await sessions.deleteByUser('u-sso');
    expect([await sessions.find('s-1'), await sessions.find('s-2')]).toEqual([null, null]);
    expect(await sessions.find('s-other')).toMatchObject({ userId: 'u9' });

    await ds.getRepository(UserEntity).delete({ id: 'u-sso' });
    expect(await identities.find('https://idp.example', 'abc')).toBeNull();
  });

  it('WriteKeysRepository lists keys newest first, finds them by hash and revokes them', async () => {
    const keys = new WriteKeysRepository(ds);
    const before = await keys.count();
    const key = (id: string, createdAt: string) => ({ id, name: id, keyHash: `hash-${id}`, prefix: 'hp_wk_abcd', scope: 'write' as const, scopes: ['events' as const], browser: false, createdAt, revokedAt: null });
    await keys.insert(key('ka', '2026-01-01T00:00:00.000Z'));
    await keys.insert(key('kb', '2026-01-02T00:00:00.000Z'));
    expect((await keys.list()).map((k) => k.id).filter((id) => id === 'ka' || id === 'kb')).toEqual(['kb', 'ka']);
    expect(await keys.count()).toBe(before + 2);
    expect(await keys.findByHash('hash-ka')).toMatchObject({ id: 'ka', scopes: ['events'] });
    await keys.revoke('ka', '2026-01-03T00:00:00.000Z');
    expect(await keys.find('ka')).toMatchObject({ revokedAt: '2026-01-03T00:00:00.000Z' });
  });

  it('WriteKeysRepository records a last use only over one older than the given minute', async () => {
    const keys = new WriteKeysRepository(ds);
    await keys.insert({ id: 'ku', name: 'ku', keyHash: 'hash-ku', prefix: 'hp_wk_used', scope: 'write', scopes: ['events'], browser: false, createdAt: '2026-01-01T00:00:00.000Z', revokedAt: null });
    expect(await keys.find('ku')).toMatchObject({ lastUsedAt: null });
    expect(await keys.markUsed('ku', '2026-01-05T10:00:00.000Z', '2026-01-05T09:59:00.000Z')).toBe(true); // never used: recorded
    expect(await keys.markUsed('ku', '2026-01-05T10:00:30.000Z', '2026-01-05T09:59:30.000Z')).toBe(false); // another process recorded it this minute
    expect(await keys.find('ku')).toMatchObject({ lastUsedAt: '2026-01-05T10:00:00.000Z' });
    expect(await keys.markUsed('ku', '2026-01-05T10:01:00.000Z', '2026-01-05T10:00:00.000Z')).toBe(false); // stale means strictly older
    expect(await keys.markUsed('ku', '2026-01-05T10:01:01.000Z', '2026-01-05T10:00:01.000Z')).toBe(true);
    expect(await keys.find('ku')).toMatchObject({ lastUsedAt: '2026-01-05T10:01:01.000Z' });
    expect(await keys.markUsed('nope', '2026-01-05T10:02:00.000Z', '2026-01-05T10:01:00.000Z')).toBe(false);
    expect((await keys.list()).find((k) => k.id === 'ku')).toMatchObject({ lastUsedAt: '2026-01-05T10:01:01.000Z' });
  });

  it('DirectoryRepository reads people by ids (past the bound-variable cap) and checks departments', async () => {
    const directory = new DirectoryRepository(ds);
    const before = await directory.count();
    const base = { email: null, location: null, title: null, managerId: null, hiredAt: null, isLeader: false, attributes: {}, updatedAt: 'now' };
    const people = Array.from({ length: 600 }, (_, i) => ({ ...base, personId: `d${i}`, name: `d${i}`, department: i % 2 ? 'Ops' : 'Support' }));
    for (let i = 0; i < people.length; i += 200) await ds.getRepository(PersonEntity).insert(people.slice(i, i + 200));
    expect(await directory.count()).toBe(before + 600);
    const ids = people.slice(0, 550).map((p) => p.personId);
    expect((await directory.findMany([...ids, 'missing'])).map((p) => p.personId).sort()).toEqual([...ids].sort());
    expect(await directory.has('department', ['Ops', 'Nowhere'])).toEqual(new Set(['Ops']));
    expect(await directory.has('department', [])).toEqual(new Set());
  });
});
