/**
 * How long the cold pattern views (personas with movement, ambassadors) take to decide at enterprise
 * size with 1, 2, … release threads (HUBPULSE_RELEASE_THREADS), and how the rest of the API answers
 * meanwhile (issue 17). On a data folder that bench:api made (`--data`), for each thread count:
 * starts the production build with the background reads off, waits for its start-up jobs, builds the
 * disclosure plan (GET /api/privacy/groups, timed apart), then times the first personas and
 * ambassadors reads (every week decided: the release threads' caches are empty after a start) and a
 * second one of each, while the strategy overview is asked every 500 ms. Last, the plain ClickHouse
 * question of the same run (people per persona of the newest week) for the ratio.
 *
 *   npm run bench:patterns -- --data /path/to/benchdata [--threads 1,2]
 *
 * The API must not be running on the folder (one process per chDB folder).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ClickHouseService, closeClickHouse, openClickHouse } from '@hubpulse/clickhouse';
import { loadConfig } from '@hubpulse/config';
import { signIn } from '../../tools/import-file';
import { BENCH_ADMIN, processMemory, spawnBenchApi, waitIdle } from './bench-api';

const { values: args } = parseArgs({ options: { data: { type: 'string' }, threads: { type: 'string', default: '1,2' } } });

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))] ?? NaN;
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

interface Row {
  threads: number;
  plan: number;
  personas: number;
  ambassadors: number;
  warm: number;
  probe: { n: number; p50: number; max: number };
  rssMb: number;
}

async function measure(dataDir: string, threads: number): Promise<Row> {
  const api = await spawnBenchApi(dataDir, { HUBPULSE_WARM_READS_MINUTES: '0', HUBPULSE_RELEASE_THREADS: String(threads) });
  const pid = api.child.pid!;
  try {
    const cookie = await signIn(api.url, BENCH_ADMIN.email, BENCH_ADMIN.password);
    const get = async (url: string) => {
      const t0 = performance.now();
      // A kept-alive connection the server closed meanwhile (its 5 s idle timeout ran out while the
      // event loop was busy) fails with ECONNRESET before anything was asked: asked again once.
      const ask = () => fetch(`${api.url}${url}`, { headers: { Cookie: cookie } });
      const res = await ask().catch((err: Error & { cause?: { code?: string } }) => (err.cause?.code === 'ECONNRESET' ? ask() : Promise.reject(err)));
      const text = await res.text();
      if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 300)}`);
      return performance.now() - t0;
    };
    await waitIdle(pid, 15_000);
    console.log(`  ${threads} thread(s): API idle after its start-up jobs (load ${load()})`);
    const plan = await get('/api/privacy/groups');
    await get('/api/strategy/overview'); // its own first computation is not what the probe measures
    // the strategy overview every 500 ms while the pattern views are decided: what other readers wait
    const probes: number[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        probes.push(await get('/api/strategy/overview'));
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    let personas: number;
    let ambassadors: number;
    try {
      personas = await get('/api/engagement/personas');
      console.log(`  ${threads} thread(s): personas ${secs(personas)}`);
      ambassadors = await get('/api/engagement/ambassadors');
      console.log(`  ${threads} thread(s): ambassadors ${secs(ambassadors)}`);
    } finally {
      probing = false;
      await probe;
    }
    const warm = Math.max(await get('/api/engagement/personas'), await get('/api/engagement/ambassadors'));
    const rssMb = processMemory(pid).hwm / 1024;
    return { threads, plan, personas, ambassadors, warm, probe: { n: probes.length, p50: pct(probes, 50), max: Math.max(...probes) }, rssMb };
  } finally {
    await api.stop();
  }
}

async function main(): Promise<void> {
  if (!args.data) throw new Error('--data: the data folder of a bench:api run');
  const dataDir = path.resolve(args.data);
  const counts = args.threads.split(',').map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > 16)) throw new Error(`--threads: whole numbers from 1 to 16, comma-separated (got ${args.threads})`);
  console.log(`bench:patterns — ${dataDir}, threads ${counts.join(', ')}, ${os.cpus().length} cores, load ${load()}`);
  const rows: Row[] = [];
  for (const n of counts) rows.push(await measure(dataDir, n));

  // the plain question, on the same data, with no API running on the folder
  const config = loadConfig({ HUBPULSE_DATA_DIR: dataDir });
  const client = await openClickHouse(config.clickhouse);
  const ch = new ClickHouseService(client, config);
  const t = ch.tables;
  const raw: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    await ch.rows(`SELECT persona, count() FROM ${t.pattern_person_weeks} FINAL WHERE week = (SELECT max(week) FROM ${t.pattern_person_weeks}) GROUP BY persona`);
    raw.push(performance.now() - t0);
  }
  await closeClickHouse(client, config.clickhouse);

  const base = rows[0];
  console.log('\n| release threads | plan build | personas, cold | ambassadors, cold | both, ÷ first row | warm (max of the two) | strategy overview meanwhile: answers, p50 / max | peak RSS |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const both = r.personas + r.ambassadors;
    console.log(
      `| ${r.threads} | ${secs(r.plan)} | ${secs(r.personas)} | ${secs(r.ambassadors)} | ${(both / (base.personas + base.ambassadors)).toFixed(2)}× | ${r.warm.toFixed(0)} ms | ${r.probe.n}, ${r.probe.p50.toFixed(0)} / ${r.probe.max.toFixed(0)} ms | ${(r.rssMb / 1024).toFixed(1)} GB |`,
    );
  }
  const rawP50 = pct(raw, 50);
  console.log(`\nplain question (people per persona, newest week): p50 ${rawP50.toFixed(0)} ms; cold personas ÷ it: ${rows.map((r) => `${r.threads} thread(s) ${Math.round(r.personas / rawP50).toLocaleString('en')}×`).join(', ')}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
