/**
 * bench:import — a large NDJSON file of events goes through the bulk import of the production
 * build (embedded ClickHouse, inline workers), uploaded and followed by the command-line importer's
 * own functions. Prints upload and import time, rows/s, and the API process's resident memory:
 * its peak (VmHWM) must stay flat however large the file is (the file is streamed, never held).
 *
 *   npm run bench:import [-- --size-mb 1024 --keep-file]
 *   npx tsx --require ./tests/register-sql.cjs tests/bench/import.bench.ts --size-mb 1024   (after npx nest build api)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { progressLine, signIn, uploadFile, waitForImport } from '../../tools/import-file';
import { BENCH_ADMIN, processMemory, spawnBenchApi } from './bench-api';
import { benchEvent } from './bench-events';

const { values: args } = parseArgs({
  options: {
    'size-mb': { type: 'string', default: '1024' },
    'keep-file': { type: 'boolean', default: false },
  },
});
const SIZE = Number(args['size-mb']) * 1024 * 1024;
const DAY = 86_400_000;
/** Every Nth line has no event_id (the id is derived from the line), every Mth is not JSON. */
const NO_ID_EVERY = 50;
const BAD_EVERY = 100_000;

const fmt = (n: number) => Math.round(n).toLocaleString('en');
const mb = (kb: number) => (kb / 1024).toFixed(0);

/** Writes ~`size` bytes of NDJSON events (30 days of history), streaming; returns the line count. */
async function generate(file: string, size: number): Promise<{ lines: number; bad: number }> {
  const out = fs.createWriteStream(file, { highWaterMark: 1 << 20 });
  const t0 = Date.now() - 31 * DAY;
  let bytes = 0;
  let lines = 0;
  let bad = 0;
  let buf = '';
  while (bytes < size) {
    const i = lines++;
    let line: string;
    if (i % BAD_EVERY === BAD_EVERY - 1) {
      line = `{"type":"view","actor_id":"p${i}",`; // cut short
      bad++;
    } else {
      const e: Record<string, unknown> = { ...benchEvent(i, t0), occurred_at: new Date(t0 + ((i * 7_919_993) % (30 * DAY))).toISOString(), properties: { words: i % 500, lang: 'en' } };
      if (i % NO_ID_EVERY === 0) delete e.event_id;
      line = JSON.stringify(e);
    }
    buf += line + '\n';
    bytes += line.length + 1;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  return { lines, bad };
}

async function main(): Promise<void> {
  const file = path.join(os.tmpdir(), `hubpulse-bench-import-${args['size-mb']}mb.ndjson`);
  console.log(`bench:import — ${args['size-mb']} MB of NDJSON events, ${os.cpus().length} cores`);
  let t = Date.now();
  const { lines, bad } = await generate(file, SIZE);
  const size = fs.statSync(file).size;
  console.log(`generated ${file}: ${fmt(lines)} lines, ${fmt(size / 1024 / 1024)} MB in ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-bench-import-'));
  const api = await spawnBenchApi(dataDir);
  const pid = api.child.pid!;
  try {
    const idle = processMemory(pid);
    console.log(`API up (pid ${pid}): RSS ${mb(idle.rss)} MB, peak so far ${mb(idle.hwm)} MB`);
    const cookie = await signIn(api.url, BENCH_ADMIN.email, BENCH_ADMIN.password);

    // Sample RSS while the file is uploaded and imported.
    let maxRss = 0;
    const sampler = setInterval(() => (maxRss = Math.max(maxRss, processMemory(pid).rss)), 250);
    t = Date.now();
    const queued = await uploadFile({ url: api.url, cookie, kind: 'events', format: 'ndjson', file });
    const uploadSecs = (Date.now() - t) / 1000;
    const afterUpload = processMemory(pid);
    console.log(`uploaded in ${uploadSecs.toFixed(1)} s (${fmt(size / 1024 / 1024 / uploadSecs)} MB/s); peak RSS so far ${mb(afterUpload.hwm)} MB`);

    let lastPrint = 0;
    const done = await waitForImport({
      url: api.url,
      cookie,
      id: queued.id,
      everyMs: 500,
      onProgress: (m) => {
        if (Date.now() - lastPrint < 10_000 && m.status === 'running') return;
        lastPrint = Date.now();
        console.log(`  ${progressLine(m, t)} · RSS ${mb(processMemory(pid).rss)} MB`);
      },
    });
    const end = processMemory(pid); // before the score recompute the import enqueues gets going
    clearInterval(sampler);
    const p = done.progress;
    const importSecs = (Date.parse(done.finished_at!) - Date.parse(done.started_at!)) / 1000;
    console.log(`import ${done.id}: ${done.status}${done.error ? ` (${done.error})` : ''}`);
    console.log(`  rows ${fmt(p.rows)} · stored ${fmt(p.accepted)} · rejected ${fmt(p.rejected)} (expected ${fmt(lines)} rows, ${fmt(bad)} bad)`);
    console.log(`  import ${importSecs.toFixed(1)} s → ${fmt(p.rows / importSecs)} rows/s, ${(size / 1024 / 1024 / importSecs).toFixed(1)} MB/s; upload + import ${((Date.now() - t) / 1000).toFixed(1)} s`);
    console.log(`  API RSS: idle ${mb(idle.rss)} MB → peak ${mb(end.hwm)} MB (VmHWM; sampled max ${mb(maxRss)} MB), now ${mb(end.rss)} MB; file ${fmt(size / 1024 / 1024)} MB`);
    if (done.status !== 'done' || p.rows !== lines || p.rejected !== bad) process.exitCode = 1;
  } finally {
    await api.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (!args['keep-file']) fs.rmSync(file, { force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
