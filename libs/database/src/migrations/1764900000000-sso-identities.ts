import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Single sign-on: `user_identities` links an OpenID provider's account (issuer + subject) to a
 * Hubpulse user, created at the first sign-in. Deleting the user deletes the link.
 */
export class SsoIdentities1764900000000 implements MigrationInterface {
  name = 'SsoIdentities1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'user_identities',
        columns: [
          { name: 'issuer', type: 'varchar', length: '500', isPrimary: true },
          { name: 'subject', type: 'varchar', length: '255', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'email', type: 'varchar', length: '320' },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'last_sign_in_at', type: 'varchar', length: '30' },
        ],
        indices: [{ name: 'idx_user_identities_user', columnNames: ['user_id'] }],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('user_identities');
  }
}
