import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { bookkeepingStatements, CLICKHOUSE_MIGRATIONS, migrateClickHouse, migrationStatements, scoresStagingStatement, type DdlTarget } from '@hubpulse/clickhouse';
import { spawnClickHouseFront, type ClickHouseFrontProcess } from '../support/clickhouse-front.process';

/**
 * The ClickHouse DDL as data: every statement the migrator and the score staging table run, for one
 * server and for a cluster (CLICKHOUSE_CLUSTER), against golden files under tests/golden.
 * - clickhouse-single/ was written by the migrator as it was before the cluster mode: single-server
 *   DDL stays byte-identical to what every install has run.
 * - clickhouse-cluster/ is the cluster form (ON CLUSTER, Replicated* engines) for review in diffs.
 * After a deliberate change: `npm run sql:snapshots` (SQL_SNAPSHOTS=update) rewrites both; review, commit.
 *
 * The cluster DDL cannot run here: no ClickHouse server with Keeper installs on these machines, and
 * the test front (tests/support/clickhouse-http-front.ts) is one chDB engine. It is checked by
 * ClickHouse's own parser (formatQuery) instead; what only a cluster shows (replication, the DDL
 * queue, Keeper paths) is untested — README "Production topology" says so.
 */
const UPDATE = process.env.SQL_SNAPSHOTS === 'update';
const GOLDEN = path.join(__dirname, '../golden');
const SINGLE: DdlTarget = { database: 'hubpulse' };
const CLUSTER: DdlTarget = { database: 'hubpulse', cluster: 'hubpulse_cluster' };

/** File name → statements, in the order they run. */
function ddl(target: DdlTarget): Map<string, string[]> {
  const files = new Map<string, string[]>([['000_bookkeeping', bookkeepingStatements(target)]]);
  for (const m of CLICKHOUSE_MIGRATIONS) files.set(m.name, migrationStatements(m.sql, target));
  files.set('900_scores_staging', [scoresStagingStatement(target)]);
  return files;
}

const text = (statements: string[]) => statements.map((s) => `${s};\n`).join('\n');

describe.each([
  ['clickhouse-single', SINGLE],
  ['clickhouse-cluster', CLUSTER],
])('ClickHouse DDL golden files: %s', (dir, target) => {
  const folder = path.join(GOLDEN, dir);
  const files = ddl(target);
  if (UPDATE) {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder, { recursive: true });
    for (const [name, statements] of files) fs.writeFileSync(path.join(folder, `${name}.sql`), text(statements));
  }

  it('has a file for every migration and no other', () => {
    expect(fs.readdirSync(folder).sort()).toEqual([...files.keys()].map((n) => `${n}.sql`).sort());
  });

  it.each([...files.keys()])('%s matches its golden file', (name) => {
    expect(text(files.get(name)!)).toBe(fs.readFileSync(path.join(folder, `${name}.sql`), 'utf8'));
  });
});

describe('ClickHouse DDL on the test front (HTTP over chDB)', () => {
  let front: ClickHouseFrontProcess;
  let folder: string;
  let client: ClickHouseClient;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-ddl-'));
    front = await spawnClickHouseFront(folder);
    client = createClient({ url: front.url });
  }, 90_000);

  afterAll(async () => {
    await client?.close();
    await front?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('parses every cluster statement with ClickHouse 26: ON CLUSTER on each DDL statement, every CREATE of a table replicated', async () => {
    const statements = [...ddl(CLUSTER).values()].flat();
    const migrated = [...ddl(CLUSTER)].filter(([name]) => name !== '900_scores_staging').flatMap(([, s]) => s);
    for (const statement of statements) {
      const [r] = await (await client.query({ query: 'SELECT formatQuery({q:String}) AS f', query_params: { q: statement }, format: 'JSONEachRow' })).json<{ f: string }>();
      expect(r.f.length).toBeGreaterThan(0);
    }
    for (const s of migrated.filter((s) => !s.startsWith('INSERT INTO'))) expect(s).toContain(' ON CLUSTER hubpulse_cluster');
    const creates = migrated.filter((s) => /^CREATE TABLE/.test(s));
    expect(creates.length).toBeGreaterThan(10);
    for (const s of creates) expect(s).toMatch(/ENGINE = Replicated\w*MergeTree\('\/clickhouse\/tables\/\{shard\}\/hubpulse\/\w+\/\{uuid\}', '\{replica\}'/);
  });

  it('runs the single-server DDL, and a cluster\'s staging table swaps a month into engagement_scores as the score job does', async () => {
    expect(await migrateClickHouse(client, 'hubpulse')).toEqual(CLICKHOUSE_MIGRATIONS.map((m) => m.name));
    // The cluster's staging statement names its engine and keys itself (engagement_scores there is
    // Replicated): here it proves those match the live table's, which REPLACE PARTITION requires.
    await client.command({ query: scoresStagingStatement(CLUSTER) });
    await client.command({
      query: `INSERT INTO hubpulse.engagement_scores_staging (day, person_id, raw, score, actions, model_version, computed_at)
              VALUES ('2026-03-02', 'p1', 1.5, 50, 3, 1, now64(3)), ('2026-03-03', 'p2', 2.5, 75, 4, 1, now64(3))`,
    });
    await client.command({ query: "ALTER TABLE hubpulse.engagement_scores REPLACE PARTITION ID '202603' FROM hubpulse.engagement_scores_staging" });
    const rows = await (await client.query({ query: 'SELECT person_id, score FROM hubpulse.engagement_scores FINAL ORDER BY person_id', format: 'JSONEachRow' })).json();
    expect(rows).toEqual([{ person_id: 'p1', score: 50 }, { person_id: 'p2', score: 75 }]);
  });
});
