import type { ClickHouseClient } from '@clickhouse/client';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { closeClickHouse, migrateClickHouse, openClickHouse, PeopleRepository, tablesFor, type ClickHouseService } from '@hubpulse/clickhouse';
import { DirectoryRepository, openDatabase, PersonEntity, PersonStintEntity } from '@hubpulse/database';
import { PeopleWriterService } from '@hubpulse/ingestion';
import { uniqueName, workerDataDir } from '@hubpulse/testing';
import { RELATIONAL_BACKENDS } from './relational-upgrade.fixture';

/**
 * The directory's history (issue 15): person_stints (relational) and its copy people_history
 * (ClickHouse) agree, back-dated changes split stints, and groupRowsOn reads the directory as it was.
 */
describe.each(RELATIONAL_BACKENDS)('directory history on chDB + %s', (_name, make) => {
  const store = make();
  const chCfg = { mode: 'embedded' as const, path: path.join(workerDataDir(), 'clickhouse'), database: uniqueName() };
  let client: ClickHouseClient;
  let ds: DataSource;
  let writer: PeopleWriterService;
  let people: PeopleRepository;

  beforeAll(async () => {
    client = await openClickHouse(chCfg);
    await migrateClickHouse(client, chCfg.database);
    ds = await openDatabase(store.cfg, { schema: store.schema });
    const rows = async (query: string, query_params: Record<string, unknown> = {}) => (await client.query({ query, query_params, format: 'JSONEachRow' })).json();
    people = new PeopleRepository({ client, tables: tablesFor(chCfg.database), rows } as unknown as ClickHouseService);
    writer = new PeopleWriterService(new DirectoryRepository(ds), people);
  });
  afterAll(async () => {
    if (store.schema) await ds.query(`DROP SCHEMA "${store.schema}" CASCADE`);
    await ds.destroy();
    await client.command({ query: `DROP DATABASE IF EXISTS ${chCfg.database}` });
    await closeClickHouse(client, chCfg);
  });

  const person = (id: string, department: string, effective_at?: string, manager_id: string | null = null) => ({ person_id: id, name: id, email: null, department, location: 'Berlin', title: null, manager_id, hired_at: '2010-01-01', is_leader: false, attributes: {}, effective_at });

  it('keeps each stint in both stores, splits back-dated changes and reads the directory as it was', async () => {
    await writer.write([person('boss', 'Sales', '2014-01-01'), person('p1', 'Sales', '2014-01-01', 'boss'), person('p2', 'Sales', '2014-01-01', 'boss')]);
    await writer.write([person('p1', 'Operations', '2024-06-01', null)]);
    await writer.write([person('p1', 'Marketing', '2020-01-01', 'boss')]); // back-dated: holds until the move of 2024
    await writer.write([person('p2', 'Sales', undefined, 'boss')]); // unchanged: no new stint
    await writer.write([{ ...person('p2', 'Sales', '2022-02-02', 'boss'), title: 'Lead' }]); // a new title only: no change day

    const relational = (await ds.getRepository(PersonStintEntity).find({ order: { personId: 'ASC', validFrom: 'ASC' } })).map((s) => `${s.personId}:${s.department}:${s.validFrom}..${s.validTo ?? ''}`);
    expect(relational).toEqual(['boss:Sales:2014-01-01..', 'p1:Sales:2014-01-01..2020-01-01', 'p1:Marketing:2020-01-01..2024-06-01', 'p1:Operations:2024-06-01..', 'p2:Sales:2014-01-01..2022-02-02', 'p2:Sales:2022-02-02..']);
    const copy = (await people.history('p1')).map((s) => `${s.department}:${s.valid_from}..${s.valid_to ?? ''}`);
    expect(copy).toEqual(['Sales:2014-01-01..2020-01-01', 'Marketing:2020-01-01..2024-06-01', 'Operations:2024-06-01..']);
    expect(await people.changeDays('2000-01-01', '2030-01-01')).toEqual(['2020-01-01', '2024-06-01']);

    // today's row is the open stint's
    expect((await ds.getRepository(PersonEntity).findOneByOrFail({ personId: 'p1' })).department).toBe('Operations');
    const on = async (day: string) => Object.fromEntries((await people.groupRowsOn(day, '2026-01-01')).map((r) => [r.person_id, `${r.department}/${r.managers.join(',')}`]));
    expect(await on('2010-05-05')).toEqual({ boss: 'Sales/', p1: 'Sales/boss', p2: 'Sales/boss' }); // before the first stint: the first
    expect(await on('2021-01-01')).toEqual({ boss: 'Sales/', p1: 'Marketing/boss', p2: 'Sales/boss' });
    expect(await on('2025-01-01')).toEqual({ boss: 'Sales/', p1: 'Operations/', p2: 'Sales/boss' });
    expect((await people.groupRows('2026-01-01')).find((r) => r.person_id === 'p1')?.department).toBe('Operations');

    // historyRowsOn: the same directories from one read, on every day that matters (and a person without history)
    await people.upsert([{ ...person('p3', 'Finance', undefined, 'p1'), location: 'Paris' }]); // ClickHouse only: no stints
    const days = ['2010-05-05', '2014-01-01', '2019-12-31', '2020-01-01', '2022-02-02', '2024-05-31', '2024-06-01', '2026-01-01'];
    const asGroups = (rows: { person_id: string; department: string; location: string; managers: string[] }[]) => rows.map((r) => `${r.person_id}:${r.department}/${r.location}/${r.managers.join(',')}`);
    const once = await people.historyRowsOn(days);
    for (const [i, day] of days.entries()) expect(asGroups(once[i])).toEqual(asGroups(await people.groupRowsOn(day, '2026-01-01')));
  });
});
