import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

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
    // Through the query builder so that a configured PostgreSQL schema qualifies the table.
    const rows: { version: number; half_life_days: number }[] = await q.manager
      .createQueryBuilder()
      .select(['s.version AS version', 's.half_life_days AS half_life_days'])
      .from('scoring_models', 's')
      .getRawMany();
    const types = ['view', 'react', 'comment', 'post', 'share', 'doc_share', 'task_update', 'answer', 'feedback'];
    for (const r of rows) {
      const halfLives = JSON.stringify(Object.fromEntries(types.map((t) => [t, Number(r.half_life_days)])));
      await q.manager.createQueryBuilder().update('scoring_models').set({ half_lives: halfLives, daily_caps: '{}' }).where('version = :v', { v: r.version }).execute();
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['note', 'daily_caps', 'half_lives']) await q.dropColumn('scoring_models', c);
  }
}
