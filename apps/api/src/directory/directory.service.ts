import { Injectable } from '@nestjs/common';
import type { Content, IngestRejection, Person } from '@hubpulse/contracts';
import type { DirectoryPatch } from '../ingest/formats/mapped-batch';
import { applyPersonPatch, newPerson } from './person-patch';
import { ContentRepository, nextVersion } from '@hubpulse/clickhouse';
import { DirectoryRepository, type PersonEntity } from '@hubpulse/database';
import { StorageUnavailableError } from '../common/errors';
import { PeopleWriterService, toContentRows } from '@hubpulse/ingestion';

/** A stored person as the contract shapes it. */
function fromEntity(e: PersonEntity): Person {
  return {
    person_id: e.personId,
    name: e.name,
    email: e.email,
    department: e.department,
    location: e.location,
    title: e.title,
    manager_id: e.managerId,
    hired_at: e.hiredAt,
    is_leader: e.isLeader,
    attributes: e.attributes ?? {},
  };
}

@Injectable()
export class DirectoryService {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly content: ContentRepository,
    private readonly peopleWriter: PeopleWriterService,
  ) {}

  /** Upserts the directory (source of truth) then its ClickHouse copy. */
  async upsertPeople(people: Person[]): Promise<{ upserted: number }> {
    try {
      return { upserted: await this.peopleWriter.write(people) };
    } catch (err) {
      throw new StorageUnavailableError('directory could not be stored', err);
    }
  }

  /**
   * Applies partial directory changes (SDK identify / group / $set), in order: fields a patch leaves
   * out keep their stored value; a person not yet in the directory is created with the id as name.
   * Each change is checked by the person schema; a refused one is reported by its message index and
   * changes neither store (the person keeps what the changes before it made).
   */
  async patchPeople(patches: DirectoryPatch[]): Promise<{ upserted: number; rejected: IngestRejection[] }> {
    if (patches.length === 0) return { upserted: 0, rejected: [] };
    const merged = new Map<string, Person>();
    const rejected: IngestRejection[] = [];
    const stored = await this.storedPeople([...new Set(patches.map((p) => p.patch.person_id))]);
    for (const p of patches) {
      const id = p.patch.person_id;
      const r = applyPersonPatch(merged.get(id) ?? stored.get(id) ?? newPerson(id), p);
      if (r.ok) merged.set(id, r.person);
      else rejected.push({ index: p.index, errors: r.errors });
    }
    return { ...(await this.upsertPeople([...merged.values()])), rejected };
  }

  private async storedPeople(ids: string[]): Promise<Map<string, Person>> {
    const found = new Map<string, Person>();
    try {
      for (const e of await this.directory.findMany(ids)) found.set(e.personId, fromEntity(e));
    } catch (err) {
      throw new StorageUnavailableError('directory could not be read', err);
    }
    return found;
  }

  async upsertContent(content: Content[]): Promise<{ upserted: number }> {
    const version = nextVersion();
    try {
      await this.content.insert(toContentRows(content, version));
    } catch (err) {
      throw new StorageUnavailableError('content could not be stored', err);
    }
    return { upserted: content.length };
  }

  async countPeople(): Promise<number> {
    return this.directory.count();
  }
}
