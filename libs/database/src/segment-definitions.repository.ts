import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { segmentRuleReferences, validateSegmentRule, type SegmentKind, type SegmentRule } from '@hubpulse/contracts';
import { DATA_SOURCE } from './data-source';
import { SegmentDefinitionEntity, SegmentDefinitionRevisionEntity } from './entities/segment.entity';

/** Another segment (live or archived) already has the name. Domain code: SEGMENT_NAME_TAKEN (a 409). */
export class SegmentNameTakenError extends Error {
  readonly code = 'SEGMENT_NAME_TAKEN';
  constructor(
    readonly segmentName: string,
    readonly archived: boolean,
  ) {
    super(`a segment${archived ? ' (archived)' : ''} is already called "${segmentName}"`);
    this.name = 'SegmentNameTakenError';
  }
}

/** What the segments worker reads (the shape of its SegmentDefinitionSource). */
export interface SegmentDefinitionRecord {
  id: string;
  name: string;
  kind: SegmentKind;
  rule: unknown;
  definition_version: number;
}

export interface NewSegment {
  name: string;
  description: string | null;
  kind: SegmentKind;
  rule: SegmentRule;
  starterKey?: string | null;
}

export interface SegmentChanges {
  name?: string;
  description?: string | null;
  rule?: SegmentRule;
}

const toRecord = (e: SegmentDefinitionEntity): SegmentDefinitionRecord => ({ id: e.id, name: e.name, kind: e.kind, rule: e.rule, definition_version: e.definitionVersion });

/**
 * Segment definitions and their edit history in the relational store. Also what the segments
 * worker's SegmentDefinitionSource reads (`get`, `listDynamic`): archived segments are invisible to it.
 */
