import type { ClickHouseClient } from '@clickhouse/client';
import { CLICKHOUSE_MIGRATIONS } from './migrations';

/** Applies the numbered migrations not yet recorded; returns the names it ran. */
export async function migrateClickHouse(
  client: ClickHouseClient,
  database: string,
  migrations = CLICKHOUSE_MIGRATIONS,
): Promise<string[]> {
  await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS ${database}.schema_migrations
      (version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
      ENGINE = MergeTree ORDER BY version`,
  });
  const rs = await client.query({ query: `SELECT version FROM ${database}.schema_migrations`, format: 'JSONEachRow' });
  const done = new Set((await rs.json<{ version: number }>()).map((r) => Number(r.version)));
  const ran: string[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    for (const statement of splitStatements(m.sql.replaceAll('{db}', database))) {
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

/** Splits a file on `;` at line ends, dropping comment-only chunks. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
