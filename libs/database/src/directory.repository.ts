import { Inject, Injectable } from '@nestjs/common';
import { In, type DataSource } from 'typeorm';
import type { Person } from '@hubpulse/contracts';
import { DATA_SOURCE } from './data-source';
import { PersonEntity } from './entities/person.entity';
import { PersonStintEntity } from './entities/person-stint.entity';

/**
 * The directory's source of truth, the relational `people` table (ClickHouse `people` is its query
 * copy, PeopleRepository; @hubpulse/ingestion's PeopleWriterService writes this table, then the copy).
 */
@Injectable()
export class DirectoryRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(PersonEntity);
  }

  /**
   * Inserts or replaces `people` (one entry per person id: PostgreSQL refuses an upsert touching a
   * row twice), stamped `updatedAt`. SQLite caps bound variables per statement: upserted in slices
   * of 500, each its own statement (no transaction around them). TypeORM's upsert writes values
   * back into the objects it is given (on SQLite by position, not by key), so it gets copies.
   */
  async upsert(people: readonly Person[], updatedAt: string): Promise<void> {
    const entities: PersonEntity[] = people.map((p) => ({
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
      updatedAt,
    }));
    for (let i = 0; i < entities.length; i += 500) {
      await this.repo.upsert(entities.slice(i, i + 500).map((e) => ({ ...e })), ['personId']);
    }
  }

  /** The stored people of `ids` (read in slices: SQLite caps bound variables per statement). */
  async findMany(ids: readonly string[]): Promise<PersonEntity[]> {
    const found: PersonEntity[] = [];
    for (let i = 0; i < ids.length; i += 500) found.push(...(await this.repo.findBy({ personId: In(ids.slice(i, i + 500)) })));
    return found;
  }

  /** The stints of `ids`, each person's in order of `validFrom` (read in slices of 500). */
  async stints(ids: readonly string[]): Promise<PersonStintEntity[]> {
    const found: PersonStintEntity[] = [];
    const repo = this.ds.getRepository(PersonStintEntity);
    for (let i = 0; i < ids.length; i += 500) found.push(...(await repo.find({ where: { personId: In(ids.slice(i, i + 500)) }, order: { personId: 'ASC', validFrom: 'ASC' } })));
    return found;
  }

  /**
   * Replaces the stints of every person in `personIds` with `stints`, in one transaction (a reader
   * never sees a person without history), deleting and inserting in slices of 500 (7 columns: 3,500 bound variables).
   */
  async replaceStints(personIds: readonly string[], stints: readonly PersonStintEntity[]): Promise<void> {
    await this.ds.transaction(async (m) => {
      for (let i = 0; i < personIds.length; i += 500) await m.delete(PersonStintEntity, { personId: In(personIds.slice(i, i + 500)) });
      for (let i = 0; i < stints.length; i += 500) await m.insert(PersonStintEntity, stints.slice(i, i + 500).map((s) => ({ ...s })));
    });
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  /** Which of `values` are a department (or location) of someone in the directory. */
  async has(column: 'department' | 'location', values: readonly string[]): Promise<Set<string>> {
    if (!values.length) return new Set();
    const rows = await this.repo
      .createQueryBuilder('p')
      .select(`DISTINCT p.${column}`, 'v')
      .where(`p.${column} IN (:...values)`, { values: [...values] })
      .getRawMany<{ v: string }>();
    return new Set(rows.map((r) => r.v));
  }
}
