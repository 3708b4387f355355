import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** When a write key last authenticated an ingestion request (null: never, and for keys made before this). */
export class WriteKeyLastUsed1765100000000 implements MigrationInterface {
  name = 'WriteKeyLastUsed1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('ingestion_keys', new TableColumn({ name: 'last_used_at', type: 'varchar', length: '30', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('ingestion_keys', 'last_used_at');
  }
}
