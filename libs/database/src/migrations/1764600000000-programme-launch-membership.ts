import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The target segment's membership version at a programme's launch: the scorecard and the before/after
 * comparison follow the people targeted then, not whoever the segment holds today (a behaviour
 * segment's later members would be selected by the very engagement being measured).
 */
export class ProgrammeLaunchMembership1764600000000 implements MigrationInterface {
  name = 'ProgrammeLaunchMembership1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // Versions are millisecond stamps (beyond 32 bits): a double holds them exactly on both databases.
    await q.addColumn('programmes', new TableColumn({ name: 'launch_membership_version', type: 'double precision', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('programmes', 'launch_membership_version');
  }
}
