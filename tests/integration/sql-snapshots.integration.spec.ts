import type { ClickHouseClient } from '@clickhouse/client';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SCORING_MODEL } from '@hubpulse/analytics';
import { compileSegmentRule, segmentPreviewQuery, SegmentMembershipRepository } from '@hubpulse/audiences';
import { ClickHouseService, closeClickHouse, ContentRepository, EventsRepository, migrateClickHouse, openClickHouse, PatternsRepository, PeopleRepository, ScoresRepository } from '@hubpulse/clickhouse';
import { EVENT_TYPES, addDays } from '@hubpulse/contracts';
import { testConfig } from '@hubpulse/testing';
import { ContentReadsRepository } from '../../apps/api/src/content/content-reads.repository';
import { LinkAnalysisRepository } from '../../apps/api/src/goals/link-analysis.repository';
import { IngestStatsRepository } from '../../apps/api/src/ingest/ingest-stats.repository';
import { OverviewRepository } from '../../apps/api/src/overview/overview.repository';
import { SegmentReadsRepository } from '../../apps/api/src/segments/segment-reads.repository';
import { PEOPLE_METRICS } from '../../apps/worker/src/patterns/purpose-rollup';

/**
 * SQL snapshots (after immich's server/src/queries): every statement the ClickHouse repositories
 * below emit (with the statements they run through the owner of a table they read), run against real chDB through a client that records them, is written to
 * docs/sql/<repository file>.md (Markdown with SQL blocks: readable on the forge, and not counted
 * as code twice by the duplicates tool). A reviewer sees every query of a table family in one file
 * and every change to one in the diff. The suite fails when the SQL differs from the checked-in file,
 * when a query does not run, and when a repository has a method without a snapshot here.
 * Services that compose repositories (the disclosure group registry, the strategy audiences) hold
 * no SQL: what they run is in the files of the tables' owners.
 * After a deliberate change: `npm run sql:snapshots` rewrites the files; review and commit them.
 */
const UPDATE = process.env.SQL_SNAPSHOTS === 'update';
const OUT = path.join(__dirname, '../../docs/sql');

const SOURCES = {
  'events.repository': 'libs/clickhouse/src/repositories/events.repository.ts',
  'scores.repository': 'libs/clickhouse/src/repositories/scores.repository.ts',
  'patterns.repository': 'libs/clickhouse/src/repositories/patterns.repository.ts',
  'people.repository': 'libs/clickhouse/src/repositories/people.repository.ts',
  'content.repository': 'libs/clickhouse/src/repositories/content.repository.ts',
  'segment-membership.repository': 'libs/audiences/src/segment-membership.repository.ts',
  'segment-reads.repository': 'apps/api/src/segments/segment-reads.repository.ts',
  'link-analysis.repository': 'apps/api/src/goals/link-analysis.repository.ts',
  'ingest-stats.repository': 'apps/api/src/ingest/ingest-stats.repository.ts',
  'overview.repository': 'apps/api/src/overview/overview.repository.ts',
  'content-reads.repository': 'apps/api/src/content/content-reads.repository.ts',
} as const;
type File = keyof typeof SOURCES;

/** Methods that emit no ClickHouse statement of their own: helpers that build one. */
const NOT_SNAPSHOTTED: Record<string, string[]> = {
  EventsRepository: ['pages'], // runs page()'s statement, snapshotted there
  ScoresRepository: ['current'],
  PeopleRepository: ['groupRowsFrom'], // the statement of groupRows and groupRowsOn
  PatternsRepository: ['purposeParams', 'dropOlder', 'count'],
  LinkAnalysisRepository: ['scores', 'groupsCte'],
  ContentReadsRepository: ['recipientsSql', 'itemCtes'], // subqueries of issues / recipients and of items / authors
  SegmentMembershipRepository: ['readRecentRuns'], // runs recentRuns's statement, snapshotted there
};

/** The repositories checked for a snapshot of every method. */
const REPOSITORIES = [
  EventsRepository,
  ScoresRepository,
  PatternsRepository,
  PeopleRepository,
  ContentRepository,
  SegmentMembershipRepository,
  SegmentReadsRepository,
  LinkAnalysisRepository,
  IngestStatsRepository,
  OverviewRepository,
  ContentReadsRepository,
];

