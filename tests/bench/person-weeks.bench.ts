/**
 * How long the pattern views' read of a range's person-weeks holds the API's event loop (issue 17):
 * the product's read (PatternsRepository.personWeek: one row of arrays per week, a week at a time)
 * against the plain read of the same person-weeks as rows (one object per person and week, as the
 * API read them before 2026-12-05), in the same run, on a data folder that bench:api made (its
 * pattern tables are computed when the API has started on it once).
 *
 *   npx tsx --require ./tests/register-sql.cjs tests/bench/person-weeks.bench.ts --data /path/to/benchdata [--weeks 13] [--runs 3]
 *
 * Prints per run the total time and the longest stall of a 1 ms timer (what every other request of
 * the API would wait at most), and the ratio of the two reads. The API must not be running on the
 * folder (one process per chDB folder).
 */
import { parseArgs } from 'node:util';
import { ClickHouseService, openClickHouse, PatternsRepository } from '@hubpulse/clickhouse';
import { loadConfig } from '@hubpulse/config';
import { addDays } from '@hubpulse/contracts';

const { values: args } = parseArgs({ options: { data: { type: 'string' }, weeks: { type: 'string', default: '13' }, runs: { type: 'string', default: '3' } } });

/** Runs `read`, returning its time and the longest gap between ticks of a 1 ms timer meanwhile. */
async function stalls(read: () => Promise<number>): Promise<{ ms: number; stall: number; n: number }> {
  let last = performance.now();
  let stall = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 1);
  const t0 = performance.now();
  const n = await read();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 20)); // the tick after the read's last synchronous stretch
  clearInterval(tick);
  return { ms, stall, n };
}

async function main(): Promise<void> {
  if (!args.data) throw new Error('--data: the data folder of a bench:api run (its clickhouse folder is read)');
  const config = loadConfig({ HUBPULSE_DATA_DIR: args.data });
  const client = await openClickHouse(config.clickhouse);
  const ch = new ClickHouseService(client, config);
  const repo = new PatternsRepository(ch);
  const t = ch.tables;
  const [{ newest }] = await ch.rows<{ newest: string }>(`SELECT toString(max(week)) AS newest FROM ${t.pattern_person_weeks}`);
  if (newest === '1970-01-01') throw new Error(`${args.data}: no person-weeks (start the API on it once, so the pattern run fills them)`);
  const toWeek = newest;
  const fromWeek = addDays(toWeek, -7 * (Number(args.weeks) - 1));
  console.log(`person-weeks of the ${args.weeks} weeks ${fromWeek} … ${toWeek} in ${args.data}`);
  const fmt = (r: { ms: number; stall: number; n: number }) => `${r.n.toLocaleString('en')} person-weeks in ${r.ms.toFixed(0).padStart(5)} ms, longest event-loop stall ${r.stall.toFixed(0).padStart(5)} ms`;
  for (let run = 1; run <= Number(args.runs); run++) {
    const rows = await stalls(async () => {
      const all = await ch.rows<{ monday: string; person_id: string; persona: string }>(
        `SELECT toString(week) AS monday, person_id, toString(persona) AS persona FROM ${t.pattern_person_weeks} FINAL WHERE week BETWEEN {fromWeek:Date} AND {toWeek:Date}`,
        { fromWeek, toWeek },
      );
      const weeks = new Map<string, Map<string, string>>();
      for (const r of all) (weeks.get(r.monday) ?? weeks.set(r.monday, new Map()).get(r.monday)!).set(r.person_id, r.persona);
      return all.length;
    });
    const arrays = await stalls(async () => {
      let n = 0;
      for (let w = fromWeek; w <= toWeek; w = addDays(w, 7)) {
        const { people, personas } = await repo.personWeek(w);
        const week = new Map<string, string>();
        for (let i = 0; i < people.length; i++) week.set(people[i], personas[i]);
        n += week.size;
      }
      return n;
    });
    console.log(`run ${run}  rows (before):         ${fmt(rows)}`);
    console.log(`run ${run}  week arrays (product): ${fmt(arrays)}   stall ${(arrays.stall / rows.stall).toFixed(3)}× of the rows', time ${(arrays.ms / rows.ms).toFixed(2)}×`);
  }
  await client.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
