import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The web origins a browser write key may send from (comma-separated `scheme://host[:port]`). Empty
 * for every key made before this: such a key refuses requests from a browser origin until an admin
 * names the pages it ships in.
 */
export class WriteKeyOrigins1765600000000 implements MigrationInterface {
  name = 'WriteKeyOrigins1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('ingestion_keys', new TableColumn({ name: 'allowed_origins', type: 'varchar', length: '4000', default: "''" }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('ingestion_keys', 'allowed_origins');
  }
}
