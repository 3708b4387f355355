import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** The audit log read newest first without a filter (Admin → Audit, its CSV export): an index on (at, id). */
export class AuditLogTime1765200000000 implements MigrationInterface {
  name = 'AuditLogTime1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('audit_log', new TableIndex({ name: 'idx_audit_log_at_id', columnNames: ['at', 'id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('audit_log', 'idx_audit_log_at_id');
  }
}
