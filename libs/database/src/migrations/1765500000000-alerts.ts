import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Alerts (issue 14): a rule per row (a goal's status or chance of meeting its target, or a purpose
 * index of the organisation or a group) with its state, and its history of transitions. Deliveries
 * are in `deliveries` (source_kind 'alert').
 */
export class Alerts1765500000000 implements MigrationInterface {
  name = 'Alerts1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'alerts',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'owner_id', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'goal_id', type: 'varchar', length: '36', isNullable: true },
          { name: 'statuses', type: 'varchar', length: '60', isNullable: true },
          { name: 'level', type: 'double precision', isNullable: true },
          { name: 'direction', type: 'varchar', length: '10', isNullable: true },
          { name: 'purpose', type: 'varchar', length: '20', isNullable: true },
          { name: 'group_by', type: 'varchar', length: '20', isNullable: true },
          { name: 'group_value', type: 'varchar', length: '200', isNullable: true },
          { name: 'cooldown_minutes', type: 'int' },
          { name: 'recipients', type: 'text' },
          { name: 'webhooks', type: 'text' },
          { name: 'enabled', type: 'boolean', default: true },
          { name: 'state', type: 'varchar', length: '10' },
          { name: 'state_since', type: 'varchar', length: '30' },
          { name: 'value_key', type: 'varchar', length: '40', isNullable: true },
          { name: 'last_fired_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'last_notified_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'last_evaluated_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'last_value', type: 'varchar', length: '60', isNullable: true },
          { name: 'last_reason', type: 'varchar', length: '300', isNullable: true },
          { name: 'version', type: 'int', default: 0 },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
        indices: [{ name: 'idx_alerts_goal', columnNames: ['goal_id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'alert_transitions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'alert_id', type: 'varchar', length: '36' },
          { name: 'at', type: 'varchar', length: '30' },
          { name: 'from_state', type: 'varchar', length: '10' },
          { name: 'to_state', type: 'varchar', length: '10' },
          { name: 'notification', type: 'varchar', length: '10', isNullable: true },
          { name: 'value', type: 'varchar', length: '60', isNullable: true },
          { name: 'detail', type: 'varchar', length: '300' },
        ],
        indices: [{ name: 'idx_alert_transitions_alert', columnNames: ['alert_id', 'at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('alert_transitions');
    await q.dropTable('alerts');
  }
}
