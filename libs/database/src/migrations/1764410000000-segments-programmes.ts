import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

// Written with TypeORM's Table API so the same migration runs on SQLite and PostgreSQL.
const str = (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'varchar', length: String(length), ...extra });
const text = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'text', ...extra });
const int = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'integer', ...extra });

/** Segment definitions with their edit history, programmes (the six steps) and the audit log (issue 5). */
export class SegmentsProgrammes1764410000000 implements MigrationInterface {
  name = 'SegmentsProgrammes1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'segment_definitions',
        columns: [
          str('id', 36, { isPrimary: true }),
          str('name', 200, { isUnique: true }),
          str('description', 2000, { isNullable: true }),
          str('kind', 10),
          text('rule'),
          int('definition_version'),
          { name: 'starter', type: 'boolean', default: false },
          str('starter_key', 50, { isNullable: true, isUnique: true }),
          str('created_by', 200),
          str('created_at', 30),
          str('updated_at', 30),
          str('archived_at', 30, { isNullable: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'segment_definition_revisions',
        columns: [
          str('segment_id', 36, { isPrimary: true }),
          int('definition_version', { isPrimary: true }),
          str('name', 200),
          str('description', 2000, { isNullable: true }),
          str('kind', 10),
          text('rule'),
          str('edited_by', 200),
          str('edited_at', 30),
          str('change_note', 500, { isNullable: true }),
        ],
        foreignKeys: [{ columnNames: ['segment_id'], referencedTableName: 'segment_definitions', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'programmes',
        columns: [
          str('id', 36, { isPrimary: true }),
          str('name', 200),
          str('segment_id', 36),
          str('group_by', 20),
          text('content_purposes'),
          str('content_notes', 2000, { isNullable: true }),
          text('channels'),
          str('tactic', 30),
          str('tactic_notes', 2000, { isNullable: true }),
          str('measure_metric', 30),
          { name: 'measure_target', type: 'double precision' },
          str('measure_from', 10),
          str('measure_to', 10),
          str('goal_id', 36, { isNullable: true }),
          str('status', 10),
          str('launched_at', 30, { isNullable: true }),
          str('launched_by', 200, { isNullable: true }),
          text('forecast_at_launch', { isNullable: true }),
          str('created_by', 200),
          str('created_at', 30),
          str('updated_at', 30),
        ],
        foreignKeys: [
          // Segments are archived, never deleted, so a programme's target always resolves.
          { columnNames: ['segment_id'], referencedTableName: 'segment_definitions', referencedColumnNames: ['id'], onDelete: 'RESTRICT' },
          { columnNames: ['goal_id'], referencedTableName: 'goals', referencedColumnNames: ['id'], onDelete: 'SET NULL' },
        ],
      }),
    );
    await q.createIndex('programmes', new TableIndex({ name: 'idx_programmes_segment', columnNames: ['segment_id'] }));
    await q.createIndex('programmes', new TableIndex({ name: 'idx_programmes_goal', columnNames: ['goal_id'] }));
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [str('id', 36, { isPrimary: true }), str('at', 30), str('actor', 320), str('action', 100), str('target', 200), text('details')],
      }),
    );
    await q.createIndex('audit_log', new TableIndex({ name: 'idx_audit_log_action_at', columnNames: ['action', 'at'] }));
    await q.createIndex('audit_log', new TableIndex({ name: 'idx_audit_log_target_at', columnNames: ['target', 'at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_log', 'programmes', 'segment_definition_revisions', 'segment_definitions']) await q.dropTable(t);
  }
}
