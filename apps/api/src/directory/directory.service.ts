import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Content, Person } from '@hubpulse/contracts';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { DATA_SOURCE, PersonEntity } from '@hubpulse/database';
import { StorageUnavailableError } from '../common/errors';
import { toClickHouseTime } from '../ingest/event-row';

/** A monotonically increasing version for ReplacingMergeTree copies (last write wins). */
let lastVersion = 0;
function nextVersion(): number {
  lastVersion = Math.max(lastVersion + 1, Date.now() * 1000);
  return lastVersion;
}

@Injectable()
export class DirectoryService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly ch: ClickHouseService,
  ) {}

  /** Upserts the directory (source of truth) then its ClickHouse copy. */
  async upsertPeople(people: Person[]): Promise<{ upserted: number }> {
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
    // SQLite caps bound variables per statement: upsert in slices.
    for (let i = 0; i < entities.length; i += 500) {
      await this.ds.getRepository(PersonEntity).upsert(entities.slice(i, i + 500), ['personId']);
    }
    const version = nextVersion();
    try {
      await this.ch.client.insert({
        table: this.ch.tables.people,
        format: 'JSONEachRow',
        values: entities.map((e) => ({
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
          version,
        })),
      });
    } catch (err) {
      throw new StorageUnavailableError(`directory copy could not be stored (${(err as Error).message.slice(0, 200)})`);
    }
    return { upserted: people.length };
  }

  async upsertContent(content: Content[]): Promise<{ upserted: number }> {
    const version = nextVersion();
    try {
      await this.ch.client.insert({
        table: this.ch.tables.content,
        format: 'JSONEachRow',
        values: content.map((c) => ({
          content_id: c.content_id,
          channel: c.channel,
          purpose: c.purpose,
          author_id: c.author_id ?? '',
          title: c.title,
          published_at: toClickHouseTime(c.published_at),
          version,
        })),
      });
    } catch (err) {
      throw new StorageUnavailableError(`content could not be stored (${(err as Error).message.slice(0, 200)})`);
    }
    return { upserted: content.length };
  }

  async countPeople(): Promise<number> {
    return this.ds.getRepository(PersonEntity).count();
  }
}
