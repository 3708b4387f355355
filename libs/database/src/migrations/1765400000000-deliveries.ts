import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Deliveries (issue 14): one row per message per channel sent for a schedule or an alert, with its
 * status, attempts and last error — the history both show. Read by source, newest first.
 */
export class Deliveries1765400000000 implements MigrationInterface {
  name = 'Deliveries1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'deliveries',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'source_kind', type: 'varchar', length: '10' },
          { name: 'source_id', type: 'varchar', length: '36' },
          { name: 'run_key', type: 'varchar', length: '80', default: "''" },
          { name: 'channel', type: 'varchar', length: '10' },
          { name: 'user_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'target', type: 'varchar', length: '320' },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'attempts', type: 'int', default: 0 },
          { name: 'last_error', type: 'varchar', length: '300', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'finished_at', type: 'varchar', length: '30', isNullable: true },
        ],
        indices: [{ name: 'idx_deliveries_source', columnNames: ['source_kind', 'source_id', 'created_at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('deliveries');
  }
}
