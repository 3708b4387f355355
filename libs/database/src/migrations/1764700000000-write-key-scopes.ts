import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Write-key scopes (`events`, `directory`) and the browser flag. Keys made before this keep what
 * they could do — both scopes, not a browser key — so no running integration breaks.
 */
export class WriteKeyScopes1764700000000 implements MigrationInterface {
  name = 'WriteKeyScopes1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('ingestion_keys', [
      new TableColumn({ name: 'scopes', type: 'varchar', length: '100', default: "'events,directory'" }),
      new TableColumn({ name: 'browser', type: 'boolean', default: false }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['browser', 'scopes']) await q.dropColumn('ingestion_keys', c);
  }
}
