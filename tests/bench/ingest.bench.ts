/**
 * bench:ingest — the production build with embedded ClickHouse takes events over HTTP from
 * concurrent clients in batches of 100; then the same events go straight into the engine.
 * Prints events/s, p50/p99 request latency, peak RSS, the ratio to the raw engine, and checks that
 * nothing was lost or duplicated.
 *
 *   npm run bench:ingest [-- --events 3000000 --concurrency 32 --clients 2]
 */
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { closeClickHouse, migrateClickHouse, openClickHouse, tablesFor } from '@hubpulse/clickhouse';
import { spawnApi } from '@hubpulse/testing';
import { Readable } from 'node:stream';
import { EVENT_COLUMNS, hubEventToLine } from '@hubpulse/ingestion';
import { benchEvent } from './bench-events';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '2000000' },
    batch: { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '96' },
    clients: { type: 'string', default: '1' },
    duplicates: { type: 'string', default: '0.01' },
  },
});
const TOTAL = Number(args.events);
const BATCH = Number(args.batch);
const CONCURRENCY = Number(args.concurrency);
const CLIENTS = Number(args.clients);

// Live SDK traffic: occurred_at spread over the 24 hours before the run.
const t0 = Date.now() - 86_400_000;

const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const fmt = (n: number) => Math.round(n).toLocaleString('en');

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (100/s)
}

async function peakRssMb(pid: number): Promise<number> {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-bench-ingest-'));
  const key = 'hp_wk_bench_0123456789abcdefghij';
  console.log(`bench:ingest — ${fmt(TOTAL)} events, batches of ${BATCH}, ${CLIENTS} client processes × ${CONCURRENCY} connections, ${os.cpus().length} cores`);

  const resendEvery = Number(args.duplicates) > 0 ? Math.round(1 / Number(args.duplicates)) : 0;
  const api = await spawnApi({
    HUBPULSE_DATA_DIR: dataDir,
    HUBPULSE_BOOTSTRAP_WRITE_KEY: key,
    HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: 'bench@hubpulse.local',
    HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: 'bench-password',
    HUBPULSE_QUEUE_PREFIX: `hpbench:${process.pid}`,
    HUBPULSE_MAX_BODY_BYTES: String(10 * 1024 * 1024),
    HUBPULSE_RATE_LIMIT_EVENTS: '0',
    HP_NOOP_INSERT: process.env.HP_NOOP_INSERT ?? '',
    // HUBPULSE_LOG_LEVEL=warn drops the access lines, to weigh what they cost
    HUBPULSE_LOG_LEVEL: process.env.HUBPULSE_LOG_LEVEL ?? 'info',
  },
    120_000,
    // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API under load
    process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
  );
  try {
    // Each load process builds its own share of bodies before the clock starts.
    const per = Math.ceil(TOTAL / CLIENTS / BATCH) * BATCH;
    const children = Array.from({ length: CLIENTS }, (_, c) => {
      const child = fork(path.join(__dirname, 'ingest-load.worker.ts'), [], { execArgv: ['--import', 'tsx'] });
      const ready = new Promise<number>((resolve) => child.once('message', (m: { ready: number }) => resolve(m.ready)));
      child.send({ url: api.url, key, from: c * per, to: Math.min(TOTAL, (c + 1) * per), batch: BATCH, t0, resendEvery, concurrency: CONCURRENCY });
      return { child, ready };
    });
    const requests = (await Promise.all(children.map((c) => c.ready))).reduce((a, b) => a + b, 0);
    const cpuBefore = cpuSeconds(api.child.pid!);
    const started = performance.now();
    const results = await Promise.all(
      children.map(
        ({ child }) =>
          new Promise<{ accepted: number; rejected: number; failed: number; latencies: number[] }>((resolve, reject) => {
            child.once('message', (m) => {
              resolve(m as never);
              child.kill();
            });
            child.once('error', reject);
            child.send('go');
          }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const serverCpu = cpuSeconds(api.child.pid!) - cpuBefore;
    const sent = results.reduce((s, r) => s + r.accepted, 0);
    const failed = results.reduce((s, r) => s + r.failed, 0);
    const lat = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const rss = await peakRssMb(api.child.pid!);
    const httpRate = sent / seconds;

    // Count what landed, deduplicated, through the public API.
    const login = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'bench@hubpulse.local', password: 'bench-password' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const ov = (await (await fetch(`${api.url}/api/overview?from=${new Date(t0 - 86_400_000).toISOString().slice(0, 10)}&to=${new Date().toISOString().slice(0, 10)}`, { headers: { Cookie: cookie } })).json()) as { totals: { events: number } };
    await api.stop('SIGTERM');
    const writer = /"msg":"(wrote \d+ events in [^"]*)"/.exec(api.output())?.[1];

    // The raw engine, same process model: the same rows straight into chDB, 100k rows per INSERT.
    const rawDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-bench-raw-'));
    const cfg = { mode: 'embedded' as const, path: rawDir, database: 'raw' };
    const client = await openClickHouse(cfg);
    await migrateClickHouse(client, 'raw');
    // The same TSV rows the API builds, prepared up front: this times the engine alone.
    const payloads: Buffer[] = [];
    for (let i = 0; i < TOTAL; i += 100_000) {
      const lines: string[] = [];
      for (let j = i; j < Math.min(TOTAL, i + 100_000); j++) lines.push(hubEventToLine(benchEvent(j, t0), 'api', 'raw'));
      payloads.push(Buffer.from(lines.join('\n') + '\n'));
    }
    const rawStarted = performance.now();
    for (const p of payloads) {
      await client.insert({ table: tablesFor('raw').events, values: Readable.from([p], { objectMode: false }), format: 'TabSeparated', columns: [...EVENT_COLUMNS] });
    }
    const rawRate = TOTAL / ((performance.now() - rawStarted) / 1000);
    await closeClickHouse(client, cfg);

    const lost = TOTAL - ov.totals.events;
    console.log(`HTTP ingest      ${fmt(httpRate)} events/s sustained (${fmt(requests)} requests, ${fmt(sent)} accepted incl. ${fmt(sent - TOTAL)} resent, ${results.reduce((s, r) => s + r.rejected, 0)} rejected, ${seconds.toFixed(1)} s, ${failed} requests failed)`);
    console.log(`latency          p50 ${pct(lat, 0.5).toFixed(1)} ms, p99 ${pct(lat, 0.99).toFixed(1)} ms per request of ${BATCH} events`);
    console.log(`server CPU       ${(serverCpu / seconds).toFixed(2)} cores busy of ${os.cpus().length} (${((serverCpu / TOTAL) * 1e6).toFixed(1)} µs CPU per event); the load generators share the machine`);
    if (writer) console.log(`group commit     ${writer}`);
    console.log(`peak RSS         ${fmt(rss)} MB (API process)`);
    console.log(`raw engine       ${fmt(rawRate)} rows/s (TabSeparated INSERTs of 100k rows, the same rows, same machine)`);
    console.log(`ratio            ${(httpRate / rawRate).toFixed(2)} of the raw engine rate`);
    console.log(`stored           ${fmt(ov.totals.events)} distinct events; lost ${Math.max(0, lost)}, duplicated ${Math.max(0, -lost)}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(rawDir, { recursive: true, force: true });
    if (lost !== 0 || failed > 0) process.exitCode = 1;
  } catch (err) {
    await api.stop('SIGKILL');
    throw err;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
