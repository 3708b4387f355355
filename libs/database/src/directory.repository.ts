import { Inject, Injectable } from '@nestjs/common';
import { In, type DataSource } from 'typeorm';
import { DATA_SOURCE } from './data-source';
import { PersonEntity } from './entities/person.entity';

/**
 * The directory's source of truth, the relational `people` table (ClickHouse `people` is its query
 * copy, read through PeopleRepository; both are written by @hubpulse/ingestion's writePeople).
 */
@Injectable()
export class DirectoryRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(PersonEntity);
  }

  /** The stored people of `ids` (read in slices: SQLite caps bound variables per statement). */
  async findMany(ids: readonly string[]): Promise<PersonEntity[]> {
    const found: PersonEntity[] = [];
    for (let i = 0; i < ids.length; i += 500) found.push(...(await this.repo.findBy({ personId: In(ids.slice(i, i + 500)) })));
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
