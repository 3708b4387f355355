import { Injectable } from '@nestjs/common';
import type { Person } from '@hubpulse/contracts';
import { PeopleRepository } from '@hubpulse/clickhouse';
import { DirectoryRepository } from '@hubpulse/database';

/**
 * Writes people to the directory (relational, source of truth: DirectoryRepository) and then its
 * ClickHouse copy (PeopleRepository). One row per person, the last winning. The copy is written only
 * once every slice of the directory is: a failed directory write leaves the copy untouched (slices
 * written before it stay; a retry writes them again). Used by PUT /v1/people, SDK identify calls
 * and the bulk import alike.
 */
@Injectable()
export class PeopleWriterService {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly copy: PeopleRepository,
  ) {}

  /** Returns how many distinct people were written. */
  async write(input: readonly Person[]): Promise<number> {
    const people = [...new Map(input.map((p) => [p.person_id, p])).values()];
    if (people.length === 0) return 0;
    await this.directory.upsert(people, new Date().toISOString());
    await this.copy.upsert(people);
    return people.length;
  }
}
