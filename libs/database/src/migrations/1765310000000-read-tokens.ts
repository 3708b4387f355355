import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Personal read tokens (issue 14): `read_tokens` holds the sha256 of each token, its owner, name,
 * expiry, revocation and last use. Deleting the user deletes their tokens.
 */
export class ReadTokens1765310000000 implements MigrationInterface {
  name = 'ReadTokens1765310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'read_tokens',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'prefix', type: 'varchar', length: '16' },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'expires_at', type: 'varchar', length: '30' },
          { name: 'revoked_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'last_used_at', type: 'varchar', length: '30', isNullable: true },
        ],
        indices: [{ name: 'idx_read_tokens_user', columnNames: ['user_id'] }],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('read_tokens');
  }
}
