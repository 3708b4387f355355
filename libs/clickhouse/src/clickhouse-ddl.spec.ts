import { bookkeepingStatements, migrationStatements, onCluster, scoresStagingStatement } from './clickhouse-ddl';
import { clusterTopologyProblem } from './cluster-topology';

const CLUSTER = { database: 'hp', cluster: 'hub' };

describe('ClickHouse DDL for a cluster', () => {
  it('replicates each MergeTree flavour, keeping its arguments, under a Keeper path that follows the table through EXCHANGE', () => {
    const [create] = migrationStatements('CREATE TABLE IF NOT EXISTS {db}.t\n(\n    a String\n)\nENGINE = SummingMergeTree(count)\nORDER BY a', CLUSTER);
    expect(create).toBe("CREATE TABLE IF NOT EXISTS hp.t ON CLUSTER hub\n(\n    a String\n)\nENGINE = ReplicatedSummingMergeTree('/clickhouse/tables/{shard}/hp/t/{uuid}', '{replica}', count)\nORDER BY a\nSETTINGS replicated_deduplication_window = 0");
    expect(onCluster('CREATE TABLE hp.m (a String) ENGINE = MergeTree ORDER BY a', CLUSTER)).toBe(
      "CREATE TABLE hp.m ON CLUSTER hub (a String) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/hp/m/{uuid}', '{replica}') ORDER BY a\nSETTINGS replicated_deduplication_window = 0",
    );
  });

  it('puts ON CLUSTER where each statement takes it, and leaves data statements to replication', () => {
    const sql = [
      'DROP TABLE IF EXISTS {db}.x SYNC;',
      'ALTER TABLE {db}.t ADD COLUMN IF NOT EXISTS b String DEFAULT \'\';',
      'INSERT INTO {db}.x SELECT * FROM {db}.t;',
      'EXCHANGE TABLES {db}.t AND {db}.x;',
      'RENAME TABLE {db}.x TO {db}.y;',
      'TRUNCATE TABLE {db}.y',
    ].join('\n');
    expect(migrationStatements(sql, CLUSTER)).toEqual([
      'DROP TABLE IF EXISTS hp.x ON CLUSTER hub SYNC',
      "ALTER TABLE hp.t ON CLUSTER hub ADD COLUMN IF NOT EXISTS b String DEFAULT ''",
      'INSERT INTO hp.x SELECT * FROM hp.t',
      'EXCHANGE TABLES hp.t AND hp.x ON CLUSTER hub',
      'RENAME TABLE hp.x TO hp.y ON CLUSTER hub',
      'TRUNCATE TABLE hp.y ON CLUSTER hub',
    ]);
    expect(bookkeepingStatements(CLUSTER)[0]).toBe('CREATE DATABASE IF NOT EXISTS hp ON CLUSTER hub');
  });

  it('refuses a statement it has no cluster form for, a table without a MergeTree engine, and names that are not identifiers', () => {
    expect(() => migrationStatements('OPTIMIZE TABLE {db}.t FINAL', CLUSTER)).toThrow(/No cluster form for the ClickHouse statement "OPTIMIZE TABLE hp.t FINAL"/);
    expect(() => migrationStatements('CREATE TABLE {db}.l (a String) ENGINE = Log', CLUSTER)).toThrow(/CREATE TABLE hp.l: no MergeTree engine/);
    expect(() => migrationStatements('SELECT 1', { database: 'hp', cluster: "hub' x" })).toThrow(/Invalid ClickHouse cluster name/);
    expect(() => migrationStatements('SELECT 1', { database: 'hp; DROP' })).toThrow(/Invalid ClickHouse database name/);
  });

  it('keeps the single-server forms unchanged, the staging table included', () => {
    expect(migrationStatements('-- why\nALTER TABLE {db}.t DROP COLUMN b;\n', { database: 'hp' })).toEqual(['ALTER TABLE hp.t DROP COLUMN b']);
    expect(scoresStagingStatement({ database: 'hp' })).toBe('CREATE TABLE IF NOT EXISTS hp.engagement_scores_staging AS hp.engagement_scores');
    // a cluster's staging table is local (its own engine), not a second holder of the live table's Keeper path
    expect(scoresStagingStatement(CLUSTER)).toMatch(/^CREATE TABLE IF NOT EXISTS hp.engagement_scores_staging AS hp.engagement_scores\nENGINE = ReplacingMergeTree\(computed_at\)/);
  });
});

describe('cluster topology', () => {
  const host = (shard_num: number, replica_num: number) => ({ shard_num, replica_num, host_name: `ch-${shard_num}-${replica_num}` });

  it('takes one shard with any number of replicas, and names what is wrong otherwise', () => {
    expect(clusterTopologyProblem('hub', [host(1, 1), host(1, 2), host(1, 3)])).toBeNull();
    expect(clusterTopologyProblem('hub', [])).toMatch(/CLICKHOUSE_CLUSTER=hub: the ClickHouse server has no such cluster in remote_servers/);
    expect(clusterTopologyProblem('hub', [host(1, 1), host(2, 1)])).toMatch(/CLICKHOUSE_CLUSTER=hub has 2 shards; Hubpulse supports one shard/);
  });
});
