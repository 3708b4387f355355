/**
 * Where Hubpulse's ClickHouse DDL goes: one server (ClickHouse Cloud included), or the replicas of a
 * self-managed cluster (CLICKHOUSE_CLUSTER). Pure: config in, statements out; the migrator and the
 * score staging table run what comes out, and tests/golden holds what comes out for both.
 */
export interface DdlTarget {
  database: string;
  /** A cluster of `remote_servers`: DDL runs ON CLUSTER and MergeTree tables become Replicated*. */
  cluster?: string;
}

/**
 * Supported cluster topology: one shard, N replicas. Every table is a Replicated* table holding all
 * data on every replica; nothing is Distributed. Sharding is not correct for Hubpulse's reads and
 * writes as they stand: every read is FINAL over the whole organisation with subqueries and joins on
 * `people` (per-shard FINAL and IN would need GLOBAL joins and co-located keys), and the score and
 * pattern jobs write with REPLACE PARTITION, lightweight DELETE and INSERT … SELECT, which act on one
 * shard's local table.
 */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A migration's statements for `target`; without a cluster exactly the file's (with `{db}` filled in). */
export function migrationStatements(sql: string, target: DdlTarget): string[] {
  const statements = splitStatements(sql.replaceAll('{db}', checkTarget(target).database));
  return target.cluster ? statements.map((s) => onCluster(s, target)) : statements;
}

/** The migrator's own statements: the database, then the table recording which migrations ran. */
export function bookkeepingStatements(target: DdlTarget): string[] {
  const { database } = checkTarget(target);
  const statements = [
    `CREATE DATABASE IF NOT EXISTS ${database}`,
    `CREATE TABLE IF NOT EXISTS ${database}.schema_migrations
      (version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
      ENGINE = MergeTree ORDER BY version`,
  ];
  return target.cluster ? statements.map((s) => onCluster(s, target)) : statements;
}

/**
 * The table a full score recompute builds whole months in before REPLACE PARTITION moves them into
 * engagement_scores. In a cluster it is a plain local table on the replica the process talks to
 * (`AS` would copy the Replicated engine and its Keeper path, which the live table already holds):
 * REPLACE PARTITION into a Replicated table from a local one is replicated like an insert.
 */
export function scoresStagingStatement(target: DdlTarget): string {
  const { database } = checkTarget(target);
  const create = `CREATE TABLE IF NOT EXISTS ${database}.engagement_scores_staging AS ${database}.engagement_scores`;
  if (!target.cluster) return create;
  // The same engine and keys as 004_engagement_scores.sql, without replication.
  return `${create}\nENGINE = ReplacingMergeTree(computed_at)\nPARTITION BY toYYYYMM(day)\nORDER BY (day, person_id)`;
}

/** Splits a file on `;` at line ends, dropping comment-only chunks. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}

function checkTarget(target: DdlTarget): DdlTarget {
  if (!IDENTIFIER.test(target.database)) throw new Error(`Invalid ClickHouse database name "${target.database}"`);
  if (target.cluster !== undefined && !IDENTIFIER.test(target.cluster)) throw new Error(`Invalid ClickHouse cluster name "${target.cluster}"`);
  return target;
}

const NO_DEDUP = 'replicated_deduplication_window = 0';

const NAME = String.raw`[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*`;

/**
 * Statement shapes with their `ON CLUSTER` place. Data statements (INSERT … SELECT) run once on the
 * replica the migrator talks to and reach the others by replication. Any other shape is refused, so
 * a new migration cannot slip past the cluster form unnoticed (its golden file would not build).
 */
