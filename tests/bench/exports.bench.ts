/**
 * bench:exports — the raw events export (view `events.raw`, admins) as a user makes it: 100,000
 * people and 10 million events over 365 days (bench:segments' data), the production build with
 * embedded chDB, POST /api/exports → the `exports` queue → ExportsService → keyset pages of
 * EventsRepository → the format writer → the file; polled through GET /api/exports/{id} until done.
 * For each format, a warm-up export of one day, then ~250k and ~1M rows (whole days back from the
 * newest): rows/s, wall time (POST to done), and the API process's peak RSS over its idle RSS just
 * before (VmHWM after resetting it through /proc/<pid>/clear_refs, and VmRSS sampled every 20 ms),
 * so that the 250k and 1M growth can be compared (target: flat in the export's size).
 * Before the API starts, the same process times ClickHouse writing the same rows alone (the export's
 * SELECT … FINAL … ORDER BY, no paging, FORMAT CSVWithNames / JSONEachRow / Parquet streamed by chDB
 * into a file, no Node-side work but the byte copy): the ratio is export rows/s ÷ engine rows/s.
 * XLSX has no engine baseline (ClickHouse cannot write it).
 *
 *   npm run bench:exports [-- --people 100000 --events 10000000 --rows 1000000 --small 250000 --formats csv,ndjson,xlsx,parquet]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ClickHouseService, closeClickHouse, EventsRepository, migrateClickHouse, openClickHouse } from '@hubpulse/clickhouse';
import { loadConfig } from '@hubpulse/config';
import type { ExportDto, ExportFormatName } from '@hubpulse/contracts';
import { chdbConnection } from '@hubpulse/exports';
import { signIn } from '../../tools/import-file';
import { BENCH_ADMIN, processMemory, resetPeakMemory, spawnBenchApi } from './bench-api';
import { generateSegmentBenchData } from './segment-bench.data';

const { values: args } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    events: { type: 'string', default: '10000000' },
    rows: { type: 'string', default: '1000000' },
    small: { type: 'string', default: '250000' },
    formats: { type: 'string', default: 'csv,ndjson,xlsx,parquet' },
  },
});
const PEOPLE = Number(args.people);
const EVENTS = Number(args.events);
const AS_OF = '2026-10-31';
const FORMATS = args.formats!.split(',') as ExportFormatName[];
const fmt = (n: number) => Math.round(n).toLocaleString('en');
const mb = (bytes: number) => `${fmt(bytes / 1048576)} MB`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The page size of the events.raw view (apps/api/src/exports/export-views.service.ts). */
const RAW_EVENTS_PAGE = 10_000;

/** A range of whole days ending on AS_OF holding at least `rows` events (the export's unit is a day). */
interface Range {
  from: string;
  to: string;
  rows: number;
}

/** The columns of EventsRepository.page, without its paging key; the Parquet baseline keeps the times typed, as the export's Parquet does. */
const TEXT_COLUMNS = `event_id, type, actor_id, concat(replaceOne(toString(occurred_at), ' ', 'T'), 'Z') AS occurred_at_iso, content_id, channel, purpose,
  target_actor_id, properties, source, key_id, concat(replaceOne(toString(ingested_at), ' ', 'T'), 'Z') AS ingested_at_iso`;
const TYPED_COLUMNS = 'event_id, type, actor_id, occurred_at, content_id, channel, purpose, target_actor_id, properties, source, key_id, ingested_at';
/** The export's Parquet output settings (libs/exports PARQUET_SETTINGS) bar its single reading thread and small blocks, which are about its staging table. */
const PARQUET_OUTPUT = "output_format_parquet_compression_method = 'zstd', output_format_parquet_string_as_string = 1";
const ENGINE_FORMATS: Partial<Record<ExportFormatName, { format: string; columns: string; settings?: string }>> = {
  csv: { format: 'CSVWithNames', columns: TEXT_COLUMNS },
  ndjson: { format: 'JSONEachRow', columns: TEXT_COLUMNS },
  parquet: { format: 'Parquet', columns: TYPED_COLUMNS, settings: PARQUET_OUTPUT },
};

/** Ranges of whole days back from AS_OF holding at least each target number of rows. */
async function rangesFor(ch: ClickHouseService, targets: number[]): Promise<Range[]> {
  const days = await ch.rows<{ day: string; n: string }>(
    `SELECT toString(toDate(occurred_at)) AS day, count() AS n FROM ${ch.tables.events} FINAL WHERE toDate(occurred_at) <= {asOf:Date} GROUP BY day ORDER BY day DESC`,
    { asOf: AS_OF },
  );
  return targets.map((target) => {
    let rows = 0;
    for (const d of days) {
      rows += Number(d.n);
      if (rows >= target) return { from: d.day, to: AS_OF, rows };
    }
    throw new Error(`only ${fmt(rows)} events up to ${AS_OF}: fewer than ${fmt(target)}`);
  });
}

