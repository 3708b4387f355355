import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';

// Written with TypeORM's Table API so the same migration runs on SQLite and PostgreSQL.
const str = (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  ...extra,
});
const num = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'double precision', ...extra });

export class Initial1764100000000 implements MigrationInterface {
  name = 'Initial1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          str('id', 36, { isPrimary: true }),
          str('email', 320, { isUnique: true }),
          str('name', 200),
          str('role', 20),
          str('password_hash', 300),
          str('created_at', 30),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sessions',
        columns: [str('token_hash', 64, { isPrimary: true }), str('user_id', 36), str('expires_at', 30), str('created_at', 30)],
      }),
    );
    await q.createIndex('sessions', new TableIndex({ name: 'idx_sessions_user', columnNames: ['user_id'] }));
    await q.createTable(
      new Table({
        name: 'ingestion_keys',
        columns: [
          str('id', 36, { isPrimary: true }),
          str('name', 200),
          str('key_hash', 64, { isUnique: true }),
          str('prefix', 16),
          str('scope', 20),
          str('created_at', 30),
          str('revoked_at', 30, { isNullable: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'people',
        columns: [
          str('person_id', 200, { isPrimary: true }),
          str('name', 200),
          str('email', 320, { isNullable: true }),
          str('department', 200, { isNullable: true }),
          str('location', 200, { isNullable: true }),
          str('title', 200, { isNullable: true }),
          str('manager_id', 200, { isNullable: true }),
          str('hired_at', 30, { isNullable: true }),
          { name: 'is_leader', type: 'boolean', default: false },
          { name: 'attributes', type: 'text' },
          str('updated_at', 30),
        ],
      }),
    );
    await q.createIndex('people', new TableIndex({ name: 'idx_people_manager', columnNames: ['manager_id'] }));
    await q.createTable(
      new Table({
        name: 'goals',
        columns: [
          str('id', 36, { isPrimary: true }),
          str('name', 200),
          str('metric', 30),
          str('scope', 200, { default: "'organisation'" }),
          str('unit', 20),
          num('baseline'),
          num('target'),
          str('target_type', 20),
          str('period_start', 10),
          str('period_end', 10),
          str('owner', 200, { isNullable: true }),
          str('created_at', 30),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'kpi_values',
        columns: [
          str('goal_id', 36, { isPrimary: true }),
          str('period', 10, { isPrimary: true }),
          num('value'),
          num('target', { isNullable: true }),
          str('set_by', 200),
          str('set_at', 30),
        ],
        foreignKeys: [{ columnNames: ['goal_id'], referencedTableName: 'goals', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'scoring_models',
        columns: [
          { name: 'version', type: 'integer', isPrimary: true },
          { name: 'weights', type: 'text' },
          num('half_life_days'),
          { name: 'lookback_days', type: 'integer' },
          str('created_by', 200, { isNullable: true }),
          str('created_at', 30),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['scoring_models', 'kpi_values', 'goals', 'people', 'ingestion_keys', 'sessions', 'users']) {
      await q.dropTable(t);
    }
  }
}
