import type { ClickHouseClient } from '@clickhouse/client';
import { bookkeepingStatements, migrationStatements, type DdlTarget } from './clickhouse-ddl';
import { CLICKHOUSE_MIGRATIONS } from './migrations';

/**
 * Applies the numbered migrations not yet recorded; returns the names it ran. With a cluster
 * (CLICKHOUSE_CLUSTER) every DDL statement runs ON CLUSTER and schema_migrations is itself replicated.
 */
export async function migrateClickHouse(
  client: ClickHouseClient,
  database: string,
  migrations = CLICKHOUSE_MIGRATIONS,
  opts: { cluster?: string } = {},
): Promise<string[]> {
  const target: DdlTarget = { database, cluster: opts.cluster };
  for (const statement of bookkeepingStatements(target)) await client.command({ query: statement });
  // Another process may have recorded a migration on another replica a moment ago (it released the
  // lock after its insert was acknowledged there): fetch what the replication log holds before reading.
  if (opts.cluster) await client.command({ query: `SYSTEM SYNC REPLICA ${database}.schema_migrations` });
  const rs = await client.query({ query: `SELECT version FROM ${database}.schema_migrations`, format: 'JSONEachRow' });
  const done = new Set((await rs.json<{ version: number }>()).map((r) => Number(r.version)));
  const ran: string[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    for (const statement of migrationStatements(m.sql, target)) {
      await client.command({ query: statement });
    }
    await client.insert({
      table: `${database}.schema_migrations`,
      values: [{ version: m.version, name: m.name }],
      format: 'JSONEachRow',
    });
    ran.push(m.name);
  }
  return ran;
}
