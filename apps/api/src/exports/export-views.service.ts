import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { EventsRepository } from '@hubpulse/clickhouse';
import {
  ambassadorsTable,
  engagementGroupsTable,
  engagementGroupTrendsTable,
  isValidDay,
  leadersTable,
  overviewChannelsTable,
  overviewEngagementTable,
  personaMovementTable,
  personasTable,
  programmeScorecardTable,
  purposesTable,
  scoreHistogramTable,
  scoreQuantilesTable,
  ROLES,
  SEGMENT_MEMBER_CSV_COLUMNS,
  SEGMENT_MEMBER_ROLES,
  segmentListTable,
  type ExportFormatName,
  type ExportViewDto,
  type Role,
  type SessionUser,
  type TableCell,
  type TableColumn,
  type ViewTable,
} from '@hubpulse/contracts';
import { daySchema, EngagementService, groupsSchema } from '../engagement/engagement.service';
import { OverviewService, overviewQuerySchema } from '../overview/overview.service';
import { PatternsService, patternsQuerySchema } from '../patterns/patterns.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { SegmentChannelsService } from '../segments/segment-channels.service';
import { SegmentMembersService } from '../segments/segment-members.service';
import { GoalLinksService } from '../goals/goal-links.service';
import { GoalsService } from '../goals/goals.service';
import { StrategyService } from '../goals/strategy.service';
import { EventMappingsService } from '../ingest/event-mappings.service';
import { IngestStatsService } from '../ingest/ingest-stats.service';
import { listQuerySchema, SegmentsService } from '../segments/segments.service';
import { ALL_ROLES, idParams, RANGE_DOCS, tableSource, type ExportSource, type ExportView } from './export-view';
import { panelViews } from './panel-export-views';
import { ContentService } from '../content/content.service';
import { contentViews } from './content-export-views';

export type { ExportSource };

const day = z.string().refine(isValidDay, { error: 'must be a day YYYY-MM-DD' });
const RAW_EVENTS_PAGE = 10_000;
const EVENT_COLUMNS: TableColumn[] = [
  { name: 'event_id', type: 'string', description: 'Event id as sent (an event sent twice is stored once)' },
  { name: 'type', type: 'string', description: 'Hub action: view, react, comment, post, share, answer, …' },
  { name: 'actor_id', type: 'string', description: 'Person id of who acted' },
  { name: 'occurred_at', type: 'datetime', description: 'When it happened (UTC)' },
  { name: 'content_id', type: 'string', description: 'Content item, if any' },
  { name: 'channel', type: 'string', description: 'Hub channel' },
  { name: 'purpose', type: 'string', description: 'Purpose of the content' },
  { name: 'target_actor_id', type: 'string', description: 'Person acted on (a reply to, a mention of), if any' },
  { name: 'properties', type: 'string', description: 'Further properties as sent (JSON)' },
  { name: 'source', type: 'string', description: 'How it arrived: api, segment, posthog, rudderstack, import' },
  { name: 'key_id', type: 'string', description: 'Write key that sent it' },
  { name: 'ingested_at', type: 'datetime', description: 'When Hubpulse stored it (UTC)' },
];
const MEMBER_COLUMN_DOCS: Record<string, string> = {
  person_id: 'Person id',
  name: 'Name (directory)',
  email: 'Email (directory)',
  department: 'Department (directory)',
  location: 'Location (directory)',
  title: 'Job title (directory)',
};

/**
 * Every exportable view: its id (the dashboard's Export menu names it), who may export it (the roles
 * that may read it on screen), its parameters, and how its rows are made — through the same services
 * the dashboard's reads use, as the exporting user, so privacy suppression is the screen's own.
 */
@Injectable()
export class ExportViewsService {
  private readonly views = new Map<string, ExportView<never>>();

