import { z } from 'zod';
import {
  eventMappingsTable,
  ingestionRejectsTable,
  ingestionSourcesTable,
  kpiHistoryTable,
  kpiValuesTable,
  linkCorrelationsTable,
  purposeScorecardTable,
  scoreExplanationDaysTable,
  scoreExplanationTypesTable,
  scoreJobsTable,
  scoringModelsTable,
  segmentChannelsQuerySchema,
  segmentChannelsTable,
  segmentCompositionTable,
  segmentSizeHistoryTable,
  type SegmentDetailDto,
  type SessionUser,
  type ViewTable,
} from '@hubpulse/contracts';
import { daySchema, type EngagementService } from '../engagement/engagement.service';
import type { GoalLinksService } from '../goals/goal-links.service';
import type { GoalsService } from '../goals/goals.service';
import type { StrategyService } from '../goals/strategy.service';
import type { EventMappingsService } from '../ingest/event-mappings.service';
import { sourcesWindowSchema, type IngestStatsService } from '../ingest/ingest-stats.service';
import type { SegmentChannelsService } from '../segments/segment-channels.service';
import type { SegmentsService } from '../segments/segments.service';
import { ALL_ROLES, idParams, RANGE_DOCS, tableSource, type ExportView } from './export-view';

export interface PanelViewsDeps {
  segments: SegmentsService;
  channels: SegmentChannelsService;
  goals: GoalsService;
  links: GoalLinksService;
  strategy: StrategyService;
  engagement: EngagementService;
  ingestStats: IngestStatsService;
  mappings: EventMappingsService;
}

const NO_PARAMS = z.strictObject({});
const WINDOW_DOC = { name: 'window', description: 'Minutes up to now, 1 to 10080 (default 60)', required: false };
const ID_DOC = (what: string) => ({ name: 'id', description: `The ${what}'s id`, required: true });
const membership = (s: Pick<SegmentDetailDto, 'id' | 'membership_version'>): Record<string, number> => (s.membership_version === null ? {} : { [s.id]: s.membership_version });

/**
 * The export views of the remaining panels (a segment's composition, channel rates and size over
 * time; a goal's KPI values, their history and a link's correlations; the purposes scorecard; the
 * admin pages), each read through the service the page's own route calls, with that route's roles.
 */
