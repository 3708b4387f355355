import { randomUUID } from 'node:crypto';
import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { migrationSql } from './migration-sql';

/**
 * People & access: users can be deactivated and have a last sign-in; invited users have no password
 * yet (password_hash ''); one-time links (invites and password resets) are stored as the sha256 of
 * their token; sessions get an id for URLs (not the token hash), a last-seen time and the user agent.
 */
export class UsersAccess1764800000000 implements MigrationInterface {
  name = 'UsersAccess1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('users', [
      new TableColumn({ name: 'active', type: 'boolean', default: true }),
      new TableColumn({ name: 'last_sign_in_at', type: 'varchar', length: '30', isNullable: true }),
    ]);
    await q.addColumns('sessions', [
      new TableColumn({ name: 'id', type: 'varchar', length: '36', isNullable: true }),
      new TableColumn({ name: 'last_seen_at', type: 'varchar', length: '30', isNullable: true }),
      new TableColumn({ name: 'user_agent', type: 'varchar', length: '300', isNullable: true }),
    ]);
    const sessions = (await migrationSql(q, 'SELECT token_hash FROM {sessions}')) as { token_hash: string }[];
    for (const s of sessions) await migrationSql(q, 'UPDATE {sessions} SET id = {1} WHERE token_hash = {2}', [randomUUID(), s.token_hash]);
    await q.createIndex('sessions', new TableIndex({ name: 'idx_sessions_id', columnNames: ['id'], isUnique: true }));
    await q.createTable(
      new Table({
        name: 'invites',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'token_hash', type: 'varchar', length: '64', isUnique: true },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'expires_at', type: 'varchar', length: '30' },
          { name: 'used_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'created_by', type: 'varchar', length: '320' },
          { name: 'created_at', type: 'varchar', length: '30' },
        ],
      }),
    );
    await q.createIndex('invites', new TableIndex({ name: 'idx_invites_user', columnNames: ['user_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('invites');
    await q.dropIndex('sessions', 'idx_sessions_id');
    for (const c of ['user_agent', 'last_seen_at', 'id']) await q.dropColumn('sessions', c);
    for (const c of ['last_sign_in_at', 'active']) await q.dropColumn('users', c);
  }
}
