/**
 * Where the time of a disclosure plan build goes at enterprise size (issue 17): the steps of
 * DisclosureService.build, timed one by one on a data folder that bench:api made, without the goal
 * links and programmes (a handful of groups): today's directory and the segments' memberships read,
 * their groups, the history's change days and stretches read, the plan over the history's versions
 * (planVersions), today's plan (planGroups), and the GroupStructure alone (what a thread that decided
 * the plan would still leave to the main thread).
 *
 *   npx tsx --require ./tests/register-sql.cjs tests/bench/plan-build.bench.ts --data /path/to/benchdata [--runs 2]
 *
 * The API must not be running on the folder (one process per chDB folder).
 */
import { parseArgs } from 'node:util';
import { SegmentMembershipRepository } from '@hubpulse/audiences';
import { ClickHouseService, closeClickHouse, openClickHouse, PeopleRepository } from '@hubpulse/clickhouse';
import { loadConfig } from '@hubpulse/config';
import { addDays } from '@hubpulse/contracts';
import { GroupStructure, planGroups, planVersions, type GroupSpec } from '@hubpulse/disclosure';
import { directoryGroups, FAMILY_PRIORITY, groupKey } from '../../apps/api/src/disclosure/group-registry.service';

const { values: args } = parseArgs({ options: { data: { type: 'string' }, runs: { type: 'string', default: '2' } } });

async function main(): Promise<void> {
  if (!args.data) throw new Error('--data: the data folder of a bench:api run');
  const config = loadConfig({ HUBPULSE_DATA_DIR: args.data });
  const client = await openClickHouse(config.clickhouse);
  const ch = new ClickHouseService(client, config);
  const people = new PeopleRepository(ch);
  const memberships = new SegmentMembershipRepository(ch);
  const k = config.minGroupSize;
  const asOf = new Date().toISOString().slice(0, 10);
  for (let run = 1; run <= Number(args.runs); run++) {
    const steps: [string, number][] = [];
    let t0 = performance.now();
    const step = <T>(name: string, value: T): T => {
      const now = performance.now();
      steps.push([name, now - t0]);
      t0 = now;
      return value;
    };
    const [rows, segments] = step('read directory and memberships', await Promise.all([people.groupRows(asOf), memberships.currentMembers()]));
    const groups: GroupSpec[] = directoryGroups(rows);
    for (const s of segments) groups.push({ key: groupKey.segment(s.id), family: 'segment', members: s.members, priority: FAMILY_PRIORITY.segment, crossTabbed: ['department', 'location'] });
    const population = step('their groups', new Set(rows.map((r) => r.person_id)));
    const changes = await people.changeDays(addDays('1900-01-01', 1), asOf);
    const days = changes.map((c, i) => (i === 0 ? addDays(c, -1) : changes[i - 1]));
    const stretches = step(`read history (${changes.length} change days)`, (days.length ? await people.historyRowsOn(days) : []).map(directoryGroups));
    const versions = step('planVersions (history)', planVersions(population, [...stretches, groups], k));
    const plan = step('planGroups (today)', planGroups(population, groups, k, versions.refused[versions.refused.length - 1]));
    step('GroupStructure alone', new GroupStructure(population, groups, plan.structure.index));
    const total = steps.reduce((s, [, ms]) => s + ms, 0);
    console.log(`run ${run}: ${groups.length} groups over ${population.size} people, ${versions.versions} versions, ${plan.all().filter((g) => !g.shown).length} hidden`);
    for (const [name, ms] of steps) console.log(`  ${name.padEnd(40)} ${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / total).toFixed(0).padStart(3)} %`);
  }
  await closeClickHouse(client, config.clickhouse);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
