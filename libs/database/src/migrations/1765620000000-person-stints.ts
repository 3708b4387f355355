import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The directory's history (issue 15): each person's department, location, manager and title with the
 * days they held them. People stored before it get their first stint when they are next written.
 */
export class PersonStints1765620000000 implements MigrationInterface {
  name = 'PersonStints1765620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'person_stints',
        columns: [
          { name: 'person_id', type: 'varchar', length: '200', isPrimary: true },
          { name: 'valid_from', type: 'varchar', length: '10', isPrimary: true },
          { name: 'valid_to', type: 'varchar', length: '10', isNullable: true },
          { name: 'department', type: 'varchar', length: '200', isNullable: true },
          { name: 'location', type: 'varchar', length: '200', isNullable: true },
          { name: 'manager_id', type: 'varchar', length: '200', isNullable: true },
          { name: 'title', type: 'varchar', length: '200', isNullable: true },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('person_stints');
  }
}