@Injectable()
export class SegmentDefinitionsRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(SegmentDefinitionEntity);
  }

  // ── SegmentDefinitionSource ──

  /** A live segment's definition, or null (unknown or archived). */
  async get(id: string): Promise<SegmentDefinitionRecord | null> {
    const row = await this.repo.findOneBy({ id, archivedAt: IsNull() });
    return row ? toRecord(row) : null;
  }

  /** Every live dynamic segment. */
  async listDynamic(): Promise<SegmentDefinitionRecord[]> {
    const rows = await this.repo.find({ where: { kind: 'dynamic', archivedAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toRecord);
  }

  // ── the product's reads and writes ──

  /** One segment, archived ones included. */
  find(id: string): Promise<SegmentDefinitionEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** The segments of `ids`, archived ones included (no order). */
  findMany(ids: readonly string[]): Promise<SegmentDefinitionEntity[]> {
    return this.repo.findBy({ id: In([...ids]) });
  }

  /** Segments ordered starters first, then by name; archived ones only when asked. */
  list(opts: { archived?: boolean } = {}): Promise<SegmentDefinitionEntity[]> {
    return this.repo.find({ where: opts.archived ? {} : { archivedAt: IsNull() }, order: { starter: 'DESC', name: 'ASC' } });
  }

  /** Creates a segment with its first revision (definition version 1). */
  async create(input: NewSegment, by: string): Promise<SegmentDefinitionEntity> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await this.withNameCheck(input.name, id, async (m) => {
      await m.getRepository(SegmentDefinitionEntity).insert({
        id,
        name: input.name,
        description: input.description,
        kind: input.kind,
        rule: input.rule,
        definitionVersion: 1,
        starter: !!input.starterKey,
        starterKey: input.starterKey ?? null,
        createdBy: by,
        createdAt: now,
        updatedAt: now,
        archivedAt: null,
      });
      await m.getRepository(SegmentDefinitionRevisionEntity).insert(revision({ id, name: input.name, description: input.description, kind: input.kind, rule: input.rule }, 1, by, now, null));
    });
    return (await this.find(id))!;
  }

  /**
   * Applies `changes`; when any differs from the stored definition, the definition version goes up
   * by one and the new state is kept as a revision. Returns the row and whether anything changed.
   */
  async update(id: string, changes: SegmentChanges, by: string, note: string | null): Promise<{ segment: SegmentDefinitionEntity; changed: boolean; ruleChanged: boolean } | null> {
    const current = await this.find(id);
    if (!current) return null;
    const next = {
      name: changes.name ?? current.name,
      description: changes.description !== undefined ? changes.description : current.description,
      rule: changes.rule ?? current.rule,
    };
    const ruleChanged = JSON.stringify(next.rule) !== JSON.stringify(current.rule);
    const changed = ruleChanged || next.name !== current.name || next.description !== current.description;
    if (!changed) return { segment: current, changed: false, ruleChanged: false };
    const now = new Date().toISOString();
    const version = current.definitionVersion + 1;
    await this.withNameCheck(next.name, id, async (m) => {
      // Only the writer that read `definitionVersion` wins; a concurrent edit gets no row and retries below.
      const res = await m
        .getRepository(SegmentDefinitionEntity)
        .update({ id, definitionVersion: current.definitionVersion }, { ...next, definitionVersion: version, updatedAt: now });
      if (!res.affected) throw new ConcurrentEditError();
      await m.getRepository(SegmentDefinitionRevisionEntity).insert(revision({ id, kind: current.kind, ...next }, version, by, now, note));
    }).catch(async (err) => {
      if (err instanceof ConcurrentEditError) return this.update(id, changes, by, note);
      throw err;
    });
    return { segment: (await this.find(id))!, changed: true, ruleChanged };
  }

  /** Archives a segment (kept for programmes and history; invisible to the worker and the default list). */
  async archive(id: string): Promise<SegmentDefinitionEntity | null> {
    await this.repo.update({ id, archivedAt: IsNull() }, { archivedAt: new Date().toISOString() });
    return this.find(id);
  }

  /** Edit history, newest first. */
  revisions(id: string): Promise<SegmentDefinitionRevisionEntity[]> {
    return this.ds.getRepository(SegmentDefinitionRevisionEntity).find({ where: { segmentId: id }, order: { definitionVersion: 'DESC' } });
  }

  /** Live segments whose rule refers to `id` directly. */
  async referencing(id: string): Promise<SegmentDefinitionEntity[]> {
    const rows = await this.list();
    return rows.filter((s) => {
      const r = validateSegmentRule(s.rule);
      return r.ok && segmentRuleReferences(r.rule).includes(id);
    });
  }

  /** Starter keys already seeded (archived ones included: an archived starter is not re-created). */
  async starterKeys(): Promise<Set<string>> {
    const rows = await this.repo.find({ select: { starterKey: true }, where: { starter: true } });
    return new Set(rows.map((r) => r.starterKey).filter((k): k is string => !!k));
  }

  /** Name lookup, archived ones included. */
  findByName(name: string): Promise<SegmentDefinitionEntity | null> {
    return this.repo.findOneBy({ name });
  }

  /** Runs `write` in a transaction; a unique-name clash (checked before, or raised by the index) becomes SegmentNameTakenError. */
  private async withNameCheck(name: string, selfId: string, write: (m: EntityManager) => Promise<void>): Promise<void> {
    const clash = async () => {
      const other = await this.findByName(name);
      return other && other.id !== selfId ? new SegmentNameTakenError(name, other.archivedAt !== null) : null;
    };
    const before = await clash();
    if (before) throw before;
    try {
      await this.ds.transaction(write);
    } catch (err) {
      const after = await clash();
      throw after ?? err;
    }
  }
}

class ConcurrentEditError extends Error {}

function revision(
  s: { id: string; name: string; description: string | null; kind: SegmentKind; rule: SegmentRule },
  version: number,
  by: string,
  at: string,
  note: string | null,
): SegmentDefinitionRevisionEntity {
  return { segmentId: s.id, definitionVersion: version, name: s.name, description: s.description, kind: s.kind, rule: s.rule, editedBy: by, editedAt: at, changeNote: note };
}
