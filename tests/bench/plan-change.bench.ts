/**
 * What readers wait for in the minutes after the disclosure plan changes (issue 17). A new segment
 * gives the plan a new group, and every read that decides numbers about groups is computed again
 * under it, in the background (ReadWarmup) and for the readers who come meanwhile. On a data folder
 * that bench:api made (`--data`): starts the production build with the product's defaults, waits for
 * its start-up jobs and background reads, asks the overview of 365 days and the engagement groups by
 * department three times (warm), creates a segment, then for `--seconds` asks both in turn (a pause
 * of 1 s between rounds) while `/api/auth/me` is asked every 100 ms: the longest of those answers is
 * how long the API's event loop was held. Last, the plain ClickHouse questions of the two reads on the
 * same data, for the ratio.
 *
 *   npm run bench:plan-change -- --data /path/to/benchdata [--seconds 150]
 *
 * The API must not be running on the folder (one process per chDB folder).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ClickHouseService, closeClickHouse, openClickHouse } from '@hubpulse/clickhouse';
import { loadConfig } from '@hubpulse/config';
import { signIn } from '../../tools/import-file';
import { BENCH_ADMIN, spawnBenchApi, timed, waitIdle } from './bench-api';
import { plainQuestions } from './plain-questions';

const { values: args } = parseArgs({ options: { data: { type: 'string' }, seconds: { type: 'string', default: '150' } } });

const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))] ?? NaN;
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
/** The data of bench:api ends yesterday (its AS_OF). */
const AS_OF = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.parse(AS_OF) - n * 86_400_000).toISOString().slice(0, 10);

async function main(): Promise<void> {
  if (!args.data) throw new Error('--data: the data folder of a bench:api run');
  const seconds = Number(args.seconds);
  if (!Number.isFinite(seconds) || seconds < 10 || seconds > 3600) throw new Error(`--seconds: from 10 to 3600 (got ${args.seconds})`);
  const dataDir = path.resolve(args.data);
  console.log(`bench:plan-change — ${dataDir}, ${seconds} s after a new segment, ${os.cpus().length} cores, load ${load()}`);

  const reads = {
    overview: { url: `/api/overview?from=${daysAgo(364)}&to=${AS_OF}`, question: 'daily active people, 365 days' },
    groups: { url: '/api/engagement/groups?by=department&days=30', question: 'active people per department, 30 days' },
  };
  const api = await spawnBenchApi(dataDir);
  const after = { overview: [] as number[], groups: [] as number[] };
  const before = { overview: [] as number[], groups: [] as number[] };
  const beats: number[] = [];
  let planBuilt = '';
  try {
    const cookie = await signIn(api.url, BENCH_ADMIN.email, BENCH_ADMIN.password);
    const call = async (method: string, url: string, body?: unknown) => {
      const t0 = performance.now();
      const res = await fetch(`${api.url}${url}`, { method, headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
      return performance.now() - t0;
    };
    await waitIdle(api.child.pid!, 15_000);
    console.log(`  API idle after its start-up jobs and background reads (load ${load()})`);
    for (let i = 0; i < 4; i++) {
      const o = await call('GET', reads.overview.url);
      const g = await call('GET', reads.groups.url);
      if (i > 0) (before.overview.push(o), before.groups.push(g)); // the first may be the overview's own first computation
    }

    let beating = true;
    const heartbeat = (async () => {
      while (beating) {
        beats.push(await call('GET', '/api/auth/me'));
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    try {
      await call('POST', '/api/segments', { name: `Plan change ${new Date().toISOString().slice(11, 19)}`, rule: { kind: 'attribute', field: 'department', op: 'in', values: ['Dept 5'] } });
      const t0 = performance.now();
      while (performance.now() - t0 < seconds * 1000) {
        after.overview.push(await call('GET', reads.overview.url));
        after.groups.push(await call('GET', reads.groups.url));
        await new Promise((r) => setTimeout(r, 1_000));
      }
    } finally {
      beating = false;
      await heartbeat;
    }
    const log = api.output();
    planBuilt = [...log.matchAll(/disclosure plan: [^"]*?, (\d+) ms/g)].map((m) => ms(Number(m[1]))).slice(-1)[0] ?? 'not logged';
  } finally {
    await api.stop();
  }

  // the plain questions, on the same data, with no API running on the folder
  const config = loadConfig({ HUBPULSE_DATA_DIR: dataDir });
  const client = await openClickHouse(config.clickhouse);
  const ch = new ClickHouseService(client, config);
  const plain = plainQuestions(ch, '', AS_OF);
  const raw = { overview: [] as number[], groups: [] as number[] };
  for (const key of ['overview', 'groups'] as const) {
    const [sql, params] = plain[reads[key].question];
    raw[key] = (await timed(() => ch.rows(sql, params), 10)).warm;
  }
  await closeClickHouse(client, config.clickhouse);

  console.log(`\nthe plan's build after the segment's first run (API log): ${planBuilt}`);
  console.log('\n| read | before: warm p50 / max | after the new segment: first call | after: p50 / p95 / max of the others | plain question: raw p50 | max after ÷ raw p50 |');
  console.log('|---|---|---|---|---|---|');
  for (const key of ['overview', 'groups'] as const) {
    const [first, ...rest] = after[key];
    const worst = Math.max(...after[key]);
    console.log(`| ${key === 'overview' ? 'overview, 365 days' : 'engagement groups by department'} | ${ms(pct(before[key], 50))} / ${ms(Math.max(...before[key]))} | ${ms(first)} | ${ms(pct(rest, 50))} / ${ms(pct(rest, 95))} / ${ms(Math.max(...rest))} | ${reads[key].question}: ${ms(pct(raw[key], 50))} | ${(worst / pct(raw[key], 50)).toFixed(1)}× |`);
  }
  console.log(`\n/api/auth/me every 100 ms meanwhile: ${beats.length} answers, p50 ${ms(pct(beats, 50))}, p99 ${ms(pct(beats, 99))}, max ${ms(Math.max(...beats))} (the longest the event loop was held, about)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
