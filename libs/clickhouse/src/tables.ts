/** Every ClickHouse table Hubpulse owns, qualified with its database (chDB ignores a default database). */
export const TABLE_NAMES = ['events', 'people', 'content', 'engagement_scores', 'ingest_rejects', 'score_days', 'schema_migrations', 'pattern_purposes', 'pattern_person_weeks', 'pattern_leader_items', 'segment_members', 'segment_runs', 'people_history'] as const;
export type TableName = (typeof TABLE_NAMES)[number];
export type Tables = Record<TableName, string>;

export function tablesFor(database: string): Tables {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) throw new Error(`Invalid ClickHouse database name "${database}"`);
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, `${database}.${t}`])) as Tables;
}