const SHAPES: { shape: RegExp; form: (s: string, on: string) => string }[] = [
  { shape: /^CREATE DATABASE IF NOT EXISTS [A-Za-z_][A-Za-z0-9_]*$/, form: (s, on) => `${s} ${on}` },
  { shape: new RegExp(`^(CREATE TABLE (?:IF NOT EXISTS )?${NAME})(\\s[\\s\\S]*)$`), form: (s, on) => s.replace(new RegExp(`^(CREATE TABLE (?:IF NOT EXISTS )?${NAME})`), `$1 ${on}`) },
  { shape: new RegExp(`^ALTER TABLE ${NAME}\\s`), form: (s, on) => s.replace(new RegExp(`^(ALTER TABLE ${NAME})`), `$1 ${on}`) },
  { shape: new RegExp(`^DROP TABLE (?:IF EXISTS )?${NAME}(?: SYNC)?$`), form: (s, on) => s.replace(new RegExp(`^(DROP TABLE (?:IF EXISTS )?${NAME})`), `$1 ${on}`) },
  { shape: new RegExp(`^TRUNCATE TABLE (?:IF EXISTS )?${NAME}$`), form: (s, on) => `${s} ${on}` },
  { shape: new RegExp(`^EXCHANGE TABLES ${NAME} AND ${NAME}$`), form: (s, on) => `${s} ${on}` },
  { shape: new RegExp(`^RENAME TABLE ${NAME} TO ${NAME}$`), form: (s, on) => `${s} ${on}` },
  { shape: /^INSERT INTO /, form: (s) => s },
];

/** One statement in its cluster form: ON CLUSTER, and a CREATE's MergeTree engine made Replicated. */
export function onCluster(statement: string, target: DdlTarget): string {
  const { database, cluster } = checkTarget(target);
  if (!cluster) return statement;
  const found = SHAPES.find((s) => s.shape.test(statement));
  if (!found) throw new Error(`No cluster form for the ClickHouse statement "${statement.split('\n')[0]}" (clickhouse-ddl.ts knows CREATE, ALTER, DROP, TRUNCATE, EXCHANGE, RENAME and INSERT)`);
  const clustered = found.form(statement, `ON CLUSTER ${cluster}`);
  const created = new RegExp(`^CREATE TABLE (?:IF NOT EXISTS )?${database}\\.([A-Za-z_][A-Za-z0-9_]*)`).exec(clustered);
  return created ? replicated(clustered, database, created[1]) : clustered;
}

/**
 * `ENGINE = XMergeTree(args)` → `ENGINE = ReplicatedXMergeTree('<keeper path>', '{replica}', args)`.
 * The Keeper path ends in `{uuid}` (ClickHouse's own default_replica_path does too): a table's UUID
 * moves with it through EXCHANGE and RENAME, so 014's rebuild (create aside, exchange, drop) never
 * meets a path the live table still holds, when it runs and when it is rerun after a crash. The
 * initiator of an ON CLUSTER CREATE picks the UUID, the same on every replica (Atomic databases,
 * the default). `{shard}` and `{replica}` are each server's macros.
 */
function replicated(statement: string, database: string, table: string): string {
  const engine = /ENGINE = (\w*)MergeTree(?:\(([^()]*)\))?/.exec(statement);
  if (!engine) throw new Error(`CREATE TABLE ${database}.${table}: no MergeTree engine to replicate`);
  if (/^(Replicated|Shared)/.test(engine[1])) return statement;
  const args = [`'/clickhouse/tables/{shard}/${database}/${table}/{uuid}'`, `'{replica}'`, ...(engine[2]?.trim() ? [engine[2].trim()] : [])];
  const withEngine = statement.replace(engine[0], `ENGINE = Replicated${engine[1]}MergeTree(${args.join(', ')})`);
  // A replicated table drops an INSERT whose block equals a recent one; a single server's does not.
  // Two requests may well send identical rows (ingest_rejects: same minute, key, reason and count 1),
  // so replication keeps the single server's meaning: every acknowledged insert counts.
  return /\nSETTINGS /.test(withEngine) ? `${withEngine}, ${NO_DEDUP}` : `${withEngine}\nSETTINGS ${NO_DEDUP}`;
}
