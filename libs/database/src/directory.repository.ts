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
   * row twice), stamped `updatedAt`, and replaces the stints of every person in `changed` with
   * `stints` — all in one transaction: a failure leaves neither, so a retry finds the people still
   * to write and writes their history too (written apart, a failed stints write left the person
   * updated and a retry saw nothing to change). SQLite caps bound variables per statement: every
   * write goes in slices of 500 (stints: 7 columns, 3,500 variables); one transaction over a
   * 20,000-person sync is also what makes it fast there (one journal commit, not one per slice).
   * TypeORM's upsert writes values back into the objects it is given (on SQLite by position, not by
   * key), so it gets copies.
   */
  async write(people: readonly Person[], updatedAt: string, changed: readonly string[] = [], stints: readonly PersonStintEntity[] = []): Promise<void> {
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
    await this.ds.transaction(async (m) => {
      for (let i = 0; i < entities.length; i += 500) await m.upsert(PersonEntity, entities.slice(i, i + 500).map((e) => ({ ...e })), ['personId']);
      for (let i = 0; i < changed.length; i += 500) await m.delete(PersonStintEntity, { personId: In(changed.slice(i, i + 500)) });
      for (let i = 0; i < stints.length; i += 500) await m.insert(PersonStintEntity, stints.slice(i, i + 500).map((s) => ({ ...s })));
    });
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
