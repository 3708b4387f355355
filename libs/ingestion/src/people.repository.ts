import type { DataSource } from 'typeorm';
import type { Person } from '@hubpulse/contracts';
import type { ClickHouseService } from '@hubpulse/clickhouse';
import { PersonEntity } from '@hubpulse/database';

let lastVersion = 0;
/** A monotonically increasing version for ReplacingMergeTree copies (the last write wins). */
export function nextVersion(): number {
  lastVersion = Math.max(lastVersion + 1, Date.now() * 1000);
  return lastVersion;
}

/**
 * Writes people to the directory (relational, source of truth) and then its ClickHouse copy.
 * One row per person, the last winning: PostgreSQL refuses an upsert touching a row twice.
 * Used by PUT /v1/people, SDK identify calls and the bulk import alike.
 */
export async function writePeople(ds: DataSource, ch: ClickHouseService, input: Person[]): Promise<number> {
  const people = [...new Map(input.map((p) => [p.person_id, p])).values()];
  if (people.length === 0) return 0;
  const now = new Date().toISOString();
  const entities = people.map((p) => ({
    personId: p.person_id,
    name: p.name,
    email: p.email ?? null,
    department: p.department ?? null,
    location: p.location ?? null,
    title: p.title ?? null,
    managerId: p.manager_id ?? null,
    hiredAt: p.hired_at ? p.hired_at.slice(0, 10) : null,
    isLeader: p.is_leader,
    attributes: p.attributes,
    updatedAt: now,
  }));
  // The ClickHouse rows are built before the upsert: on SQLite, TypeORM's upsert re-reads the rows
  // and writes values back into the objects it was given by position, not by key, so a batch not in
  // person_id order came back with ids and fields mismatched (and its ClickHouse copy with it).
  const rows = entities.map((e) => ({
    person_id: e.personId,
    name: e.name,
    email: e.email ?? '',
    department: e.department ?? '',
    location: e.location ?? '',
    title: e.title ?? '',
    manager_id: e.managerId ?? '',
    hired_at: e.hiredAt,
    is_leader: e.isLeader,
    attributes: JSON.stringify(e.attributes),
  }));
  // SQLite caps bound variables per statement: upsert in slices (of copies, as TypeORM writes into them).
  for (let i = 0; i < entities.length; i += 500) {
    await ds.getRepository(PersonEntity).upsert(entities.slice(i, i + 500).map((e) => ({ ...e })), ['personId']);
  }
  const version = nextVersion();
  await ch.client.insert({ table: ch.tables.people, format: 'JSONEachRow', values: rows.map((r) => ({ ...r, version })) });
  return people.length;
}
