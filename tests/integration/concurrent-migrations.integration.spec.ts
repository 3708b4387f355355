import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createClient } from '@clickhouse/client';
import { CLICKHOUSE_MIGRATIONS, migrateClickHouse, openClickHouse, withRedisLock } from '@hubpulse/clickhouse';
import type { ClickHouseConfig } from '@hubpulse/config';
import { MIGRATIONS, openDatabase } from '@hubpulse/database';
import { RELATIONAL_STORES } from '@hubpulse/testing';
import { spawnClickHouseFront, type ClickHouseFrontProcess } from '../support/clickhouse-front.process';

/**
 * Production starts API × N and workers × M together on one PostgreSQL and one ClickHouse server:
 * each migration must run once, whoever gets there first (issue 16). Four processes are stood in for
 * by four connections opened at once.
 */
describe('migrations when several processes start together', () => {
  it('PostgreSQL: four data sources opened at once all start, each migration recorded once', async () => {
    const store = await RELATIONAL_STORES[1][1]();
    const sources = await Promise.all(
      [0, 1, 2, 3].map(() => openDatabase({ type: 'postgres', url: store.env.DATABASE_URL })),
    );
    try {
      const rows: { name: string; n: string }[] = await sources[0].query('SELECT name, count(*) AS n FROM migrations GROUP BY name');
      expect(rows).toHaveLength(MIGRATIONS.length);
      expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    } finally {
      await Promise.all(sources.map((s) => s.destroy()));
      await store.drop();
    }
  });

  describe('ClickHouse server (HTTP front over chDB)', () => {
    let front: ClickHouseFrontProcess;
    let folder: string;
    beforeAll(async () => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-chmig-'));
      front = await spawnClickHouseFront(folder);
    }, 90_000);
    afterAll(async () => {
      await front?.stop();
      fs.rmSync(folder, { recursive: true, force: true });
    });

    it('four processes migrating at once take turns on the Redis lock: every migration once, the events table intact', async () => {
      const cfg: ClickHouseConfig = { mode: 'server', url: front.url, username: 'default', password: '', database: 'hp_concurrent' };
      const clients = await Promise.all([0, 1, 2, 3].map(() => openClickHouse(cfg)));
      const key = `test-${process.pid}-${Date.now()}:migrations:clickhouse:${cfg.database}`;
      let waited = 0;
      let inside = 0;
      let mostInside = 0;
      try {
        const ran = await Promise.all(
          clients.map((client) =>
            withRedisLock(
              'redis://127.0.0.1:6379',
              key,
              async () => {
                mostInside = Math.max(mostInside, ++inside);
                try {
                  return await migrateClickHouse(client, cfg.database);
                } finally {
                  inside--;
                }
              },
              { onWait: () => waited++ },
            ),
          ),
        );
        expect(mostInside).toBe(1);
        expect(waited).toBeGreaterThan(0);
        // one of them applied everything, the others nothing
        expect(ran.map((r) => r.length).sort((a, b) => a - b)).toEqual([0, 0, 0, CLICKHOUSE_MIGRATIONS.length]);
        const check = createClient({ url: front.url, database: cfg.database });
        const recorded = await (await check.query({ query: 'SELECT version, count() AS n FROM schema_migrations GROUP BY version', format: 'JSONEachRow' })).json<{ n: string }>();
        expect(recorded).toHaveLength(CLICKHOUSE_MIGRATIONS.length);
        expect(recorded.every((r) => Number(r.n) === 1)).toBe(true);
        const tables = await (await check.query({ query: "SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE 'events%'", format: 'JSONEachRow' })).json<{ name: string }>();
        expect(tables.map((t) => t.name)).toEqual(['events']); // 014's exchange ran once: no events_rekey left
        await check.close();
      } finally {
        await Promise.all(clients.map((c) => c.close()));
      }
    });
  });
});
