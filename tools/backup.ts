/**
 * Backup and restore of the embedded deployment (`npm start`): the chDB data folder and the SQLite
 * store together, with the staged imports and export files, in one .tar.gz with a manifest.
 *
 *   npm run backup -- [--out hubpulse-backup.tar.gz]      # while Hubpulse is stopped
 *   npm run restore -- hubpulse-backup.tar.gz              # into an empty HUBPULSE_DATA_DIR
 *
 * Both read HUBPULSE_DATA_DIR (default ./.hubpulse) like the product. The embedded engine allows one
 * process per data folder, so a backup is taken while Hubpulse is stopped: the tool says so if it is
 * running. A restore checks the archive's manifest and counts the restored events against it.
 * Server deployments (CLICKHOUSE_URL, DATABASE_URL) use their engines' own backups: see README.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type HubpulseConfig } from '@hubpulse/config';

const HELP = `Back up or restore the embedded deployment's data (ClickHouse + SQLite, imports, exports).

Usage:
  npm run backup -- [--out FILE]   write FILE (default hubpulse-backup-<UTC time>.tar.gz); Hubpulse must be stopped
  npm run restore -- FILE          restore FILE into HUBPULSE_DATA_DIR, which must hold no data yet

Reads HUBPULSE_DATA_DIR (default ./.hubpulse) and CLICKHOUSE_DATABASE like the product.`;

export class BackupError extends Error {}

export interface BackupManifest {
  format: 'hubpulse-embedded-backup';
  version: 1;
  created_at: string;
  clickhouse_database: string;
  clickhouse_migrations: number[];
  relational_migrations: string[];
  events: number;
  people: number;
}

interface ChdbSession {
  queryAsync(q: string, o?: { format?: string }): Promise<{ bytes(): Uint8Array }>;
  cleanup(): void;
}

function embedded(config: HubpulseConfig): { chPath: string; sqlitePath: string; database: string } {
  if (config.clickhouse.mode !== 'embedded' || config.database.type !== 'sqlite') {
    throw new BackupError(
      'CLICKHOUSE_URL / DATABASE_URL are set: this is a server deployment. Back it up with its engines: ' +
        'ClickHouse BACKUP DATABASE … TO S3/Disk and pg_dump (README: Backup and restore).',
    );
  }
  return { chPath: config.clickhouse.path, sqlitePath: config.database.path, database: config.clickhouse.database };
}

/** Opens the chDB folder, or explains that a running Hubpulse holds it ("Cannot lock file …/status"). */
function openChdb(chPath: string): ChdbSession {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Session } = require('chdb') as { Session: new (p: string) => ChdbSession };
  try {
    return new Session(chPath);
  } catch (err) {
    throw explainLock(err, chPath);
  }
}

function explainLock(err: unknown, chPath: string): unknown {
  const e = err as { code?: string; message?: string };
  return e?.code === 'CHDB_CONNECTION' || /Cannot lock file/i.test(e?.message ?? '')
    ? new BackupError(`Hubpulse is running on ${path.dirname(chPath)} (its engine holds the folder): stop it first, then back up.`)
    : err;
}

async function rows<T>(s: ChdbSession, query: string): Promise<T[]> {
  const text = Buffer.from((await s.queryAsync(query, { format: 'JSONEachRow' })).bytes()).toString('utf8');
  return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
}

async function facts(s: ChdbSession, database: string): Promise<Pick<BackupManifest, 'clickhouse_migrations' | 'events' | 'people'>> {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) throw new BackupError(`CLICKHOUSE_DATABASE "${database}" is not a valid name`);
  const migrations = await rows<{ version: number }>(s, `SELECT DISTINCT version FROM ${database}.schema_migrations ORDER BY version`);
  const [{ n: events }] = await rows<{ n: string }>(s, `SELECT count() AS n FROM ${database}.events FINAL`);
  const [{ n: people }] = await rows<{ n: string }>(s, `SELECT count() AS n FROM ${database}.people FINAL`);
  return { clickhouse_migrations: migrations.map((m) => Number(m.version)), events: Number(events), people: Number(people) };
}

function tar(args: string[]): void {
  const r = spawnSync('tar', args, { encoding: 'utf8' });
  if (r.error) throw new BackupError(`tar could not run: ${r.error.message} (install tar)`);
  if (r.status !== 0) throw new BackupError(`tar ${args[0]} failed: ${r.stderr.trim()}`);
}

