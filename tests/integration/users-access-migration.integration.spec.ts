import { InviteEntity, SessionEntity, UserEntity } from '@hubpulse/database';
import { afterUpgrade, qualify, RELATIONAL_BACKENDS, storeBefore } from './relational-upgrade.fixture';

/** Users stored before People & access stay active; their sessions get a URL id each; invites are new. */
describe.each(RELATIONAL_BACKENDS)('users-access migration on %s', (_name, make) => {
  const store = make();

  it('keeps users active and signed in, gives sessions distinct ids, and stores invites by hash', async () => {
    await storeBefore(store, 'UsersAccess', async (old) => {
      await old.query(
        `INSERT INTO ${qualify(store, 'users')} (id, email, name, role, password_hash, created_at)
         VALUES ('u-old', 'old@example.com', 'Old', 'admin', 'scrypt$1$a$b', '2026-01-01T00:00:00Z')`,
      );
      for (const h of ['a', 'b'])
        await old.query(
          `INSERT INTO ${qualify(store, 'sessions')} (token_hash, user_id, expires_at, created_at)
           VALUES ('${h.repeat(64)}', 'u-old', '2099-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
        );
    });
    await afterUpgrade(store, async (ds) => {
      expect(await ds.getRepository(UserEntity).findOneByOrFail({ id: 'u-old' })).toMatchObject({ active: true, lastSignInAt: null, passwordHash: 'scrypt$1$a$b' });
      const sessions = await ds.getRepository(SessionEntity).findBy({ userId: 'u-old' });
      expect(sessions).toHaveLength(2);
      const ids = sessions.map((s) => s.id);
      expect(ids.every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(2);
      expect(ids).not.toContain(sessions[0].tokenHash);
      const invites = ds.getRepository(InviteEntity);
      const invite = { id: 'i1', tokenHash: 'c'.repeat(64), kind: 'invite' as const, userId: 'u-old', expiresAt: '2099-01-01T00:00:00Z', usedAt: null, createdBy: 'admin@example.com', createdAt: 'now' };
      await invites.insert(invite);
      expect(await invites.findOneByOrFail({ tokenHash: 'c'.repeat(64) })).toMatchObject(invite);
      await expect(invites.insert({ ...invite, id: 'i2' })).rejects.toThrow();
    });
  });
});
