import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A number column whose values can pass 2^31 (bytes): PostgreSQL's bigint reads back as text. */
const bigNumber = { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

/** One export of a view: what was asked, by whom, how far it got, and the file it made (issue 14). */
@Entity('exports')
export class ExportEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 100 }) view: string;
  @Column('varchar', { length: 300 }) title: string;
  @Column('simple-json') params: Record<string, string | number | boolean>;
  @Column('varchar', { length: 10 }) format: string;
  @Column('varchar', { length: 10 }) status: string;
  @Column('integer') progress: number;
  @Column('integer', { nullable: true }) rows: number | null;
  @Column('integer', { name: 'hidden_cells', nullable: true }) hiddenCells: number | null;
  @Column('bigint', { nullable: true, transformer: bigNumber }) bytes: number | null;
  @Column('varchar', { length: 64, nullable: true }) sha256: string | null;
  /** The manifest as written beside the file (canonical JSON). */
  @Column('text', { nullable: true }) manifest: string | null;
  /** A re-run from a manifest: that manifest's created_at and created_by (JSON), which the new file carries. */
  @Column('varchar', { name: 'rerun_of', length: 400, nullable: true }) rerunOf: string | null;
  @Column('varchar', { name: 'file_name', length: 300, nullable: true }) fileName: string | null;
  @Column('varchar', { name: 'created_at', length: 30 }) createdAt: string;
  @Column('varchar', { name: 'created_by', length: 320 }) createdBy: string;
  @Column('varchar', { name: 'created_by_id', length: 36 }) createdById: string;
  @Column('varchar', { name: 'finished_at', length: 30, nullable: true }) finishedAt: string | null;
  @Column('varchar', { name: 'expires_at', length: 30 }) expiresAt: string;
  @Column('varchar', { length: 2000, nullable: true }) error: string | null;
}
