import type { QueryRunner } from 'typeorm';

/**
 * Runs `text` in a migration with {table} names qualified by the configured PostgreSQL schema and
 * {1}, {2}, … as the driver's parameters, on SQLite and PostgreSQL alike. Migrations write data with
 * this rather than the query builder: its insert() and update() on a table that has an entity want
 * the entity's property names, which change after the migration was written.
 */
export async function migrationSql(q: QueryRunner, text: string, params: unknown[] = []): Promise<unknown> {
  const schema = (q.connection.options as { schema?: string }).schema;
  const query = text
    .replace(/\{([a-z_]+)\}/g, (_, t: string) => (schema ? `"${schema}"."${t}"` : `"${t}"`))
    .replace(/\{(\d+)\}/g, (_, i: string) => q.connection.driver.createParameter(`p${i}`, Number(i) - 1));
  return q.query(query, params);
}
