import { DataSource } from 'typeorm';
import { TEST_POSTGRES_URL, uniqueName } from './index';

/** A relational store for one in-process app: the env that selects it and how to drop it afterwards. */
export type RelationalStore = { env: Record<string, string>; drop: () => Promise<void> };

/** The relational store of a run: SQLite (testConfig's file) or a PostgreSQL database of its own; for describe.each. */
export const RELATIONAL_STORES: [string, () => Promise<RelationalStore>][] = [
  ['SQLite', async () => ({ env: {}, drop: async () => undefined })],
  [
    'PostgreSQL',
    async () => {
      const name = uniqueName('pg');
      const admin = new DataSource({ type: 'postgres', url: TEST_POSTGRES_URL });
      await admin.initialize();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.destroy();
      return {
        env: { DATABASE_URL: TEST_POSTGRES_URL.replace(/\/[^/]*$/, `/${name}`) },
        drop: async () => {
          const again = new DataSource({ type: 'postgres', url: TEST_POSTGRES_URL });
          await again.initialize();
          await again.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          await again.destroy();
        },
      };
    },
  ],
];
