import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Directory source of truth; ClickHouse `people` is its query copy. */
@Entity('people')
export class PersonEntity {
  @PrimaryColumn('varchar', { length: 200, name: 'person_id' }) personId: string;
  @Column('varchar', { length: 200 }) name: string;
  @Column('varchar', { length: 320, nullable: true }) email: string | null;
  @Column('varchar', { length: 200, nullable: true }) department: string | null;
  @Column('varchar', { length: 200, nullable: true }) location: string | null;
  @Column('varchar', { length: 200, nullable: true }) title: string | null;
  @Column('varchar', { length: 200, nullable: true, name: 'manager_id' }) managerId: string | null;
  @Column('varchar', { length: 30, nullable: true, name: 'hired_at' }) hiredAt: string | null;
  @Column('boolean', { name: 'is_leader', default: false }) isLeader: boolean;
  @Column('simple-json') attributes: Record<string, string | number | boolean | null>;
  @Column('varchar', { length: 30, name: 'updated_at' }) updatedAt: string;
}
