import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { migrationSql } from './migration-sql';

/**
 * Scoring model v2 columns: a half-life per action type, optional daily caps per type, a note.
 * Existing versions keep their single half-life, copied to every type.
 */
export class ScoringModelV21764300000000 implements MigrationInterface {
  name = 'ScoringModelV21764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('scoring_models', [
      new TableColumn({ name: 'half_lives', type: 'text', isNullable: true }),
      new TableColumn({ name: 'daily_caps', type: 'text', isNullable: true }),
      new TableColumn({ name: 'note', type: 'varchar', length: '500', isNullable: true }),
    ]);
    const rows = (await migrationSql(q, 'SELECT version, half_life_days FROM {scoring_models}')) as { version: number; half_life_days: number }[];
    const types = ['view', 'react', 'comment', 'post', 'share', 'doc_share', 'task_update', 'answer', 'feedback'];
    for (const r of rows) {
      const halfLives = JSON.stringify(Object.fromEntries(types.map((t) => [t, Number(r.half_life_days)])));
      await migrationSql(q, 'UPDATE {scoring_models} SET half_lives = {1}, daily_caps = {2} WHERE version = {3}', [halfLives, '{}', r.version]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['note', 'daily_caps', 'half_lives']) await q.dropColumn('scoring_models', c);
  }
}
