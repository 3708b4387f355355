import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A period a person held one department, location, manager and title (issue 15, history as it
 * was): from `valid_from` (a day, inclusive) to `valid_to` (exclusive; null: still holds).
 * ClickHouse `people_history` is its query copy.
 */
@Entity('person_stints')
export class PersonStintEntity {
  @PrimaryColumn('varchar', { length: 200, name: 'person_id' }) personId: string;
  @PrimaryColumn('varchar', { length: 10, name: 'valid_from' }) validFrom: string;
  @Column('varchar', { length: 10, name: 'valid_to', nullable: true }) validTo: string | null;
  @Column('varchar', { length: 200, nullable: true }) department: string | null;
  @Column('varchar', { length: 200, nullable: true }) location: string | null;
  @Column('varchar', { length: 200, nullable: true, name: 'manager_id' }) managerId: string | null;
  @Column('varchar', { length: 200, nullable: true }) title: string | null;
}
