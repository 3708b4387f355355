import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who did what to which target, append-only (e.g. segment.members.export of segment:<id>). */
@Entity('audit_log')
export class AuditLogEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 30 }) at: string;
  /** The user's email (or a system name such as 'seed'). */
  @Column('varchar', { length: 320 }) actor: string;
  @Column('varchar', { length: 100 }) action: string;
  @Column('varchar', { length: 200 }) target: string;
  @Column('simple-json') details: Record<string, unknown>;
}