/** The client with query, command and insert recorded (inserts as their INSERT line: the rows are data). */
function recording(client: ClickHouseClient): { client: ClickHouseClient; log: string[] } {
  const log: string[] = [];
  const proxy = new Proxy(client, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (typeof v !== 'function') return v;
      if (prop === 'query' || prop === 'command') {
        return (p: { query: string }) => {
          log.push(p.query);
          return v.call(target, p);
        };
      }
      if (prop === 'insert') {
        return (p: { table: string; format?: string }) => {
          log.push(`INSERT INTO ${p.table} FORMAT ${p.format ?? 'JSONCompactEachRow'}`);
          return v.call(target, p);
        };
      }
      return v.bind(target);
    },
  });
  return { client: proxy, log };
}

/** One statement as written to the file: the test database named `hubpulse`, the core count as <cores>, common indentation removed. */
function normalise(sql: string, database: string): string {
  const text = sql.split(`${database}.`).join('hubpulse.').split(`'${database}'`).join("'hubpulse'").replace(/max_insert_threads = \d+/g, 'max_insert_threads = <cores>');
  const lines = text.replace(/^\s*\n/, '').trimEnd().split('\n').map((l) => l.trimEnd());
  const rest = lines.slice(1).filter((l) => l.trim() !== '');
  const indent = Math.min(...rest.map((l) => l.length - l.trimStart().length), Infinity);
  return [lines[0].trim(), ...lines.slice(1).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))].join('\n');
}

