import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Saved views (issue 14): a dashboard page's path and query string under a name, private to its owner
 * or shared. Deleting the user deletes their views. Listed by owner, and the shared ones for everyone.
 */
export class SavedViews1765340000000 implements MigrationInterface {
  name = 'SavedViews1765340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'saved_views',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'owner_id', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'path', type: 'varchar', length: '500' },
          { name: 'query', type: 'varchar', length: '2000', default: "''" },
          { name: 'shared', type: 'boolean', default: false },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
        indices: [
          { name: 'idx_saved_views_owner', columnNames: ['owner_id'] },
          { name: 'idx_saved_views_shared', columnNames: ['shared'] },
        ],
        foreignKeys: [{ columnNames: ['owner_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('saved_views');
  }
}
