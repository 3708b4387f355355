/**
 * bench:segments — 100,000 people and 10 million events generated inside embedded ClickHouse (with
 * a day of scores and a week of personas), 20 segments of mixed rules, then:
 * - the live preview of each rule (SegmentPreviewService: size, composition, score bins), p50 / p95;
 * - a full recompute of all 20 (SegmentComputeService.refresh: write a new version, count entered /
 *   left, switch, prune), and the raw ClickHouse time of the same compiled SQL
 *   (SELECT count() FROM (compiled)), with the ratio;
 * - what the API reads for the list and a detail page: the overlaps of the 20 memberships and a
 *   segment's channel statistics.
 *
 *   npm run bench:segments [-- --people 100000 --events 10000000 --rounds 3]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  compileSegmentRule,
  prepareSegmentRule,
  SegmentMembershipRepository,
  SegmentPreviewService,
  type SegmentDefinitionRecord,
  type SegmentDefinitionSource,
} from '@hubpulse/audiences';
import { ClickHouseService, migrateClickHouse, ScoresRepository, openClickHouse } from '@hubpulse/clickhouse';
import { loadConfig } from '@hubpulse/config';
import { SegmentReadsRepository } from '../../apps/api/src/segments/segment-reads.repository';
import { SegmentComputeService } from '../../apps/worker/src/segments/segment-compute.service';
import { generateSegmentBenchData, RULES } from './segment-bench.data';

const { values: args } = parseArgs({
  options: { people: { type: 'string', default: '100000' }, events: { type: 'string', default: '10000000' }, rounds: { type: 'string', default: '3' } },
});
const PEOPLE = Number(args.people);
const EVENTS = Number(args.events);
const ROUNDS = Number(args.rounds);
const AS_OF = '2026-10-31';
const fmt = (n: number) => Math.round(n).toLocaleString('en');
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-bench-segments-'));
  const config = loadConfig({ HUBPULSE_DATA_DIR: dataDir, CLICKHOUSE_DATABASE: 'bench' });
  // Wired by hand: tsx emits no decorator metadata, so Nest's injection cannot run here.
  const client = await openClickHouse(config.clickhouse);
  await migrateClickHouse(client, config.clickhouse.database);
  const ch = new ClickHouseService(client, config);
  const defs = new Map<string, SegmentDefinitionRecord>(RULES.map(([id, rule]) => [id, { id, kind: 'dynamic', rule, definition_version: 1 }]));
  const source: SegmentDefinitionSource = { get: async (id) => defs.get(id) ?? null, listDynamic: async () => [...defs.values()] };
  const store = new SegmentMembershipRepository(ch);
  const segments = new SegmentComputeService(ch, store, source);
  const previews = new SegmentPreviewService(ch, store, source);
  try {
    console.log(`bench:segments — ${fmt(PEOPLE)} people, ${fmt(EVENTS)} events over 365 days, ${RULES.length} segments, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    let t0 = performance.now();
    await generateSegmentBenchData(ch, PEOPLE, EVENTS, AS_OF);
    console.log(`generated        in ${secs(performance.now() - t0)}`);

    // The first recompute also gives the referenced segment ('contributors') the membership previews need.
    t0 = performance.now();
    const warm = await segments.refresh({ asOf: AS_OF });
    const warmMs = performance.now() - t0;
    if (warm.some((r) => r.status !== 'ok')) throw new Error('first recompute failed');

    const latencies: number[] = [];
    const slowest = new Map<string, number>();
    const sizes = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [id, rule] of RULES) {
        const s = performance.now();
        const p = await previews.preview(rule, { asOf: AS_OF, selfId: id });
        const ms = performance.now() - s;
        latencies.push(ms);
        slowest.set(id, Math.max(ms, slowest.get(id) ?? 0));
        sizes.set(id, p.size);
      }
    }

    t0 = performance.now();
    const results = await segments.refresh({ asOf: AS_OF });
    const fullMs = performance.now() - t0;
    const failed = results.filter((r) => r.status !== 'ok');
    if (failed.length) throw new Error(`segments failed: ${failed.map((f) => `${f.segment_id}: ${f.error}`).join('; ')}`);
    for (const r of results) if (r.size !== sizes.get(r.segment_id)) throw new Error(`${r.segment_id}: preview size ${sizes.get(r.segment_id)} ≠ computed ${r.size}`);

    let rawMs = 0;
    for (const [id, rule] of RULES) {
      const { memberVersions } = await prepareSegmentRule(rule, { source, store }, id);
      const q = compileSegmentRule(rule, { tables: ch.tables, asOf: AS_OF, memberVersions });
      const s = performance.now();
      await ch.rows(`SELECT count() AS n FROM (${q.sql})`, q.params);
      rawMs += performance.now() - s;
    }

    // What the API reads for a channel statistics page:
    // every directory person's activity over 90 days, which the disclosure layer sums over every group.
    const reads = new SegmentReadsRepository(ch, new ScoresRepository(ch));
    let s = performance.now();
    const from = new Date(Date.parse(`${AS_OF}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
    const channelMs = new Map<string, number>();
    // Channel statistics read every directory person's activity once (the disclosure layer sums it over every group of its plan).
    s = performance.now();
    await Promise.all([reads.personActivity(from, AS_OF), reads.items(from, AS_OF)]);
    channelMs.set('per-person activity', performance.now() - s);

    const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id, ms]) => `${id} ${Math.round(ms)} ms`).join(', ');
    console.log(`segments         ${results.map((r) => `${r.segment_id} ${fmt(r.size)}`).join(', ')}`);
    console.log(`preview          p50 ${Math.round(pct(latencies, 50))} ms, p95 ${Math.round(pct(latencies, 95))} ms, max ${Math.round(Math.max(...latencies))} ms (${latencies.length} previews; slowest ${top(slowest)}; target p95 < 1 s)`);
    console.log(`recompute all 20 ${secs(fullMs)} (first run ${secs(warmMs)}; slowest ${top(new Map(results.map((r) => [r.segment_id, r.ms])))}; target < 20 s)`);
    console.log(`raw SQL          ${secs(rawMs)} (SELECT count() FROM (compiled) for the 20 rules); recompute = ${(fullMs / rawMs).toFixed(1)}× raw`);
    console.log(`API reads        channel statistics over 90 days ${[...channelMs].map(([id, ms]) => `${id} ${Math.round(ms)} ms`).join(', ')}`);
    console.log(`load after       ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (other processes on this machine share its ${os.cpus().length} cores)`);
  } finally {
    await ch.onApplicationShutdown();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