/** ClickHouse alone writes the range's rows as `format` into a file: rows/s and bytes. */
async function engineWrite(ch: ClickHouseService, range: Range, format: ExportFormatName, file: string): Promise<{ ms: number; bytes: number }> {
  const spec = ENGINE_FORMATS[format]!;
  const chdb = chdbConnection(ch.client);
  if (!chdb) throw new Error('the engine baseline needs embedded chDB');
  if (!DAY.test(range.from) || !DAY.test(range.to)) throw new Error(`not days: ${range.from}..${range.to}`);
  // chDB's streaming query takes no parameters: the two days are checked above and come from the bench itself.
  const sql = `SELECT ${spec.columns} FROM ${ch.tables.events} FINAL
    WHERE toDate(occurred_at) BETWEEN toDate('${range.from}') AND toDate('${range.to}')
    ORDER BY toDate(occurred_at), event_id${spec.settings ? ` SETTINGS ${spec.settings}` : ''}`;
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  const t = performance.now();
  try {
    for await (const chunk of chdb.chdb.queryStream(sql, { format: spec.format })) {
      const raw = chunk.raw();
      if (raw.byteLength === 0) continue;
      fs.writeSync(fd, raw);
      bytes += raw.byteLength;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { ms: performance.now() - t, bytes };
}

interface ExportRun {
  rows: number;
  ms: number;
  bytes: number;
  idle: number;
  peakOverIdle: number;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-bench-exports-'));
  const config = loadConfig({ HUBPULSE_DATA_DIR: dataDir });
  const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`bench:exports — ${fmt(PEOPLE)} people, ${fmt(EVENTS)} events over 365 days, raw events export (events.raw) of ~${fmt(Number(args.small))} and ~${fmt(Number(args.rows))} rows, ${os.cpus().length} cores, load ${load()}`);

  // 1. The data (bench:segments' generator), then ClickHouse writing the 1M rows alone, in this process.
  const client = await openClickHouse(config.clickhouse);
  await migrateClickHouse(client, config.clickhouse.database);
  const ch = new ClickHouseService(client, config);
  let t = performance.now();
  await generateSegmentBenchData(ch, PEOPLE, EVENTS, AS_OF);
  console.log(`generated        in ${secs(performance.now() - t)}`);
  const [warm, small, large] = await rangesFor(ch, [1, Number(args.small), Number(args.rows)]);
  const engine = new Map<ExportFormatName, { ms: number; bytes: number }>();
  for (const format of FORMATS.filter((f) => ENGINE_FORMATS[f])) {
    const file = path.join(dataDir, `engine.${format}`);
    await engineWrite(ch, warm, format, file); // first use of the format
    engine.set(format, await engineWrite(ch, large, format, file));
    fs.rmSync(file);
  }
  // The export's read alone: the keyset pages of 10,000 the view asks EventsRepository for, no writer, no HTTP.
  const events = new EventsRepository(ch);
  t = performance.now();
  let paged = 0;
  const pageMs: number[] = [];
  let p0 = performance.now();
  for await (const rows of events.pages(large.from, large.to, RAW_EVENTS_PAGE)) {
    pageMs.push(performance.now() - p0);
    paged += rows.length;
    p0 = performance.now();
  }
  const pagesMs = performance.now() - t;
  if (paged !== large.rows) throw new Error(`the pages held ${paged} rows, the range ${large.rows}`);
  // chDB allows one process per data folder: the API opens it next.
  await closeClickHouse(client, config.clickhouse);

  // 2. The production build on the same data folder; exports as its bootstrap admin.
  // No scheduled score run of the 10M events while exports are timed.
  const api = await spawnBenchApi(dataDir, { HUBPULSE_SCORE_EVERY_MINUTES: String(7 * 24 * 60) });
  const pid = api.child.pid!;
  const runs = new Map<string, ExportRun>();
  try {
    const cookie = await signIn(api.url, BENCH_ADMIN.email, BENCH_ADMIN.password);
    const call = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
      const res = await fetch(`${api.url}${url}`, { method, headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
      return JSON.parse(text) as T;
    };
    const quiet = async () => {
      // Idle: the process has used under 5 % of a core for a second (start-up work and the previous export's file rename are over).
      for (let i = 0; i < 60; i++) {
        const cpu = () => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((s, x) => s + Number(x), 0);
        const c0 = cpu();
        await new Promise((r) => setTimeout(r, 1000));
        if (cpu() - c0 < 5) return;
      }
    };
    const exportOnce = async (format: ExportFormatName, range: Range): Promise<ExportRun> => {
      await quiet();
      const idle = processMemory(pid).rss; // kB, as /proc gives it
      const hwm = resetPeakMemory(pid);
      let sampled = idle;
      const timer = setInterval(() => (sampled = Math.max(sampled, processMemory(pid).rss)), 20);
      const t0 = performance.now();
      try {
        let e = await call<ExportDto>('POST', '/api/exports', { view: 'events.raw', params: { from: range.from, to: range.to }, format });
        while (e.status !== 'done' && e.status !== 'failed') {
          await new Promise((r) => setTimeout(r, 100));
          e = await call<ExportDto>('GET', `/api/exports/${e.id}`);
        }
        const ms = performance.now() - t0;
        if (e.status !== 'done') throw new Error(`export ${format} ${range.from}..${range.to} failed: ${e.error}`);
        if (e.rows !== range.rows) throw new Error(`export ${format} ${range.from}..${range.to}: ${e.rows} rows, the events table holds ${range.rows}`);
        const now = processMemory(pid);
        const peak = Math.max(sampled, now.rss, hwm ? now.hwm : 0);
        fs.rmSync(path.join(dataDir, 'exports', `${e.id}.${format}`));
        return { rows: e.rows, ms, bytes: e.bytes!, idle: idle * 1024, peakOverIdle: (peak - idle) * 1024 };
      } finally {
        clearInterval(timer);
      }
    };
    // The process's first export of many days grows chDB's caches once (run 1 of 2026-12-04 saw it on the first 250k export): not the export's own cost.
    await exportOnce(FORMATS[0], small);
    for (const format of FORMATS) {
      await exportOnce(format, warm); // first use of the format's writer and of the page query
      for (const [label, range] of [['small', small], ['large', large]] as const) {
        const r = await exportOnce(format, range);
        runs.set(`${format}:${label}`, r);
        console.log(`  ${format.padEnd(8)} ${fmt(r.rows).padStart(9)} rows  ${secs(r.ms)}  ${fmt(r.rows / (r.ms / 1000))} rows/s  ${mb(r.bytes)}  peak RSS +${mb(r.peakOverIdle)} over idle ${mb(r.idle)}`);
      }
    }
    await api.stop('SIGTERM');
  } catch (err) {
    await api.stop('SIGKILL');
    console.error(api.output().slice(-3000));
    throw err;
  }

  console.log(`\nraw events ${small.from}..${small.to} (${fmt(small.rows)} rows) and ${large.from}..${large.to} (${fmt(large.rows)} rows); wall time = POST /api/exports to GET saying done`);
  const n = fmt(large.rows);
  console.log(`the view's read alone (EventsRepository.page, pages of ${fmt(RAW_EVENTS_PAGE)}, in this process before the API started): ${fmt(large.rows / (pagesMs / 1000))} rows/s (${secs(pagesMs)}; ${pageMs.length} pages, the first ten ${fmt(mean(pageMs.slice(0, 10)))} ms each, the last ten ${fmt(mean(pageMs.slice(-10)))} ms)`);
  console.log(`| format | rows/s (${n}) | wall (${n}) | file (${n}) | ClickHouse alone (${n}) | export ÷ engine | peak RSS over idle, ${fmt(small.rows)} → ${n} rows |`);
  console.log('|---|---|---|---|---|---|---|');
  for (const format of FORMATS) {
    const s = runs.get(`${format}:small`)!;
    const l = runs.get(`${format}:large`)!;
    const e = engine.get(format);
    const rate = l.rows / (l.ms / 1000);
    const engineRate = e ? large.rows / (e.ms / 1000) : 0;
    const cells = e ? [`${fmt(engineRate)} rows/s (${secs(e.ms)}, ${mb(e.bytes)})`, `${(rate / engineRate).toFixed(2)}`] : ['— (ClickHouse writes no XLSX)', '—'];
    console.log(`| ${format} | ${fmt(rate)} | ${secs(l.ms)} | ${mb(l.bytes)} | ${cells.join(' | ')} | ${mb(s.peakOverIdle)} → ${mb(l.peakOverIdle)} |`);
  }
  console.log(`load after       ${load()} (other processes on this machine share its ${os.cpus().length} cores)`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
