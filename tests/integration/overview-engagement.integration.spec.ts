import type { ClickHouseClient } from '@clickhouse/client';
import fc from 'fast-check';
import { ClickHouseService, closeClickHouse, migrateClickHouse, openClickHouse } from '@hubpulse/clickhouse';
import { addDays } from '@hubpulse/contracts';
import { testConfig } from '@hubpulse/testing';
import { ENGAGEMENT_WINDOW_DAYS, OverviewRepository } from '../../apps/api/src/overview/overview.repository';

const BASE = '2026-03-01';

/**
 * The overview's engagement index (issue 17 rewrote its query: runs of active days and a running sum
 * instead of one row per person-day-window): for random hubs, the people counted on each day of a
 * random range are exactly the directory people with an activity (not a newsletter landing in their
 * inbox) in the 7 days ending that day, counted the plain way in JS; days with nobody give no row.
 */
describe('OverviewRepository.engagement', () => {
  const config = testConfig();
  let raw: ClickHouseClient;
  let ch: ClickHouseService;
  let repo: OverviewRepository;

  beforeAll(async () => {
    raw = await openClickHouse(config.clickhouse);
    await migrateClickHouse(raw, config.clickhouse.database);
    ch = new ClickHouseService(raw, config);
    repo = new OverviewRepository(ch);
  }, 60_000);

  afterAll(async () => {
    if (!raw) return;
    await raw.command({ query: `DROP DATABASE IF EXISTS ${config.clickhouse.database}` });
    await closeClickHouse(raw, config.clickhouse);
  });

  const event = fc.record({ person: fc.integer({ min: 0, max: 3 }), day: fc.integer({ min: 0, max: 24 }), send: fc.boolean(), twice: fc.boolean() });

  it('counts a person active on two days a week apart on each day once', async () => {
    await raw.command({ query: `TRUNCATE TABLE ${ch.tables.events}` });
    await raw.command({ query: `TRUNCATE TABLE ${ch.tables.people}` });
    await raw.insert({ table: ch.tables.people, format: 'JSONEachRow', values: [{ person_id: 'wk', name: 'W' }] });
    const at = (i: number, day: number) => ({ event_id: `w${i}`, type: 'view', actor_id: 'wk', occurred_at: `${addDays(BASE, day)} 09:00:00.000` });
    await raw.insert({ table: ch.tables.events, format: 'JSONEachRow', values: [at(1, 0), at(2, 7), at(3, 15)] });
    const days = await repo.engagement(BASE, addDays(BASE, 23));
    expect(days.map((d) => d.active)).toEqual(Array(14 + 7).fill(1));
    expect(days.map((d) => d.day)).toEqual([...Array.from({ length: 14 }, (_, i) => addDays(BASE, i)), ...Array.from({ length: 7 }, (_, i) => addDays(BASE, 15 + i))]);
  });

  it('counts, per day, the directory people active in the 7 days ending that day', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(event, { maxLength: 60 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 4 }), async (events, start, length, directorySize) => {
        round++;
        await raw.command({ query: `TRUNCATE TABLE ${ch.tables.events}` });
        await raw.command({ query: `TRUNCATE TABLE ${ch.tables.people}` });
        const person = (i: number) => `p${round}-${i}`;
        if (directorySize > 0) {
          await raw.insert({ table: ch.tables.people, format: 'JSONEachRow', values: Array.from({ length: directorySize }, (_, i) => ({ person_id: person(i), name: `P ${i}` })) });
        }
        const rows = events.flatMap((e, i) => {
          const row = { event_id: `e${i}`, type: e.send ? 'newsletter_send' : 'view', actor_id: person(e.person), occurred_at: `${addDays(BASE, e.day)} 12:00:00.000`, channel: 'blog', purpose: 'inform' };
          return e.twice ? [row, row] : [row]; // a retried event: the same id twice
        });
        if (rows.length) await raw.insert({ table: ch.tables.events, format: 'JSONEachRow', values: rows });

        const from = addDays(BASE, start);
        const to = addDays(from, length);
        const expected: { day: string; active: number }[] = [];
        for (let d = from; d <= to; d = addDays(d, 1)) {
          const people = new Set(events.filter((e) => !e.send && e.person < directorySize && addDays(BASE, e.day) <= d && addDays(BASE, e.day) > addDays(d, -ENGAGEMENT_WINDOW_DAYS)).map((e) => e.person));
          if (people.size) expected.push({ day: d, active: people.size });
        }
        expect(await repo.engagement(from, to)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
