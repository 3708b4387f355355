import { IngestionKeyEntity } from '@hubpulse/database';
import { afterUpgrade, qualify, RELATIONAL_BACKENDS, storeBefore } from './relational-upgrade.fixture';

/** Write keys made before scopes existed keep what they could do: both scopes, not a browser key. */
describe.each(RELATIONAL_BACKENDS)('write-key scopes migration on %s', (_name, make) => {
  const store = make();

  it('gives keys stored before it both scopes and no browser flag; new keys store their own', async () => {
    await storeBefore(store, 'WriteKeyScopes', (old) =>
      old.query(
        `INSERT INTO ${qualify(store, 'ingestion_keys')} (id, name, key_hash, prefix, scope, created_at, revoked_at)
         VALUES ('k-old', 'CMS', '${'a'.repeat(64)}', 'hp_wk_abcd', 'write', '2026-01-01T00:00:00Z', NULL)`,
      ),
    );
    await afterUpgrade(store, async (ds) => {
      const repo = ds.getRepository(IngestionKeyEntity);
      expect(await repo.findOneByOrFail({ id: 'k-old' })).toMatchObject({ name: 'CMS', scopes: ['events', 'directory'], browser: false });
      await repo.insert({ id: 'k-new', name: 'snippet', keyHash: 'b'.repeat(64), prefix: 'hp_wk_efgh', scope: 'write', scopes: ['events'], browser: true, createdAt: 'now', revokedAt: null });
      expect(await repo.findOneByOrFail({ id: 'k-new' })).toMatchObject({ scopes: ['events'], browser: true });
    });
  });
});
