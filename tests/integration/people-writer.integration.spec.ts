import type { ClickHouseClient } from '@clickhouse/client';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { closeClickHouse, migrateClickHouse, openClickHouse, PeopleRepository, tablesFor, type ClickHouseService } from '@hubpulse/clickhouse';
import { DirectoryRepository, openDatabase, PersonEntity, PersonStintEntity } from '@hubpulse/database';
import { PeopleWriterService } from '@hubpulse/ingestion';
import { uniqueName, workerDataDir } from '@hubpulse/testing';
import { qualify, RELATIONAL_BACKENDS } from './relational-upgrade.fixture';

/**
 * The directory writer keeps its two copies in agreement. Regression: on SQLite, TypeORM's upsert
 * wrote values back into the given objects by position, so a batch not in person_id order reached
 * ClickHouse with ids and fields swapped. And a person and their stints are written together: with
 * the stints write failing (a trigger of the test store, not a mock), nothing of the change stays, so
 * the retry writes both.
 */
describe.each(RELATIONAL_BACKENDS)('PeopleWriterService on chDB + %s', (_name, make) => {
  const store = make();
  const chCfg = { mode: 'embedded' as const, path: path.join(workerDataDir(), 'clickhouse'), database: uniqueName() };
  let client: ClickHouseClient;
  let ds: DataSource;

  beforeAll(async () => {
    client = await openClickHouse(chCfg);
    await migrateClickHouse(client, chCfg.database);
    ds = await openDatabase(store.cfg, { schema: store.schema });
  });
  afterAll(async () => {
    if (store.schema) await ds.query(`DROP SCHEMA "${store.schema}" CASCADE`);
    await ds.destroy();
    await client.command({ query: `DROP DATABASE IF EXISTS ${chCfg.database}` });
    await closeClickHouse(client, chCfg);
  });

  it('writes the same person under the same id to both stores, whatever the batch order', async () => {
    const ch = { client, tables: tablesFor(chCfg.database) } as unknown as ClickHouseService;
    const writer = new PeopleWriterService(new DirectoryRepository(ds), new PeopleRepository(ch));
    const person = (id: string, name: string) => ({ person_id: id, name, email: null, department: `dept of ${name}`, location: null, title: null, manager_id: null, hired_at: null, is_leader: false, attributes: {} });
    for (let round = 0; round < 2; round++) await writer.write([person('p3', 'Cleo'), person('p1', 'Ada'), person('p2', 'Bo')]); // new, then existing rows
    const sql = (await ds.getRepository(PersonEntity).find({ order: { personId: 'ASC' } })).map((p) => [p.personId, p.name, p.department]);
    const rs = await client.query({ query: `SELECT person_id, name, toString(department) AS d FROM ${chCfg.database}.people FINAL ORDER BY person_id`, format: 'JSONEachRow' });
    const copy = (await rs.json<{ person_id: string; name: string; d: string }>()).map((p) => [p.person_id, p.name, p.d]);
    expect(sql).toEqual([['p1', 'Ada', 'dept of Ada'], ['p2', 'Bo', 'dept of Bo'], ['p3', 'Cleo', 'dept of Cleo']]);
    expect(copy).toEqual(sql);
  });

  it('writes a person and their stints in one transaction: a failed stints write leaves neither, and the retry writes both', async () => {
    const ch = { client, tables: tablesFor(chCfg.database) } as unknown as ClickHouseService;
    const writer = new PeopleWriterService(new DirectoryRepository(ds), new PeopleRepository(ch));
    const person = (department: string, effective_at?: string) => ({ person_id: 'mover', name: 'Mo', email: null, department, location: null, title: null, manager_id: null, hired_at: null, is_leader: false, attributes: {}, effective_at });
    await writer.write([person('Sales')]);
    const stints = qualify(store, 'person_stints');
    if (store.schema) {
      await ds.query(`CREATE FUNCTION "${store.schema}".refuse_stint() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'stints refused'; END $$`);
      await ds.query(`CREATE TRIGGER refuse_stint BEFORE INSERT ON ${stints} FOR EACH ROW EXECUTE FUNCTION "${store.schema}".refuse_stint()`);
    } else await ds.query(`CREATE TRIGGER refuse_stint BEFORE INSERT ON person_stints BEGIN SELECT RAISE(ABORT, 'stints refused'); END`);

    await expect(writer.write([person('Operations', '2025-03-01')])).rejects.toThrow(/stints refused/);
    const held = async () => ({
      department: (await ds.getRepository(PersonEntity).findOneByOrFail({ personId: 'mover' })).department,
      stints: (await ds.getRepository(PersonStintEntity).find({ where: { personId: 'mover' }, order: { validFrom: 'ASC' } })).map((s) => `${s.department}:${s.validFrom}..${s.validTo ?? ''}`),
    });
    expect(await held()).toEqual({ department: 'Sales', stints: ['Sales:1900-01-01..'] });

    await ds.query(store.schema ? `DROP TRIGGER refuse_stint ON ${stints}` : 'DROP TRIGGER refuse_stint');
    await writer.write([person('Operations', '2025-03-01')]);
    expect(await held()).toEqual({ department: 'Operations', stints: ['Sales:1900-01-01..2025-03-01', 'Operations:2025-03-01..'] });
    const rows = async (query: string) => (await client.query({ query, format: 'JSONEachRow' })).json<{ v: string }>();
    const copy = await rows(`SELECT concat(toString(department), ':', toString(valid_from)) AS v FROM ${chCfg.database}.people_history FINAL WHERE person_id = 'mover' AND version = (SELECT max(version) FROM ${chCfg.database}.people_history WHERE person_id = 'mover') ORDER BY valid_from`);
    expect(copy.map((r) => r.v)).toEqual(['Sales:1900-01-01', 'Operations:2025-03-01']);
  });

  it("heals the query copy's history on a retry after its write failed (the relational write had succeeded)", async () => {
    const tables = tablesFor(chCfg.database);
    const writer = new PeopleWriterService(new DirectoryRepository(ds), new PeopleRepository({ client, tables } as unknown as ClickHouseService));
    // The same writer with the copy's history table missing: a real refusal by ClickHouse (UNKNOWN_TABLE), not a mock.
    const broken = new PeopleWriterService(new DirectoryRepository(ds), new PeopleRepository({ client, tables: { ...tables, people_history: `${chCfg.database}.no_such_table` } } as unknown as ClickHouseService));
    const person = (department: string, effective_at?: string) => ({ person_id: 'healer', name: 'He', email: null, department, location: null, title: null, manager_id: null, hired_at: null, is_leader: false, attributes: {}, effective_at });
    await writer.write([person('Sales')]);
    await expect(broken.write([person('Operations', '2025-06-01')])).rejects.toThrow(/no_such_table|UNKNOWN_TABLE|doesn't exist|does not exist/i);

    await writer.write([person('Operations', '2025-06-01')]); // the sender's retry: the directory already holds the change
    const rows = async (query: string) => (await client.query({ query, format: 'JSONEachRow' })).json<{ v: string }>();
    const copy = await rows(`SELECT concat(toString(department), ':', toString(valid_from)) AS v FROM ${chCfg.database}.people_history FINAL WHERE person_id = 'healer' AND version = (SELECT max(version) FROM ${chCfg.database}.people_history WHERE person_id = 'healer') ORDER BY valid_from`);
    expect(copy.map((r) => r.v)).toEqual(['Sales:1900-01-01', 'Operations:2025-06-01']);
  });
});
