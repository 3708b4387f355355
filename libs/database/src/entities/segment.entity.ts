import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SegmentKind, SegmentRule } from '@hubpulse/contracts';

/**
 * A segment definition: what planners edit. Memberships are computed into ClickHouse
 * (segment_members / segment_runs) by the segments worker; this row says what to compute.
 * Segments are archived, never deleted: programmes and the audit log keep pointing at them.
 * A static segment's membership is frozen by its first computation (and again on request); when and
 * from which definition version is read from its runs, not stored here.
 */
@Entity('segment_definitions')
export class SegmentDefinitionEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  /** Unique among all segments, archived ones included. */
  @Column('varchar', { length: 200, unique: true }) name: string;
  @Column('varchar', { length: 2000, nullable: true }) description: string | null;
  @Column('varchar', { length: 10 }) kind: SegmentKind;
  @Column('simple-json') rule: SegmentRule;
  /** 1 on creation, +1 on every edit of name, description or rule (see segment_definition_revisions). */
  @Column('integer', { name: 'definition_version' }) definitionVersion: number;
  @Column('boolean', { default: false }) starter: boolean;
  /** STARTER_SEGMENTS key of a seeded starter segment (seeding runs once per key). */
  @Column('varchar', { length: 50, name: 'starter_key', nullable: true, unique: true }) starterKey: string | null;
  @Column('varchar', { length: 200, name: 'created_by' }) createdBy: string;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
  @Column('varchar', { length: 30, name: 'updated_at' }) updatedAt: string;
  @Column('varchar', { length: 30, name: 'archived_at', nullable: true }) archivedAt: string | null;
}

/** Every version of a segment definition, as it was saved (the edit history). */
@Entity('segment_definition_revisions')
export class SegmentDefinitionRevisionEntity {
  @PrimaryColumn('varchar', { length: 36, name: 'segment_id' }) segmentId: string;
  @PrimaryColumn('integer', { name: 'definition_version' }) definitionVersion: number;
  @Column('varchar', { length: 200 }) name: string;
  @Column('varchar', { length: 2000, nullable: true }) description: string | null;
  @Column('varchar', { length: 10 }) kind: SegmentKind;
  @Column('simple-json') rule: SegmentRule;
  @Column('varchar', { length: 200, name: 'edited_by' }) editedBy: string;
  @Column('varchar', { length: 30, name: 'edited_at' }) editedAt: string;
  @Column('varchar', { length: 500, name: 'change_note', nullable: true }) changeNote: string | null;
}