describe('SQL snapshots of the ClickHouse repositories', () => {
  const config = testConfig();
  const database = config.clickhouse.database;
  let raw: ClickHouseClient;
  const generated = new Map<File, string[]>();
  const covered = new Map<string, Set<string>>();

  beforeAll(async () => {
    raw = await openClickHouse(config.clickhouse);
    await migrateClickHouse(raw, database);
    const rec = recording(raw);
    const ch = new ClickHouseService(rec.client, config);
    const t = ch.tables;

    // Data enough for every branch that queries: ten people, six of them active every day of January 2026.
    const people = Array.from({ length: 10 }, (_, i) => ({
      person_id: `p${i}`,
      name: `Person ${i}`,
      department: ['Sales', 'Engineering'][i % 2],
      location: 'Oslo',
      hired_at: i % 3 === 0 ? null : '2024-03-01',
      is_leader: i === 0,
      version: 1,
    }));
    const january = Array.from({ length: 31 }, (_, d) => addDays('2026-01-01', d));
    const events = january.flatMap((day, d) =>
      Array.from({ length: 6 }, (_, i) => ({
        event_id: `e-${d}-${i}`,
        type: EVENT_TYPES[(d + i) % EVENT_TYPES.length],
        actor_id: `p${i}`,
        channel: i % 2 ? 'qa' : 'blog',
        purpose: 'inform',
        content_id: `c${d % 4}`,
        occurred_at: `${day} 10:00:00.000`,
        ingested_at: `${day} 10:01:00.000`,
      })),
    );
    await raw.insert({ table: t.people, values: people, format: 'JSONEachRow' });
    await raw.insert({ table: t.events, values: events, format: 'JSONEachRow' });

    const model = DEFAULT_SCORING_MODEL;
    const day = '2026-01-20';
    const range = { from: '2026-01-01', to: '2026-01-31' };
    const events$ = new EventsRepository(ch);
    const scores = new ScoresRepository(ch);
    const patterns = new PatternsRepository(ch);
    const ingest = new IngestStatsRepository(ch);
    const overview = new OverviewRepository(ch);
    const people$ = new PeopleRepository(ch);
    const content = new ContentRepository(ch);
    const memberships = new SegmentMembershipRepository(ch);
    const segmentReads = new SegmentReadsRepository(ch, scores);
    const links = new LinkAnalysisRepository(ch);
    const contentReads = new ContentReadsRepository(ch);
    const rule = { kind: 'leader', value: false };
    const didWindow = { bfrom: '2026-01-01', bto: '2026-01-15', afrom: '2026-01-16', ato: '2026-01-31' };
    const stamp = '2026-02-01 00:00:00.000';
    const purposeRange = { ...range, days: 31, window: 28, windowFrom: addDays(range.from, -27) };

    const cases: [File, string, string, () => Promise<unknown>][] = [
      ['events.repository', 'EventsRepository', 'lastEventDay', () => events$.lastEventDay()],
      ['events.repository', 'EventsRepository', 'span', () => events$.span()],
      ['events.repository', 'EventsRepository', 'firstEventDay', () => events$.firstEventDay()],
      ['events.repository', 'EventsRepository', 'newestIngestedAt', () => events$.newestIngestedAt()],
      ['events.repository', 'EventsRepository', 'firstDayIngestedSince', () => events$.firstDayIngestedSince('2026-01-15 00:00:00.000', 60_000)],
      ['events.repository', 'EventsRepository', 'page', () => events$.page('2026-01-01', '2026-01-31', { day: '2026-01-02', eventId: 'e1', origin: 'key-a' }, 100)],

      ['scores.repository', 'ScoresRepository', 'createStaging', () => scores.createStaging()],
      ['scores.repository', 'ScoresRepository', 'scoreIntoStaging', () => scores.scoreIntoStaging(model, january)],
      ['scores.repository', 'ScoresRepository', 'swapInMonth', () => scores.swapInMonth('2026-01-01')],
      ['scores.repository', 'ScoresRepository', 'recordDays', () => scores.recordDays(model.version, january, 'full', '2026-01-31 10:01:00.000')],
      ['scores.repository', 'ScoresRepository', 'carryForward', () => scores.carryForward(model, ['2026-02-01', '2026-02-02'])],
      ['scores.repository', 'ScoresRepository', 'scoredWith', () => scores.scoredWith(model.version)],
      ['scores.repository', 'ScoresRepository', 'isDayScored', () => scores.isDayScored('2026-01-31', model.version)],
      ['scores.repository', 'ScoresRepository', 'lastScoredDay', () => scores.lastScoredDay()],
      ['scores.repository', 'ScoresRepository', 'day', () => scores.day(day)],
      ['scores.repository', 'ScoresRepository', 'distribution', () => scores.distribution(day, 10)],
      ['scores.repository', 'ScoresRepository', 'dailyScores', () => scores.dailyScores('2026-01-18', day)],
      ['scores.repository', 'ScoresRepository', 'dailyScoresOn', () => scores.dailyScoresOn(['2026-01-18', day])],
      ['scores.repository', 'ScoresRepository', 'dayVersions', () => scores.dayVersions('2026-01-18', day)],
      [
        'scores.repository',
        'ScoresRepository',
        'personPoints',
        () =>
          scores.personPoints(day, {
            types: [...EVENT_TYPES],
            weights: EVENT_TYPES.map((x) => model.weights[x] ?? 0),
            halfLives: EVENT_TYPES.map((x) => model.halfLives[x]),
            caps: EVENT_TYPES.map((x) => model.dailyCaps[x] ?? 4294967295),
            lookback: model.lookbackDays,
          }),
      ],
      ['scores.repository', 'ScoresRepository', 'people', () => scores.people(day, 'sales', 10)],
      ['scores.repository', 'ScoresRepository', 'scoreRow', () => scores.scoreRow('p1', day)],
      ['scores.repository', 'ScoresRepository', 'cohortPopulation', () => scores.cohortPopulation('Sales · unknown', day)],
      ['scores.repository', 'ScoresRepository', 'actions', () => scores.actions('p1', day, model.lookbackDays)],

      ['patterns.repository', 'PatternsRepository', 'stamp', () => patterns.stamp()],
      ['patterns.repository', 'PatternsRepository', 'purposePeopleDeltas', () => patterns.purposePeopleDeltas(purposeRange, PEOPLE_METRICS, { aud_departments: ['Sales'], aud_locations: [], aud_people: [] })],
      ['patterns.repository', 'PatternsRepository', 'purposeConversationDeltas', () => patterns.purposeConversationDeltas(purposeRange)],
      [
        'patterns.repository',
        'PatternsRepository',
        'replacePurposes',
        () => patterns.replacePurposes(range, [{ day, group_kind: 'org', group_value: '', purpose: 'inform', numerator: 3, denominator: 10, parts: { readers: 3 } }], stamp),
      ],
      [
        'patterns.repository',
        'PatternsRepository',
        'replacePersonWeeks',
        () =>
          patterns.replacePersonWeeks(
            { sfrom: '2025-11-17', wfrom: '2026-01-05', wto: '2026-01-26', weeks: 11, window_rows: 7, steady: 4, other_departments: 2, shares: 2 },
            stamp,
          ),
      ],
      ['patterns.repository', 'PatternsRepository', 'replaceLeaderItems', () => patterns.replaceLeaderItems(range, stamp)],
      ['patterns.repository', 'PatternsRepository', 'countPersonWeeks', () => patterns.countPersonWeeks({ from: '2026-01-05', to: '2026-01-26' })],
      ['patterns.repository', 'PatternsRepository', 'countLeaderItems', () => patterns.countLeaderItems(range)],
      ['patterns.repository', 'PatternsRepository', 'purposes', () => patterns.purposes(range.from, range.to, 'department')],
      ['patterns.repository', 'PatternsRepository', 'personWeek', () => patterns.personWeek('2026-01-05')],
      ['patterns.repository', 'PatternsRepository', 'leaderItems', () => patterns.leaderItems(range.from, range.to)],

      ['scores.repository', 'ScoresRepository', 'scoredDaysPerMonth', () => scores.scoredDaysPerMonth(range.from, range.to)],
      ['scores.repository', 'ScoresRepository', 'personMonthlySums', () => scores.personMonthlySums(range.from, range.to)],
      ['scores.repository', 'ScoresRepository', 'dailyTotals', () => scores.dailyTotals([day], { sql: `SELECT person_id FROM ${t.people} FINAL WHERE department = {d:String}`, params: { d: 'Sales' } })],
      ['patterns.repository', 'PatternsRepository', 'lastPurposeDay', () => patterns.lastPurposeDay()],

      ['people.repository', 'PeopleRepository', 'count', () => people$.count()],
      ['people.repository', 'PeopleRepository', 'fingerprint', () => people$.fingerprint()],
      ['people.repository', 'PeopleRepository', 'search', () => people$.search('person 1', 10)],
      ['people.repository', 'PeopleRepository', 'person', () => people$.person('p1')],
      ['people.repository', 'PeopleRepository', 'labels', () => people$.labels(['p0', 'p1'])],
      ['people.repository', 'PeopleRepository', 'departments', () => people$.departments()],
      ['people.repository', 'PeopleRepository', 'groupRows', () => people$.groupRows(day)],
      ['people.repository', 'PeopleRepository', 'groupRowsOn', () => people$.groupRowsOn('2025-06-01', day)],
      ['people.repository', 'PeopleRepository', 'historyRowsOn', () => people$.historyRowsOn(['2025-06-01'])],
      ['people.repository', 'PeopleRepository', 'history', () => people$.history('p1')],
      ['people.repository', 'PeopleRepository', 'changeDays', () => people$.changeDays(range.from, range.to)],

      [
        'content.repository',
        'ContentRepository',
        'insert',
        () => content.insert([{ content_id: 'c0', channel: 'blog', purpose: 'inform', author_id: 'p1', title: 'Hello', published_at: '2026-01-01 09:00:00.000', version: 1 }]),
      ],

      ['segment-membership.repository', 'SegmentMembershipRepository', 'insertMembers', () => memberships.insertMembers('s1', 1, compileSegmentRule(rule, { tables: t, asOf: day }))],
      [
        'segment-membership.repository',
        'SegmentMembershipRepository',
        'recordRun',
        () =>
          memberships.recordRun({
            segment_id: 's1',
            version: 1,
            previous_version: 0,
            definition_version: 1,
            as_of: day,
            reason: 'created',
            size: 9,
            entered: 9,
            left: 0,
            status: 'ok',
            error: '',
            ms: 5,
          }),
      ],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'diff', () => memberships.diff('s1', 1, 0)],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'currentVersions', () => memberships.currentVersions(['s1'])],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'lastVersion', () => memberships.lastVersion('s1')],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'current', () => memberships.current('s1')],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'latest', () => memberships.latest(['s1'])],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'runs', () => memberships.runs('s1')],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'size', () => memberships.size('s1')],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'countVersion', () => memberships.countVersion('s1', 1)],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'versionExists', () => memberships.versionExists('s1', 1)],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'computed', () => memberships.computed('s1')],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'recentRuns', () => memberships.recentRuns(5, ['s1'], true)],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'runsFingerprint', () => memberships.runsFingerprint()],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'currentMembersDigest', () => memberships.currentMembersDigest()],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'currentMembers', () => memberships.currentMembers(['s1'])],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'versionMembers', () => memberships.versionMembers([{ segmentId: 's1', version: 1 }])],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'membersPage', () => memberships.membersPage('s1', 1, 0, 5)],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'members', () => memberships.members('s1', 1, { after: 'p1', limit: 5 })],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'preview', () => memberships.preview(segmentPreviewQuery(rule, { tables: t, asOf: day }))],

      ['segment-reads.repository', 'SegmentReadsRepository', 'personActivity', () => segmentReads.personActivity(range.from, range.to)],
      ['segment-reads.repository', 'SegmentReadsRepository', 'items', () => segmentReads.items(range.from, range.to)],
      ['segment-reads.repository', 'SegmentReadsRepository', 'firstDays', () => segmentReads.firstDays('s1', 1, range.from, range.to, ['blog', 'qa'])],
      ['segment-reads.repository', 'SegmentReadsRepository', 'scoreTotals', () => segmentReads.scoreTotals('s1', 1, [day])],

      ['link-analysis.repository', 'LinkAnalysisRepository', 'monthlyEvents', () => links.monthlyEvents(range.from, range.to)],
      ['link-analysis.repository', 'LinkAnalysisRepository', 'personMonthlyPurposes', () => links.personMonthlyPurposes(range.from, range.to)],
      ['link-analysis.repository', 'LinkAnalysisRepository', 'didPanel', () => links.didPanel('s1', 1, didWindow)],
      ['link-analysis.repository', 'LinkAnalysisRepository', 'groupMonthly', () => links.groupMonthly('s1', null, didWindow.bfrom, range.from, range.to)],
      ['link-analysis.repository', 'LinkAnalysisRepository', 'didUniverse', () => links.didUniverse('s1', null, didWindow.bfrom)],

      ['segment-membership.repository', 'SegmentMembershipRepository', 'prune', () => memberships.prune(new Map([['s1', [1]]]))],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'deleteVersion', () => memberships.deleteVersion('s1', 2)],
      ['segment-membership.repository', 'SegmentMembershipRepository', 'dropSegment', () => memberships.dropSegment('s1')],

      ['ingest-stats.repository', 'IngestStatsRepository', 'addRejects', () => ingest.addRejects([{ minute: '2026-01-20 10:00:00', key_id: 'k1', source: 'json', reason: 'bad type', count: 2 }])],
      ['ingest-stats.repository', 'IngestStatsRepository', 'accepted', () => ingest.accepted(60)],
      ['ingest-stats.repository', 'IngestStatsRepository', 'rejected', () => ingest.rejected(60)],
      ['ingest-stats.repository', 'IngestStatsRepository', 'freshness', () => ingest.freshness(60)],

      ['overview.repository', 'OverviewRepository', 'totals', () => overview.totals(range.from, range.to)],
      ['overview.repository', 'OverviewRepository', 'engagement', () => overview.engagement(range.from, range.to)],
      ['overview.repository', 'OverviewRepository', 'byChannel', () => overview.byChannel(range.from, range.to)],
      ['overview.repository', 'OverviewRepository', 'dailyChannelPeople', () => overview.dailyChannelPeople(range.from, range.to, ['blog', 'qa'])],

      ['content-reads.repository', 'ContentReadsRepository', 'items', () => contentReads.items({ ...range, channel: 'blog', segment: 's1' })],
      ['content-reads.repository', 'ContentReadsRepository', 'watermark', () => contentReads.watermark()],
      ['content-reads.repository', 'ContentReadsRepository', 'authors', () => contentReads.authors(range)],
      ['content-reads.repository', 'ContentReadsRepository', 'issues', () => contentReads.issues(range.from, range.to, false)],
      ['content-reads.repository', 'ContentReadsRepository', 'recipients', () => contentReads.recipients('c0', false)],

      // Last: a write to the directory copy (the same person p9 again, under a new version).
      [
        'people.repository',
        'PeopleRepository',
        'upsert',
        () =>
          people$.upsert([{ person_id: 'p9', name: 'Person 9', email: null, department: 'Engineering', location: 'Oslo', title: null, manager_id: null, hired_at: '2024-03-01', is_leader: false, attributes: {} }]),
      ],
      [
        'people.repository',
        'PeopleRepository',
        'writeHistory',
        () => people$.writeHistory([{ person_id: 'p9', department: 'Engineering', location: 'Oslo', manager_id: null, title: null, valid_from: '2024-03-01', valid_to: null }]),
      ],
    ];

    for (const [file, cls, method, run] of cases) {
      rec.log.length = 0;
      await run();
      if (rec.log.length === 0) throw new Error(`${cls}.${method} emitted no statement: give it arguments that reach ClickHouse`);
      const block = [`## ${cls}.${method}`, '', '```sql', ...rec.log.map((q) => `${normalise(q, database)};`), '```'].join('\n');
      generated.set(file, [...(generated.get(file) ?? []), block]);
      covered.set(cls, (covered.get(cls) ?? new Set()).add(method));
    }
    if (UPDATE) {
      fs.mkdirSync(OUT, { recursive: true });
      for (const f of fs.readdirSync(OUT)) if (f.endsWith('.md')) fs.rmSync(path.join(OUT, f));
      for (const [file, blocks] of generated) fs.writeFileSync(path.join(OUT, `${file}.md`), render(file, blocks));
    }
  }, 120_000);

  afterAll(async () => {
    if (!raw) return;
    await raw.command({ query: `DROP DATABASE IF EXISTS ${database}` });
    await closeClickHouse(raw, config.clickhouse);
  });

  const render = (file: File, blocks: string[]) =>
    `# ${file}\n\nThe SQL that \`${SOURCES[file]}\` emits, one section per method. Generated by\n\`tests/integration/sql-snapshots.integration.spec.ts\`; do not edit: \`npm run sql:snapshots\` rewrites it.\n\n${blocks.join('\n\n')}\n`;

  it.each(Object.keys(SOURCES) as File[])('docs/sql/%s.md is what the repository emits', (file) => {
    const target = path.join(OUT, `${file}.md`);
    if (!fs.existsSync(target)) throw new Error(`${path.relative(process.cwd(), target)} is missing: run npm run sql:snapshots`);
    expect(fs.readFileSync(target, 'utf8')).toBe(render(file, generated.get(file) ?? []));
  });

  it('has no snapshot file without a repository', () => {
    expect(fs.readdirSync(OUT).filter((f) => f.endsWith('.md')).sort()).toEqual(Object.keys(SOURCES).map((f) => `${f}.md`).sort());
  });

  it('snapshots every method of every repository', () => {
    for (const cls of REPOSITORIES) {
      const methods = Object.getOwnPropertyNames(cls.prototype).filter((m) => m !== 'constructor' && typeof Object.getOwnPropertyDescriptor(cls.prototype, m)?.value === 'function');
      const expected = methods.filter((m) => !(NOT_SNAPSHOTTED[cls.name] ?? []).includes(m)).sort();
      expect({ [cls.name]: [...(covered.get(cls.name) ?? [])].sort() }).toEqual({ [cls.name]: expected });
    }
  });
});
