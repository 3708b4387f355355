import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A saved dashboard view: a page's path and query string under a name; private or shared. */
@Entity('saved_views')
export class SavedViewEntity {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 36, name: 'owner_id' }) ownerId: string;
  @Column('varchar', { length: 120 }) name: string;
  /** A dashboard page (PAGE_ACCESS in contracts), e.g. /engagement. */
  @Column('varchar', { length: 500 }) path: string;
  /** Its query string without "?"; '' for none. */
  @Column('varchar', { length: 2000, default: '' }) query: string;
  @Column('boolean', { default: false }) shared: boolean;
  @Column('varchar', { length: 30, name: 'created_at' }) createdAt: string;
  @Column('varchar', { length: 30, name: 'updated_at' }) updatedAt: string;
}
