import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import type { Content, Person } from '@hubpulse/contracts';
import type { PersonPatch } from '../ingest/formats/mapped-batch';
import { ClickHouseService } from '@hubpulse/clickhouse';
import { DATA_SOURCE, PersonEntity } from '@hubpulse/database';
import { StorageUnavailableError } from '../common/errors';
import { nextVersion, toClickHouseTime, writePeople } from '@hubpulse/ingestion';

function fromEntity(e: PersonEntity | undefined, id: string): Person {
  return {
    person_id: id,
    name: e?.name ?? id,
    email: e?.email ?? null,
    department: e?.department ?? null,
    location: e?.location ?? null,
    title: e?.title ?? null,
    manager_id: e?.managerId ?? null,
    hired_at: e?.hiredAt ?? null,
    is_leader: e?.isLeader ?? false,
    attributes: e?.attributes ?? {},
  };
}

@Injectable()
export class DirectoryService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly ch: ClickHouseService,
  ) {}

  /** Upserts the directory (source of truth) then its ClickHouse copy. */
  /** Upserts the directory (source of truth) then its ClickHouse copy. */
  async upsertPeople(people: Person[]): Promise<{ upserted: number }> {
    try {
      return { upserted: await writePeople(this.ds, this.ch, people) };
    } catch (err) {
      throw new StorageUnavailableError('directory could not be stored', err);
    }
  }

  /**
   * Applies partial directory changes (SDK identify / group calls): fields a patch leaves out keep
   * their stored value; a person not yet in the directory is created with the id as name.
   */
  async patchPeople(patches: PersonPatch[]): Promise<{ upserted: number }> {
    if (patches.length === 0) return { upserted: 0 };
    const merged = new Map<string, Person>();
    const ids = [...new Set(patches.map((p) => p.person_id))];
    const existing = new Map<string, PersonEntity>();
    for (let i = 0; i < ids.length; i += 500) {
      for (const e of await this.ds.getRepository(PersonEntity).findBy({ personId: In(ids.slice(i, i + 500)) })) existing.set(e.personId, e);
    }
    for (const patch of patches) {
      const prev = merged.get(patch.person_id) ?? fromEntity(existing.get(patch.person_id), patch.person_id);
      merged.set(patch.person_id, {
        ...prev,
        ...Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && k !== 'attributes')),
        attributes: { ...prev.attributes, ...patch.attributes },
      } as Person);
    }
    return this.upsertPeople([...merged.values()]);
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
      throw new StorageUnavailableError('content could not be stored', err);
    }
    return { upserted: content.length };
  }

  async countPeople(): Promise<number> {
    return this.ds.getRepository(PersonEntity).count();
  }
}
