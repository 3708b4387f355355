/**
 * bench:content — the Content area's reads (issue 15) at enterprise size: bench:segments' data
 * (100,000 people, 10,000,000 events over 365 days, 5,000 catalogue items) plus a fifth of the items
 * aimed at a segment (Dept 3, 8,333 people) and 26 weekly newsletter issues, each sent to 20,000
 * people (opens, machine opens, clicks on four links: ~0.8M more events). Then, in the same run:
 *
 * 1. in this process, before the API starts: the raw ClickHouse time of the plainest SQL answering
 *    each read's question (readers per item of the period, readers of one item, readers per author,
 *    recipients and openers per issue, openers per department of one issue) — p50 / p95 of N runs;
 * 2. the production build on the same data folder, signed in as its admin, once idle: each content
 *    read through the HTTP API — one cold call (computed), then p50 / p95 of N warm calls (the same
 *    request again: answered from the content cache while the data watermark is unchanged);
 *
 * and the ratio API p95 ÷ raw p95 per read.
 *
 *   npm run bench:content [-- --people 100000 --events 10000000 --runs 10]
 *
 * The data folder is a new one under the temp folder (TMPDIR), removed at the end; the API's queues
 * use HUBPULSE_QUEUE_PREFIX when it is set (else a prefix of this process's own).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ClickHouseService, closeClickHouse, migrateClickHouse, openClickHouse } from '@hubpulse/clickhouse';
import { loadConfig } from '@hubpulse/config';
import { signIn } from '../../tools/import-file';
import { BENCH_ADMIN, spawnBenchApi, timed, waitIdle } from './bench-api';
import { addContentData, ISSUES, SEGMENT } from './content-bench.data';
import { generateSegmentBenchData } from './segment-bench.data';

const { values: args } = parseArgs({
  options: { people: { type: 'string', default: '100000' }, events: { type: 'string', default: '10000000' }, runs: { type: 'string', default: '10' } },
});
const PEOPLE = Number(args.people);
const EVENTS = Number(args.events);
const RUNS = Number(args.runs);
const AS_OF = '2026-10-31';
const fmt = (n: number) => Math.round(n).toLocaleString('en');
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');

/** The plain question behind each read, as the plainest SQL (no privacy, no audience, no FINAL on events). */
function rawQuestions(ch: ClickHouseService, item: string): [name: string, sql: string, params: Record<string, unknown>][] {
  const t = ch.tables;
  const from = `toDate({asOf:Date}) - 89`;
  return [
    ['readers per item published in 90 days', `SELECT content_id, uniqExact(actor_id) FROM ${t.events} WHERE type = 'view' AND content_id IN (SELECT content_id FROM ${t.content} FINAL WHERE toDate(published_at) BETWEEN ${from} AND {asOf:Date}) AND toDate(occurred_at) >= ${from} GROUP BY content_id`, { asOf: AS_OF }],
    ['readers of one item', `SELECT uniqExact(actor_id) FROM ${t.events} WHERE content_id = {item:String} AND type = 'view'`, { item }],
    ['readers per author, 90 days', `SELECT i.author_id, uniqExact(e.actor_id) FROM ${t.events} AS e INNER JOIN (SELECT content_id, author_id FROM ${t.content} FINAL WHERE toDate(published_at) BETWEEN ${from} AND {asOf:Date}) AS i ON i.content_id = e.content_id WHERE e.type = 'view' AND toDate(e.occurred_at) >= ${from} GROUP BY i.author_id`, { asOf: AS_OF }],
    ['recipients and openers per issue', `SELECT content_id, uniqExactIf(actor_id, type = 'newsletter_send'), uniqExactIf(actor_id, type = 'newsletter_open') FROM ${t.events} WHERE type IN ('newsletter_send', 'newsletter_open') AND toDate(occurred_at) >= ${from} GROUP BY content_id`, { asOf: AS_OF }],
    ['openers per department of one issue', `SELECT p.department, uniqExact(e.actor_id) FROM ${t.events} AS e INNER JOIN (SELECT person_id, department FROM ${t.people} FINAL) AS p ON p.person_id = e.actor_id WHERE e.content_id = 'nl-3' AND e.type = 'newsletter_open' GROUP BY p.department`, {}],
  ];
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-bench-content-'));
  const config = loadConfig({ HUBPULSE_DATA_DIR: dataDir });
  console.log(`bench:content — ${fmt(PEOPLE)} people, ${fmt(EVENTS)} events over 365 days, ${ISSUES} newsletter issues, ${RUNS} warm runs per read, ${os.cpus().length} cores, load ${load()}`);

  const client = await openClickHouse(config.clickhouse);
  await migrateClickHouse(client, config.clickhouse.database);
  const ch = new ClickHouseService(client, config);
  let t0 = performance.now();
  await generateSegmentBenchData(ch, PEOPLE, EVENTS, AS_OF);
  await addContentData(ch, PEOPLE, AS_OF);
  const [{ n }] = await ch.rows<{ n: string }>(`SELECT count() AS n FROM ${ch.tables.events}`);
  console.log(`generated        in ${secs(performance.now() - t0)} (${fmt(Number(n))} events)`);
  // The item page's item: the most read item aimed at the segment, published in the 90 days.
  const [{ item }] = await ch.rows<{ item: string }>(
    `SELECT content_id AS item FROM ${ch.tables.content} FINAL WHERE audience_segment_id = {seg:String} AND toDate(published_at) >= toDate({asOf:Date}) - 89 ORDER BY content_id LIMIT 1`,
    { seg: SEGMENT, asOf: AS_OF },
  );
  const raw = new Map<string, number[]>();
  for (const [name, sql, params] of rawQuestions(ch, item)) {
    const { warm } = await timed(() => ch.rows(sql, params), RUNS);
    raw.set(name, warm);
  }
  await closeClickHouse(client, config.clickhouse);

  // No scheduled score run of the 10M events while reads are timed.
  const prefix: Record<string, string> = process.env.HUBPULSE_QUEUE_PREFIX ? { HUBPULSE_QUEUE_PREFIX: process.env.HUBPULSE_QUEUE_PREFIX } : {};
  const api = await spawnBenchApi(dataDir, { HUBPULSE_SCORE_EVERY_MINUTES: String(7 * 24 * 60), HUBPULSE_SCORE_DEBOUNCE_MS: String(3_600_000), ...prefix });
  const pid = api.child.pid!;
  const rows: { read: string; question: string; cold: number; p50: number; p95: number }[] = [];
  try {
    const cookie = await signIn(api.url, BENCH_ADMIN.email, BENCH_ADMIN.password);
    const get = async (url: string) => {
      const res = await fetch(`${api.url}${url}`, { headers: { Cookie: cookie } });
      const text = await res.text();
      if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 300)}`);
      return text;
    };
    // Idle: start-up work (the starter segments' first computation over the 10M events) is over.
    t0 = performance.now();
    await waitIdle(pid, 10_000);
    console.log(`API idle         after ${secs(performance.now() - t0)}`);
    const from = '2026-08-03';
    const reads: [read: string, url: string, question: string][] = [
      ['items, top 50 by read rate (90 days)', '/api/content/items', 'readers per item published in 90 days'],
      ['items, bottom 50', '/api/content/items?order=asc', 'readers per item published in 90 days'],
      ['items aimed at a segment', `/api/content/items?segment=${SEGMENT}`, 'readers per item published in 90 days'],
      ['one item (audience, decay)', `/api/content/items/${item}`, 'readers of one item'],
      ['authors (90 days)', '/api/content/authors', 'readers per author, 90 days'],
      ['newsletter issues (90 days)', `/api/content/newsletters?from=${from}&to=${AS_OF}`, 'recipients and openers per issue'],
      ['one issue by department', '/api/content/newsletters/nl-3?by=department', 'openers per department of one issue'],
      ['one issue by segment', '/api/content/newsletters/nl-3?by=segment', 'openers per department of one issue'],
    ];
    for (const [read, url, question] of reads) {
      const { cold, warm } = await timed(() => get(url), RUNS);
      rows.push({ read, question, cold, p50: pct(warm, 50), p95: pct(warm, 95) });
      console.log(`  ${read.padEnd(40)} cold ${fmt(cold).padStart(6)} ms  p50 ${fmt(pct(warm, 50)).padStart(6)} ms  p95 ${fmt(pct(warm, 95)).padStart(6)} ms`);
    }
    await api.stop('SIGTERM');
  } catch (err) {
    await api.stop('SIGKILL');
    console.error(api.output().slice(-3000));
    throw err;
  }

  // Cold = computed (the first read also builds the disclosure plan); warm = the same request again, from the cache.
  console.log(`\n| read | API cold (computed) | API warm p50 / p95 (cached) | plain question | raw p50 / p95 | cold ÷ raw p50 | warm p95 ÷ raw p95 |`);
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const w = raw.get(r.question)!;
    console.log(`| ${r.read} | ${fmt(r.cold)} ms | ${fmt(r.p50)} / ${fmt(r.p95)} ms | ${r.question} | ${fmt(pct(w, 50))} / ${fmt(pct(w, 95))} ms | ${(r.cold / pct(w, 50)).toFixed(1)}× | ${(r.p95 / pct(w, 95)).toFixed(1)}× |`);
  }
  console.log(`load after       ${load()} (other processes on this machine share its ${os.cpus().length} cores)`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