export function panelViews(d: PanelViewsDeps): ExportView<never>[] {
  const views: ExportView<never>[] = [];
  const add = <P>(v: ExportView<P>) => views.push(v as unknown as ExportView<never>);
  /** A view without parameters or with the given ones, made of one table. */
  const table = <P>(id: string, title: string, description: string, roles: ExportView<P>['roles'], params: z.ZodType<P>, paramDocs: ExportView<P>['paramDocs'], build: (p: P, user: SessionUser) => Promise<{ table: ViewTable; title?: string; versions?: Record<string, number> }>) =>
    add<P>({ id, title, description, roles, params, paramDocs, large: false, source: async (p, user) => {
      const t = await build(p, user);
      return tableSource(t.title ?? title, t.table, t.versions);
    } });

  // ── Audiences: a segment's panels (GET /api/segments/:id and …/channels: every signed-in role) ──
  const segment = idParams('segment');
  table('segments.composition', 'Audiences: segment composition', "The current membership's people per department, location, title and engagement band", ALL_ROLES, segment, [ID_DOC('segment')], async (p) => {
    const s = await d.segments.detail(p.id);
    return { table: segmentCompositionTable(s), title: `Composition of ${s.name}`, versions: membership(s) };
  });
  table('segments.size-history', 'Audiences: segment size over time', "Every run of a segment's membership: size, entered, left", ALL_ROLES, segment, [ID_DOC('segment')], async (p) => {
    const s = await d.segments.detail(p.id);
    return { table: segmentSizeHistoryTable(s), title: `Size over time of ${s.name}`, versions: membership(s) };
  });
  const channels = segmentChannelsQuerySchema.extend(idParams('segment').shape).strict();
  table('segments.channels', 'Audiences: channel rates', "A segment's reach, read and interaction rate per channel against the organisation's, with 95% intervals", ALL_ROLES, channels, [ID_DOC('segment'), ...RANGE_DOCS], async ({ id, ...range }, user) => {
    const s = await d.segments.detail(id);
    // As the exporting user, like the page: a window whose numbers conflict with what they were shown is hidden the same way.
    return { table: segmentChannelsTable(await d.channels.stats(id, range, user.id), s.name), title: `Channel rates of ${s.name}`, versions: membership(s) };
  });

  // ── Strategy: a goal's panels and the purposes scorecard (GET /api/goals/:id…, /api/strategy/overview: every signed-in role) ──
  const goal = idParams('goal');
  table('goals.kpi-values', 'Strategy: KPI values', "A goal's value per month with its target and who set it", ALL_ROLES, goal, [ID_DOC('goal')], async (p) => {
    const g = await d.goals.detail(p.id);
    return { table: kpiValuesTable(g), title: `KPI values of ${g.name}` };
  });
  table('goals.kpi-history', 'Strategy: KPI value history', "A goal's overwritten and deleted values, newest change first, with who replaced them", ALL_ROLES, goal, [ID_DOC('goal')], async (p) => {
    const [g, h] = await Promise.all([d.goals.detail(p.id), d.goals.history(p.id)]);
    return { table: kpiHistoryTable(h, g), title: `KPI value history of ${g.name}` };
  });
  const link = goal.extend({ link_id: z.string({ error: "is required: the link's id" }).min(1, "is required: the link's id").max(36, 'must be at most 36 characters') }).strict();
  table('goals.link-correlations', 'Strategy: link correlations', "A goal link's lagged correlations of the audience's engagement with the KPI (correlation, not proof)", ALL_ROLES, link, [ID_DOC('goal'), { name: 'link_id', description: "The link's id", required: true }], async (p) => {
    const a = await d.links.analysis(p.id, p.link_id);
    return { table: linkCorrelationsTable(a), title: `Correlations of ${a.goal.name} with ${a.link.audience_label}` };
  });
  table('strategy.purposes', 'Strategy: five purposes scorecard', 'Each purpose index for the organisation and every department, with its change', ALL_ROLES, NO_PARAMS, [], async () => ({ table: purposeScorecardTable(await d.strategy.overview()) }));

  // ── Admin pages: data sources and event mappings (admins), scoring model and score jobs (every signed-in role), why a score (admins) ──
  table('ingestion.sources', 'Data sources', 'Per write key and format over the window: events per minute, accepted, rejected, last event, lag', ['admin'], sourcesWindowSchema.strict(), [WINDOW_DOC], async (p) => ({ table: ingestionSourcesTable(await d.ingestStats.sources(p.window)) }));
  table('ingestion.rejects', 'Data sources: rejects by reason', "Every source's rejected events by reason over the window", ['admin'], sourcesWindowSchema.strict(), [WINDOW_DOC], async (p) => ({ table: ingestionRejectsTable(await d.ingestStats.sources(p.window)) }));
  table('ingestion.mappings', 'Event mappings', 'SDK event name → hub action, channel and purpose', ['admin'], NO_PARAMS, [], async () => ({ table: eventMappingsTable(d.mappings.list()) }));
  table('engagement.scoring-models', 'Scoring model versions', "Every scoring model version with each action type's weight, half-life and daily cap", ALL_ROLES, NO_PARAMS, [], async () => ({ table: scoringModelsTable(await d.engagement.listModels()) }));
  table('engagement.score-jobs', 'Score jobs', 'Recent score jobs with state, progress, phase and result', ALL_ROLES, NO_PARAMS, [], async () => ({ table: scoreJobsTable(await d.engagement.jobs()) }));
  const person = daySchema.extend({ person_id: z.string({ error: "is required: the person's id" }).min(1, "is required: the person's id").max(200, 'must be at most 200 characters') }).strict();
  const personDocs = [{ name: 'person_id', description: "The person's id", required: true }, { name: 'day', description: 'The scored day, YYYY-MM-DD (default: the newest scored day)', required: false }];
  table('engagement.explanation', 'Why a score: points per action type', "One person's score on a day taken apart by action type (admins only)", ['admin'], person, personDocs, async ({ person_id, ...q }) => {
    const e = await d.engagement.explain(person_id, q);
    return { table: scoreExplanationTypesTable(e), title: `Why ${person_id} scores as they do on ${e.day}` };
  });
  table('engagement.explanation-days', 'Why a score: day by day', "What each day's actions add to one person's score on a day (admins only)", ['admin'], person, personDocs, async ({ person_id, ...q }) => {
    const e = await d.engagement.explain(person_id, q);
    return { table: scoreExplanationDaysTable(e), title: `Day by day contributions to ${person_id}'s score on ${e.day}` };
  });
  return views;
}
