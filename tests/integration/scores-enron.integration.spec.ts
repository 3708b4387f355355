import * as fs from 'node:fs';
import * as path from 'node:path';
import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { ClickHouseModule, ClickHouseService } from '@hubpulse/clickhouse';
import { ConfigModule } from '@hubpulse/config';
import { DatabaseModule, ScoringModelsRepository } from '@hubpulse/database';
import { mapEnron, parseEnronEmployees, parseEnronMessages, parseEnronRecipients } from '@hubpulse/demo';
import { utcClickHouseTime } from '@hubpulse/contracts';
import { testConfig } from '@hubpulse/testing';
import { ScoreComputeService } from '../../apps/worker/src/scores/score-compute.service';
import { expectSameScores, reference, type Ev, type Person, type Row } from './score-reference';

const DATASET = path.resolve(__dirname, '../../../shared/datasets/enron');

/**
 * Real data: the Enron e-mail corpus (../shared/datasets/enron, see its SOURCE.md) mapped to hub
 * activity, scored by the worker's SQL with the default model, and checked row by row against the
 * plain computation of the same definition in tests/integration/score-reference.ts.
 */
describe('engagement scores on the Enron data', () => {
  const config = testConfig();
  let ctx: INestApplicationContext;
  let ch: ClickHouseService;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DATASET, 'messages.tsv'))) throw new Error(`the Enron dataset is missing at ${DATASET}`);
    const mod = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config), ClickHouseModule, DatabaseModule],
      providers: [ScoringModelsRepository, ScoreComputeService],
    }).compile();
    ctx = await mod.init();
    ch = ctx.get(ClickHouseService);
  }, 60_000);

  afterAll(async () => {
    await ch?.client.command({ query: `DROP DATABASE IF EXISTS ${ch.database}` });
    await ctx?.close();
  });

  it('matches the plain computation for every person and day', async () => {
    const read = (f: string) => fs.readFileSync(path.join(DATASET, f), 'utf8');
    const data = mapEnron({
      employees: parseEnronEmployees(read('employees.tsv')),
      messages: parseEnronMessages(read('messages.tsv')),
      recipients: parseEnronRecipients(read('recipients.tsv')),
    });
    const people: Person[] = data.people.map((p) => ({ person_id: p.person_id, name: p.name, department: p.department ?? '', hired_at: p.hired_at ?? null, version: 1 }));
    const events: Ev[] = data.events.map((e) => ({ event_id: e.event_id, type: e.type, actor_id: e.actor_id, occurred_at: utcClickHouseTime(e.occurred_at, Date.parse(e.occurred_at)) }));
    expect(events.length).toBeGreaterThan(50_000);
    await ch.client.insert({ table: ch.tables.people, values: people, format: 'JSONEachRow' });
    await ch.client.insert({ table: ch.tables.events, values: events, format: 'JSONEachRow' });

    const model = await ctx.get(ScoringModelsRepository).current();
    const run = await ctx.get(ScoreComputeService).recompute({ kind: 'full' });
    const got = await ch.rows<Row>(
      `SELECT toString(day) AS day, person_id, raw, score, score_cohort, toString(cohort) AS cohort, actions
       FROM ${ch.tables.engagement_scores} FINAL ORDER BY day, person_id`,
    );
    expect(run).toMatchObject({ mode: 'full', from: '1998-11-13', to: '2002-06-21' });
    const want = reference(events, people, model, run.from!, run.to!);
    expect(got.length).toBeGreaterThan(10_000);
    expectSameScores(got, want);
  }, 240_000);
});