  constructor(
    overview: OverviewService,
    engagement: EngagementService,
    patterns: PatternsService,
    segments: SegmentsService,
    members: SegmentMembersService,
    programmes: ProgrammesService,
    events: EventsRepository,
    channels: SegmentChannelsService,
    goals: GoalsService,
    links: GoalLinksService,
    strategy: StrategyService,
    ingestStats: IngestStatsService,
    mappings: EventMappingsService,
    content: ContentService,
  ) {
    const range = overviewQuerySchema.strict();
    this.add({
      id: 'overview.engagement',
      title: 'Overview: engagement index by day',
      description: 'The daily engagement index (share of the directory active in the 7 days ending that day) and how many people that is',
      roles: ALL_ROLES,
      params: range,
      paramDocs: RANGE_DOCS,
      large: false,
      source: async (p: z.output<typeof range>, user) => tableSource('Overview: engagement index by day', overviewEngagementTable(await overview.overview(p, user.id))),
    });
    this.add({
      id: 'overview.channels',
      title: 'Overview: activity by channel',
      description: 'Hub actions and active people per channel over the range, and for the whole hub',
      roles: ALL_ROLES,
      params: range,
      paramDocs: RANGE_DOCS,
      large: false,
      source: async (p: z.output<typeof range>, user) => tableSource('Overview: activity by channel', overviewChannelsTable(await overview.overview(p, user.id))),
    });
    const groups = groupsSchema.strict();
    const groupDocs = [
      { name: 'by', description: 'department (default), location, team, manager or tenure', required: false },
      { name: 'attribution', description: 'as_it_was (default): each day under the group people were in that day; today: under today’s groups', required: false },
      ...RANGE_DOCS,
    ];
    this.add({
      id: 'engagement.groups',
      title: 'Engagement: groups',
      description: 'Per group: people, mean score and active share on the last day of the range',
      roles: ALL_ROLES,
      params: groups,
      paramDocs: groupDocs,
      large: false,
      source: async (p: z.output<typeof groups>) => tableSource(`Engagement: groups by ${p.by}`, engagementGroupsTable(await engagement.groups(p))),
    });
    this.add({
      id: 'engagement.group-trends',
      title: 'Engagement: daily mean score per group',
      description: "Each group's daily mean score over the range",
      roles: ALL_ROLES,
      params: groups,
      paramDocs: groupDocs,
      large: true,
      source: async (p: z.output<typeof groups>) => tableSource(`Engagement: daily mean score per ${p.by}`, engagementGroupTrendsTable(await engagement.groups(p))),
    });
    const pattern = patternsQuerySchema.strict();
    const patternDocs = [{ name: 'by', description: 'org (default), department or location', required: false }, ...RANGE_DOCS];
    const patternViews: [id: string, title: string, description: string, source: (p: z.output<typeof pattern>) => Promise<ViewTable>][] = [
      ['engagement.purposes', 'Engagement: purpose indices', 'Every day of every purpose index per group, with numerator and denominator', async (p) => purposesTable(await patterns.purposes(p))],
      ['engagement.personas', 'Engagement: personas per week', 'People per persona per ISO week and group', async (p) => personasTable(await patterns.personas(p))],
      ['engagement.persona-movement', 'Engagement: persona movement', 'People moving between personas from one week to the next, per group', async (p) => personaMovementTable(await patterns.personas(p))],
      ['engagement.ambassadors', 'Engagement: ambassador pipeline', 'People per pipeline stage per ISO week and group', async (p) => ambassadorsTable(await patterns.ambassadors(p))],
      ['engagement.leaders', 'Engagement: leader responsiveness', 'Share answered, median hours to the first leader reply and the unanswered queue, per group and kind', async (p) => leadersTable(await patterns.leaders(p))],
    ];
    for (const [id, title, description, build] of patternViews) {
      this.add({ id, title, description, roles: ALL_ROLES, params: pattern, paramDocs: patternDocs, large: false, source: async (p: z.output<typeof pattern>) => tableSource(title, await build(p)) });
    }
    const scoredDay = daySchema.strict();
    const dayDocs = [{ name: 'day', description: 'The scored day, YYYY-MM-DD (default: the newest scored day)', required: false }];
    const distributionViews: [id: string, title: string, description: string, table: (dto: Awaited<ReturnType<EngagementService['distribution']>>) => ViewTable][] = [
      ['engagement.distribution', 'Engagement: score distribution', 'People per band of raw score on the day', scoreHistogramTable],
      ['engagement.quantiles', 'Engagement: score quantiles', 'The raw score at the 25th, 50th, 75th, 90th and 99th percentile on the day', scoreQuantilesTable],
    ];
    for (const [id, title, description, table] of distributionViews) {
      this.add({ id, title, description, roles: ALL_ROLES, params: scoredDay, paramDocs: dayDocs, large: false, source: async (p: z.output<typeof scoredDay>) => tableSource(title, table(await engagement.distribution(p))) });
    }
    const list = listQuerySchema.strict();
    this.add({
      id: 'segments.list',
      title: 'Audiences: segments',
      description: 'Every segment with its current size, status and versions',
      roles: ALL_ROLES,
      params: list,
      paramDocs: [{ name: 'archived', description: '1 = include archived segments', required: false }],
      large: false,
      source: async (p: z.output<typeof list>) => {
        const dto = await segments.list(p);
        const versions = Object.fromEntries(dto.segments.filter((s) => s.membership_version !== null).map((s) => [s.id, s.membership_version!]));
        return tableSource('Audiences: segments', segmentListTable(dto), versions);
      },
    });
    const segment = idParams('segment');
    this.add({
      id: 'segments.members',
      title: 'Audiences: segment members',
      description: 'Who is in a segment now: person id, name, email, department, location, title (admins and planners; audited)',
      roles: SEGMENT_MEMBER_ROLES,
      params: segment,
      paramDocs: [{ name: 'id', description: "The segment's id", required: true }],
      large: true,
      source: async (p: z.output<typeof segment>, user, format) => {
        const m = await members.memberExport(p.id, user, format);
        return {
          title: `Members of ${m.segmentName} (membership v${m.version})`,
          columns: SEGMENT_MEMBER_CSV_COLUMNS.map((name) => ({ name, type: 'string' as const, description: MEMBER_COLUMN_DOCS[name] ?? name })),
          pages: m.pages as AsyncIterable<TableCell[][]>,
          hiddenCells: 0,
          segmentVersions: { [p.id]: m.version },
          expectedRows: m.size,
        };
      },
    });
    const programme = idParams('programme');
    this.add({
      id: 'programmes.scorecard',
      title: 'Audiences: programme scorecard',
      description: "A programme's measure per week against its target",
      roles: ALL_ROLES,
      params: programme,
      paramDocs: [{ name: 'id', description: "The programme's id", required: true }],
      large: false,
      source: async (p: z.output<typeof programme>) => {
        const dto = await programmes.scorecard(p.id);
        return tableSource(`Programme scorecard (${dto.metric})`, programmeScorecardTable(dto));
      },
    });
    const rawRange = z.strictObject({ from: day, to: day }).refine((r) => r.from <= r.to, { error: 'must not be after to', path: ['from'] });
    this.add({
      id: 'events.raw',
      title: 'Raw events',
      description: 'Every stored hub action of the days, each once (admins only)',
      roles: ['admin'],
      params: rawRange,
      paramDocs: [
        { name: 'from', description: 'First day, YYYY-MM-DD', required: true },
        { name: 'to', description: 'Last day, YYYY-MM-DD', required: true },
      ],
      large: true,
      source: async (p: z.output<typeof rawRange>) => ({
        title: `Raw events ${p.from} to ${p.to}`,
        columns: EVENT_COLUMNS,
        pages: rawEventPages(events, p.from, p.to),
        hiddenCells: 0,
        segmentVersions: {},
      }),
    });
    for (const v of panelViews({ segments, channels, goals, links, strategy, engagement, ingestStats, mappings })) this.add(v);
    for (const v of contentViews(content)) this.add(v);
  }

  private add<P>(view: ExportView<P>): void {
    if (this.views.has(view.id)) throw new Error(`export view ${view.id} registered twice`);
    this.views.set(view.id, view as unknown as ExportView<never>);
  }

  get(id: string): ExportView<unknown> | undefined {
    return this.views.get(id) as ExportView<unknown> | undefined;
  }

  /** The views a role may export, for GET /api/exports/views. */
  list(role: Role): ExportViewDto[] {
    return [...this.views.values()]
      .filter((v) => v.roles.includes(role))
      .map((v) => ({ id: v.id, title: v.title, description: v.description, roles: [...v.roles], params: v.paramDocs, large: v.large }));
  }
}

async function* rawEventPages(events: EventsRepository, from: string, to: string): AsyncIterable<TableCell[][]> {
  for await (const rows of events.pages(from, to, RAW_EVENTS_PAGE)) yield rows.map((r) => EVENT_COLUMNS.map((c) => r[c.name as keyof typeof r]));
}
