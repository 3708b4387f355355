/**
 * bench:scores — 100,000 people and 10 million events generated inside embedded ClickHouse, then:
 * the full score recompute (the worker's ScoreComputeService, every day of the 90-day window), a
 * recompute after 100,000 new events, and the single raw aggregation the recompute is built on
 * (actions per person per day), with the ratio; then the people patterns that the same job runs
 * after the scores (timed apart: the targets are about the scores).
 *
 *   npm run bench:scores [-- --people 100000 --events 10000000]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ClickHouseService, EventsRepository, migrateClickHouse, openClickHouse, PatternsRepository, ScoresRepository } from '@hubpulse/clickhouse';
import { loadConfig } from '@hubpulse/config';
import { openDatabase, ScoringModelsRepository } from '@hubpulse/database';
import { PatternComputeService } from '../../apps/worker/src/patterns/pattern-compute.service';
import { ScoreComputeService } from '../../apps/worker/src/scores/score-compute.service';

const { values: args } = parseArgs({ options: { people: { type: 'string', default: '100000' }, events: { type: 'string', default: '10000000' } } });
const PEOPLE = Number(args.people);
const EVENTS = Number(args.events);
const fmt = (n: number) => Math.round(n).toLocaleString('en');
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-bench-scores-'));
  const config = loadConfig({ HUBPULSE_DATA_DIR: dataDir, CLICKHOUSE_DATABASE: 'bench' });
  // Wired by hand: tsx emits no decorator metadata, so Nest's injection cannot run here.
  const client = await openClickHouse(config.clickhouse);
  await migrateClickHouse(client, config.clickhouse.database);
  const ds = await openDatabase(config.database);
  const ch = new ClickHouseService(client, config);
  const events = new EventsRepository(ch);
  const scores = new ScoreComputeService(events, new ScoresRepository(ch), new ScoringModelsRepository(ds));
  const patterns = new PatternComputeService(events, new PatternsRepository(ch));
  try {
    console.log(`bench:scores — ${fmt(PEOPLE)} people, ${fmt(EVENTS)} events over 90 days, ${os.cpus().length} cores`);
    const end = new Date(Date.UTC(2026, 9, 31));
    // History arrives as it happens (ingested a minute after it occurred); the 100k new events are ingested now.
    const generate = (n: number, offset: number, days: number, history: boolean) =>
      ch.client.command({
        query: `INSERT INTO ${ch.tables.events} (event_id, type, actor_id, occurred_at, channel, purpose, source, key_id, ingested_at)
          SELECT concat('b-', toString(number + {offset:UInt64})),
                 ['view','view','view','view','react','comment','post','share','doc_share','task_update'][1 + number % 10],
                 concat('p', toString(cityHash64(number + {offset:UInt64}) % {people:UInt64})),
                 toDateTime64({end:DateTime}, 3, 'UTC') - toIntervalSecond(cityHash64(number, 7) % ({days:UInt32} * 86400)) AS at,
                 ['blog','newsletter','microblog','ceo_blog','documents','tasks','qa'][1 + number % 7],
                 ['inform','vision','productivity','engagement','strategy'][1 + number % 5],
                 'bench', 'bench',
                 if({history:Bool}, at + toIntervalMinute(1), now64(3))
          FROM numbers({n:UInt64})`,
        query_params: { n, offset, people: PEOPLE, end: end.toISOString().slice(0, 19).replace('T', ' '), days, history },
      });
    // The directory: every person in one of 12 departments, hired over the last 15 years.
    await ch.client.command({
      query: `INSERT INTO ${ch.tables.people} (person_id, name, department, location, hired_at, version)
        SELECT concat('p', toString(number)), concat('Person ', toString(number)), concat('Dept ', toString(number % 12)),
               concat('Site ', toString(number % 5)), toDate('2026-10-31') - (cityHash64(number, 3) % 5475), 1
        FROM numbers({people:UInt64})`,
      query_params: { people: PEOPLE },
    });
    let t = performance.now();
    await generate(EVENTS, 0, 90, true);
    console.log(`generated        ${fmt(EVENTS)} events in ${secs(performance.now() - t)}`);

    t = performance.now();
    await ch.rows(
      `SELECT count() AS n FROM (SELECT actor_id, toDate(occurred_at) AS d, count() FROM ${ch.tables.events} FINAL GROUP BY actor_id, d)`,
    );
    const rawMs = performance.now() - t;

    t = performance.now();
    const full = await scores.recompute({ kind: 'full' });
    const fullMs = performance.now() - t;

    // The scores job runs the people patterns after the scores, over the days the scores run covered.
    t = performance.now();
    await patterns.recompute({ from: full.from!, to: full.to! });
    const fullPatternsMs = performance.now() - t;

    await generate(100_000, EVENTS, 2, false);
    t = performance.now();
    const incr = await scores.recompute();
    const incrMs = performance.now() - t;
    t = performance.now();
    await patterns.recompute({ from: incr.from!, to: incr.to! });
    const incrPatternsMs = performance.now() - t;

    console.log(`raw aggregation  ${secs(rawMs)} (actions per person per day over all events, FINAL)`);
    console.log(`full recompute   ${secs(fullMs)} (${fmt(full.rows)} person-days, ${full.from}..${full.to}); ${(fullMs / rawMs).toFixed(1)}× the raw aggregation`);
    console.log(`after +100k      ${secs(incrMs)} ${incr.mode} run over ${incr.from}..${incr.to}, the days the new events touched (${fmt(incr.rows)} person-days)`);
    console.log(`patterns         ${secs(fullPatternsMs)} after the full run, ${secs(incrPatternsMs)} after the incremental one (purposes, personas, ambassadors, leader items: the rest of the same job)`);
  } finally {
    await ds.destroy();
    await ch.onApplicationShutdown();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
