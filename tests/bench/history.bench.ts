/**
 * What counting "as it was" costs (issue 15): the production build with the demo organisation
 * (HUBPULSE_DEMO_DAYS days), GET /api/engagement/groups over the last 30 and 90 days, as it was and as
 * of today, before and after moving `--movers` people a day on each of the last `--days` days (each
 * move day starts a stretch with its own disclosure plan). Cold = first request after the moves (plans
 * built), warm = median of the next runs (plans cached).
 *
 *   npm run build && npx tsx tests/bench/history.bench.ts [--days 30] [--movers 5] [--runs 5] [--port 3973]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnApi } from '@hubpulse/testing';

const { values: args } = parseArgs({
  options: { days: { type: 'string', default: '30' }, movers: { type: 'string', default: '5' }, runs: { type: 'string', default: '5' }, port: { type: 'string', default: '3973' }, demoDays: { type: 'string', default: '120' } },
});
const KEY = 'hp_wk_history_bench_0123456789';
const addDays = (d: string, n: number) => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'history-bench-'));
  const api = await spawnApi(
    { PORT: args.port!, HUBPULSE_DATA_DIR: dataDir, HUBPULSE_DEMO: '1', HUBPULSE_DEMO_DAYS: args.demoDays!, HUBPULSE_QUEUE_PREFIX: `history-bench-${Date.now()}`, HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: 'admin@hubpulse.local', HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: 'hubpulse-demo', HUBPULSE_BOOTSTRAP_WRITE_KEY: KEY },
    600_000,
  );
  try {
    const login = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'admin@hubpulse.local', password: 'hubpulse-demo' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const get = async (p: string) => {
      const res = await fetch(`${api.url}${p}`, { headers: { Cookie: cookie } });
      if (!res.ok) throw new Error(`${p}: ${res.status} ${(await res.text()).slice(0, 200)}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    let newest: string | null = null;
    while (!newest) {
      try {
        newest = (await get('/api/engagement/distribution')).day as string;
      } catch {
        await new Promise((r) => setTimeout(r, 3000));
      }
    }
    const time = async (p: string) => {
      const t = performance.now();
      await get(p);
      return performance.now() - t;
    };
    const measure = async (label: string) => {
      for (const days of [30, 90]) {
        for (const attribution of ['as_it_was', 'today']) {
          const p = `/api/engagement/groups?by=department&from=${addDays(newest!, -(days - 1))}&to=${newest}&attribution=${attribution}`;
          const cold = await time(p);
          const warm: number[] = [];
          for (let i = 0; i < Number(args.runs); i++) warm.push(await time(p));
          console.log(`${label.padEnd(28)} ${String(days).padStart(2)} days ${attribution.padEnd(9)} cold ${cold.toFixed(0).padStart(6)} ms  warm median ${median(warm).toFixed(0).padStart(6)} ms`);
        }
      }
    };
    await measure('no history');
    const people = (await get('/api/engagement/people?limit=200')) as unknown as { person_id: string; name: string; department: string }[];
    const departments = [...new Set(people.map((p) => p.department))];
    const days = Number(args.days);
    const movers = Number(args.movers);
    const t = performance.now();
    for (let d = 0; d < days; d++) {
      const batch = people.slice((d * movers) % people.length, ((d * movers) % people.length) + movers);
      const body = { people: batch.map((p, i) => ({ person_id: p.person_id, name: p.name, department: departments[(departments.indexOf(p.department) + 1 + i + d) % departments.length], location: 'Berlin', effective_at: addDays(newest!, -d) })) };
      const res = await fetch(`${api.url}/v1/people`, { method: 'PUT', headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`PUT /v1/people: ${res.status} ${await res.text()}`);
    }
    console.log(`${days} PUTs of ${movers} movers: ${(performance.now() - t).toFixed(0)} ms`);
    const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${api.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    const before = rss();
    await measure(`${days} days of moves`);
    console.log(`API RSS ${before.toFixed(0)} MB before the reads with history, ${rss().toFixed(0)} MB after`);
    // today's plan, where the history is decided (once per directory change): its last log line
    const built = api.output().split('\n').filter((l) => l.includes('disclosure plan:'));
    if (built.length) console.log(built[built.length - 1].replace(/^.*disclosure plan:/, "today's disclosure plan:"));
  } catch (err) {
    console.error(api.output().slice(-3000));
    throw err;
  } finally {
    await api.stop('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
