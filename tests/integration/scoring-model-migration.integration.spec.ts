import { ScoringModelsRepository } from '@hubpulse/database';
import { afterUpgrade, qualify, RELATIONAL_BACKENDS, storeBefore } from './relational-upgrade.fixture';

/**
 * Upgrading a store that already holds scoring model versions (the v2 migration copies each version's
 * single half-life to every action type), on both relational backends.
 */
describe.each(RELATIONAL_BACKENDS)('scoring model v2 migration on %s', (_name, make) => {
  const store = make();

  it('keeps the versions stored before it, each with its half-life for every action type', async () => {
    await storeBefore(store, 'ScoringModelV2', (old) =>
      old.query(
        `INSERT INTO ${qualify(store, 'scoring_models')} (version, weights, half_life_days, lookback_days, created_by, created_at)
         VALUES (1, '{"view":1,"post":5}', 14, 90, NULL, '2026-01-01T00:00:00Z'), (2, '{"view":1,"post":8}', 30, 60, 'admin@x', '2026-02-01T00:00:00Z')`,
      ),
    );
    await afterUpgrade(store, async (ds) => {
      const models = await new ScoringModelsRepository(ds).list();
      const byVersion = new Map(models.map((m) => [m.version, m]));
      expect(byVersion.get(1)?.half_lives).toMatchObject({ view: 14, post: 14, feedback: 14 });
      expect(byVersion.get(2)?.half_lives).toMatchObject({ view: 30, post: 30, answer: 30 });
      expect(byVersion.get(2)?.daily_caps).toEqual({});
      expect(byVersion.get(2)?.lookback_days).toBe(60);
    });
  });
});