export async function backup(config: HubpulseConfig, out: string, log: (m: string) => void = console.log): Promise<BackupManifest> {
  const { chPath, sqlitePath, database } = embedded(config);
  if (!fs.existsSync(chPath) || !fs.existsSync(sqlitePath)) throw new BackupError(`No Hubpulse data in ${config.dataDir} (HUBPULSE_DATA_DIR)`);
  const session = openChdb(chPath);
  let found: Awaited<ReturnType<typeof facts>>;
  try {
    found = await facts(session, database);
  } catch (err) {
    if (/UNKNOWN_(TABLE|DATABASE)/.test((err as Error)?.message ?? '')) throw new BackupError(`No Hubpulse data in ClickHouse database "${database}" under ${config.dataDir}`);
    throw explainLock(err, chPath);
  } finally {
    session.cleanup();
  }
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-backup-'));
  try {
    // A consistent copy of SQLite (its WAL folded in), through SQLite's own backup.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Database = require('better-sqlite3') as new (p: string, o?: { readonly?: boolean; fileMustExist?: boolean }) => {
      backup(dest: string): Promise<unknown>;
      prepare(sql: string): { all(): { name: string }[] };
      close(): void;
    };
    const db = new Database(sqlitePath, { fileMustExist: true });
    let relational: string[];
    try {
      await db.backup(path.join(staging, 'hubpulse.sqlite'));
      relational = db.prepare('SELECT name FROM migrations ORDER BY id').all().map((r) => r.name);
    } finally {
      db.close();
    }
    const manifest: BackupManifest = { format: 'hubpulse-embedded-backup', version: 1, created_at: new Date().toISOString(), clickhouse_database: database, relational_migrations: relational, ...found };
    fs.writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    const extras = ['imports', 'exports'].filter((d) => fs.existsSync(path.join(config.dataDir, d)));
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    tar(['-czf', path.resolve(out), '-C', staging, 'manifest.json', 'hubpulse.sqlite', '-C', config.dataDir, path.relative(config.dataDir, chPath), ...extras]);
    log(`backup ${out}: ${manifest.events.toLocaleString('en')} events, ${manifest.people.toLocaleString('en')} people, ClickHouse migrations up to ${Math.max(...manifest.clickhouse_migrations)}, ${relational.length} relational migrations (${(fs.statSync(out).size / 1e6).toFixed(1)} MB)`);
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

export async function restore(config: HubpulseConfig, file: string, log: (m: string) => void = console.log): Promise<BackupManifest> {
  const { chPath, sqlitePath, database } = embedded(config);
  if (!fs.existsSync(file)) throw new BackupError(`${file}: no such file`);
  if (fs.existsSync(chPath) || fs.existsSync(sqlitePath)) {
    throw new BackupError(`${config.dataDir} already holds Hubpulse data: restore into an empty HUBPULSE_DATA_DIR (move the old one away first)`);
  }
  const listed = spawnSync('tar', ['-xzOf', file, 'manifest.json'], { encoding: 'utf8' });
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(listed.stdout) as BackupManifest;
  } catch {
    throw new BackupError(`${file} is not a Hubpulse backup (no readable manifest.json)`);
  }
  if (manifest.format !== 'hubpulse-embedded-backup' || manifest.version !== 1) throw new BackupError(`${file}: unknown backup format ${manifest.format} v${manifest.version}`);
  if (manifest.clickhouse_database !== database) {
    throw new BackupError(`${file} holds ClickHouse database "${manifest.clickhouse_database}"; set CLICKHOUSE_DATABASE=${manifest.clickhouse_database} to restore it`);
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  tar(['-xzf', file, '-C', config.dataDir, '--exclude', 'manifest.json']);
  if (path.join(config.dataDir, 'hubpulse.sqlite') !== sqlitePath) fs.renameSync(path.join(config.dataDir, 'hubpulse.sqlite'), sqlitePath);
  const session = openChdb(chPath);
  try {
    const found = await facts(session, database);
    if (found.events !== manifest.events || found.people !== manifest.people) {
      throw new BackupError(`restored data does not match the manifest: ${found.events} events / ${found.people} people against ${manifest.events} / ${manifest.people}`);
    }
  } finally {
    session.cleanup();
  }
  log(`restored ${file} (taken ${manifest.created_at}) into ${config.dataDir}: ${manifest.events.toLocaleString('en')} events, ${manifest.people.toLocaleString('en')} people — start Hubpulse on it`);
  return manifest;
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { out: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || (command !== 'backup' && command !== 'restore')) {
    console.log(HELP);
    process.exit(values.help ? 0 : 2);
  }
  const config = loadConfig();
  if (command === 'backup') {
    await backup(config, values.out ?? `hubpulse-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`);
  } else {
    if (positionals.length !== 1) throw new BackupError('restore takes one FILE: npm run restore -- hubpulse-backup.tar.gz');
    await restore(config, positionals[0]);
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof BackupError || err instanceof ConfigError ? `error: ${err.message}` : err);
      process.exit(1);
    },
  );
}
