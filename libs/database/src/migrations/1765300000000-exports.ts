import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Server exports (issue 14): one row per export — view, parameters, format, progress, the file's hash and manifest. */
export class Exports1765300000000 implements MigrationInterface {
  name = 'Exports1765300000000';

  async up(q: QueryRunner): Promise<void> {
    const str = (name: string, length: number, nullable = false) => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
    await q.createTable(
      new Table({
        name: 'exports',
        columns: [
          { ...str('id', 36), isPrimary: true },
          str('view', 100),
          str('title', 300),
          { name: 'params', type: 'text' },
          str('format', 10),
          str('status', 10),
          { name: 'progress', type: 'integer' },
          { name: 'rows', type: 'integer', isNullable: true },
          { name: 'hidden_cells', type: 'integer', isNullable: true },
          { name: 'bytes', type: 'bigint', isNullable: true },
          str('sha256', 64, true),
          { name: 'manifest', type: 'text', isNullable: true },
          str('rerun_of', 400, true),
          str('file_name', 300, true),
          str('created_at', 30),
          str('created_by', 320),
          str('created_by_id', 36),
          str('finished_at', 30, true),
          str('expires_at', 30),
          str('error', 2000, true),
        ],
        indices: [
          { name: 'idx_exports_owner_created', columnNames: ['created_by_id', 'created_at'] },
          { name: 'idx_exports_expires', columnNames: ['expires_at'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('exports');
  }
}
