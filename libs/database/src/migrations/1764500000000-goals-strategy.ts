import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from 'typeorm';
import { migrationSql } from './migration-sql';

// Written with TypeORM's Table API and query builder so the same migration runs on SQLite and PostgreSQL
// (and a configured PostgreSQL schema qualifies every table).
const str = (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'varchar', length: String(length), ...extra });
const num = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'double precision', ...extra });
const goalFk = { columnNames: ['goal_id'], referencedTableName: 'goals', referencedColumnNames: ['id'], onDelete: 'CASCADE' };

/**
 * Strategy goals completed (issue 6): custom metric name, scope split into kind and value, unit kind
 * (currency or unit), who created and when updated; monthly targets in their own table (moved out of
 * kpi_values, where a target needed a value); KPI values keep their source and a note, and every
 * overwritten or deleted value is kept in kpi_value_history; goal_links hold the contribution
 * hypotheses (a segment, a programme or a scope).
 */
export class GoalsStrategy1764500000000 implements MigrationInterface {
  name = 'GoalsStrategy1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('goals', [
      new TableColumn(str('custom_metric_name', 100, { isNullable: true })),
      new TableColumn(str('scope_value', 200, { isNullable: true })),
      new TableColumn(str('unit_kind', 10, { default: "'unit'" })),
      new TableColumn(str('created_by', 200, { default: "'unknown'" })),
      new TableColumn(str('updated_at', 30, { isNullable: true })),
    ]);
    const goals: { id: string; scope: string; unit: string; created_at: string }[] = await q.manager
      .createQueryBuilder()
      .select(['g.id AS id', 'g.scope AS scope', 'g.unit AS unit', 'g.created_at AS created_at'])
      .from('goals', 'g')
      .getRawMany();
    for (const g of goals) {
      // scope was "organisation | department:<name> | location:<name>"
      const [kind, ...rest] = g.scope.split(':');
      const scope = kind === 'department' || kind === 'location' ? kind : 'organisation';
      await migrationSql(q, 'UPDATE {goals} SET scope = {1}, scope_value = {2}, unit_kind = {3}, updated_at = {4} WHERE id = {5}', [
        scope,
        scope === 'organisation' ? null : rest.join(':'),
        /^[A-Z]{3}$/.test(g.unit) ? 'currency' : 'unit',
        g.created_at,
        g.id,
      ]);
    }

    await q.createTable(
      new Table({
        name: 'goal_monthly_targets',
        columns: [str('goal_id', 36, { isPrimary: true }), str('period', 10, { isPrimary: true }), num('target')],
        foreignKeys: [goalFk],
      }),
    );
    const targets: { goal_id: string; period: string; target: number }[] = await q.manager
      .createQueryBuilder()
      .select(['k.goal_id AS goal_id', 'k.period AS period', 'k.target AS target'])
      .from('kpi_values', 'k')
      .where('k.target IS NOT NULL')
      .getRawMany();
    for (const t of targets) await migrationSql(q, 'INSERT INTO {goal_monthly_targets} (goal_id, period, target) VALUES ({1}, {2}, {3})', [t.goal_id, t.period, t.target]);

    await q.addColumns('kpi_values', [new TableColumn(str('source', 10, { default: "'api'" })), new TableColumn(str('note', 500, { isNullable: true }))]);
    await migrationSql(q, "UPDATE {kpi_values} SET source = 'demo' WHERE set_by = 'demo'", []);
    await q.dropColumn('kpi_values', 'target');

    await q.createTable(
      new Table({
        name: 'kpi_value_history',
        columns: [
          str('id', 36, { isPrimary: true }),
          str('goal_id', 36),
          str('period', 10),
          num('value'),
          str('source', 10),
          str('set_by', 200),
          str('set_at', 30),
          str('note', 500, { isNullable: true }),
          str('change', 12),
          str('replaced_by', 200),
          str('replaced_at', 30),
        ],
        foreignKeys: [goalFk],
      }),
    );
    await q.createIndex('kpi_value_history', new TableIndex({ name: 'idx_kpi_history_goal', columnNames: ['goal_id', 'replaced_at'] }));

    await q.createTable(
      new Table({
        name: 'goal_links',
        columns: [
          str('id', 36, { isPrimary: true }),
          str('goal_id', 36),
          str('kind', 10),
          str('segment_id', 36, { isNullable: true }),
          str('programme_id', 36, { isNullable: true }),
          str('scope', 20, { isNullable: true }),
          { name: 'scope_values', type: 'text' },
          str('purpose', 20, { isNullable: true }),
          str('hypothesis', 500),
          str('created_by', 200),
          str('created_at', 30),
          str('updated_at', 30),
        ],
        foreignKeys: [
          goalFk,
          // Segments are archived, never deleted; a deleted (draft) programme takes its links with it.
          { columnNames: ['segment_id'], referencedTableName: 'segment_definitions', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
          { columnNames: ['programme_id'], referencedTableName: 'programmes', referencedColumnNames: ['id'], onDelete: 'CASCADE' },
        ],
      }),
    );
    await q.createIndex('goal_links', new TableIndex({ name: 'idx_goal_links_goal', columnNames: ['goal_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('goal_links');
    await q.dropTable('kpi_value_history');
    await q.addColumn('kpi_values', new TableColumn(num('target', { isNullable: true })));
    await q.dropColumns('kpi_values', ['note', 'source']);
    await q.dropTable('goal_monthly_targets');
    await q.dropColumns('goals', ['updated_at', 'created_by', 'unit_kind', 'scope_value', 'custom_metric_name']);
  }
}
