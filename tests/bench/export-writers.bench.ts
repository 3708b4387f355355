/**
 * The export format writers alone (libs/exports): a generated table of N rows (7 columns, one of
 * each type, nulls and quoted text) in pages of 1,000, written by each format into a file under
 * the temp folder; rows/s, file size, and peak RSS over the RSS before the write (sampled every
 * 10 ms). Parquet is written by embedded chDB. The rows are generated while written, so a flat
 * peak means the writer holds a bounded amount, whatever N.
 *
 *   npx tsx --require ./tests/register-sql.cjs tests/bench/export-writers.bench.ts [--rows 1000000] [--formats csv,ndjson,xlsx,parquet]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { closeClickHouse, openClickHouse } from '@hubpulse/clickhouse';
import { writeExport, type ExportFormat } from '@hubpulse/exports';
import { sampleManifest, sampleTable } from '../integration/exports.fixture';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, formats: { type: 'string', default: 'csv,ndjson,xlsx,parquet' } } });
const ROWS = Number(args.rows);
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-export-bench-'));
  const cfg = { mode: 'embedded' as const, path: path.join(dir, 'clickhouse'), database: 'bench_exports' };
  const clickhouse = await openClickHouse(cfg);
  await clickhouse.command({ query: `CREATE DATABASE IF NOT EXISTS ${cfg.database}` });
  console.log(`${ROWS.toLocaleString('en')} rows, 7 columns, pages of 1,000 (Node ${process.version}, ${os.cpus().length} cores)`);
  console.log('| format | seconds | rows/s | file | peak RSS over start |');
  console.log('|---|---|---|---|---|');
  for (const format of args.formats.split(',') as ExportFormat[]) {
    const file = path.join(dir, `bench.${format}`);
    const start = process.memoryUsage().rss;
    let peak = start;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const t0 = performance.now();
    const r = await writeExport(format, sampleTable(ROWS, 1000), sampleManifest({ format }), fs.createWriteStream(file), { clickhouse, database: cfg.database });
    const ms = performance.now() - t0;
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(`| ${format} | ${(ms / 1000).toFixed(1)} | ${Math.round(r.rows / (ms / 1000)).toLocaleString('en')} | ${mb(r.bytes)} | ${mb(peak - start)} (start ${mb(start)}) |`);
    fs.rmSync(file);
  }
  await closeClickHouse(clickhouse, cfg);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
