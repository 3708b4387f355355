import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Scheduled reports (issue 14): `schedules` (saved views, when, to whom, in which files; the next run
 * and the fingerprint of the last content sent) and `schedule_runs`, whose primary key lets exactly
 * one API process claim a (schedule, scheduled time) run. Deleting the owner deletes their schedules.
 */
export class Schedules1765410000000 implements MigrationInterface {
  name = 'Schedules1765410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'schedules',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'owner_id', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'view_ids', type: 'text' },
          { name: 'frequency', type: 'varchar', length: '10' },
          { name: 'weekday', type: 'int', isNullable: true },
          { name: 'day_of_month', type: 'int', isNullable: true },
          { name: 'time', type: 'varchar', length: '5' },
          { name: 'time_zone', type: 'varchar', length: '64' },
          { name: 'recipient_ids', type: 'text' },
          { name: 'webhooks', type: 'text' },
          { name: 'attachments', type: 'text' },
          { name: 'paused', type: 'boolean', default: false },
          { name: 'next_run_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'last_run_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'last_status', type: 'varchar', length: '20', isNullable: true },
          { name: 'last_fingerprint', type: 'varchar', length: '64', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
        indices: [
          { name: 'idx_schedules_owner', columnNames: ['owner_id'] },
          { name: 'idx_schedules_due', columnNames: ['paused', 'next_run_at'] },
        ],
        foreignKeys: [{ columnNames: ['owner_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'schedule_runs',
        columns: [
          { name: 'schedule_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'run_key', type: 'varchar', length: '40', isPrimary: true },
          { name: 'claimed_at', type: 'varchar', length: '30' },
        ],
        foreignKeys: [{ columnNames: ['schedule_id'], referencedTableName: 'schedules', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('schedule_runs');
    await q.dropTable('schedules');
  }
}
