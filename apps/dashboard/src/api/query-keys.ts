// Every TanStack Query key the dashboard uses, in one place, so invalidation never guesses.
import type { AuditParams } from './admin.api';
import type { GroupScoresParams } from './engagement.api';
import type { OverviewParams } from './overview.api';
import type { PatternKind, PatternParams } from './patterns.api';
import type { SegmentRule } from '@hubpulse/contracts';

export const queryKeys = {
  session: ['auth', 'me'] as const,
  ssoInfo: ['auth', 'sso'] as const,
  overviewAll: ['overview'] as const,
  overview: (params: OverviewParams) => ['overview', { from: params.from ?? null, to: params.to ?? null }] as const,
  ingestionSources: (windowMinutes: number) => ['ingestion', 'sources', windowMinutes] as const,
  eventMappings: ['ingestion', 'mappings'] as const,
  writeKeys: ['ingestion', 'keys'] as const,
  imports: ['imports'] as const,
  exports: ['exports'] as const,
  /** Every audit-log read (entries of any filter, facets). */
  auditAll: ['audit'] as const,
  audit: (p: AuditParams) => ['audit', 'entries', { action: p.action ?? null, actor: p.actor ?? null, from: p.from ?? null, to: p.to ?? null }] as const,
  auditFacets: ['audit', 'facets'] as const,
  users: ['users'] as const,
  invite: (token: string) => ['invites', token] as const,
  mySessions: ['me', 'sessions'] as const,
  myReadTokens: ['me', 'tokens'] as const,
  engagementAll: ['engagement'] as const,
  scoringModels: ['engagement', 'models'] as const,
  scoreJobs: ['engagement', 'jobs'] as const,
  scoreDistribution: (day: string | undefined) => ['engagement', 'distribution', day ?? null] as const,
  groupScores: (p: GroupScoresParams) => ['engagement', 'groups', { by: p.by, from: p.from ?? null, to: p.to ?? null, attribution: p.attribution ?? null }] as const,
  scoredPeople: (day: string | undefined, q: string) => ['engagement', 'people', day ?? null, q] as const,
  pattern: (kind: PatternKind, p: PatternParams) => ['engagement', kind, { by: p.by, from: p.from ?? null, to: p.to ?? null }] as const,
  scoreExplanation: (personId: string, day: string | undefined) => ['engagement', 'why', personId, day ?? null] as const,
  segmentsAll: ['segments'] as const,
  segments: ['segments', 'list'] as const,
  segment: (id: string) => ['segments', 'one', id] as const,
  segmentPeople: (q: string) => ['segments', 'people', q] as const,
  segmentHistory: (id: string) => ['segments', 'one', id, 'history'] as const,
  segmentChannels: (id: string, r: { from?: string; to?: string }) => ['segments', 'one', id, 'channels', { from: r.from ?? null, to: r.to ?? null }] as const,
  segmentPreview: (rule: SegmentRule) => ['segments', 'preview', rule] as const,
  programmesAll: ['programmes'] as const,
  programmes: ['programmes', 'list'] as const,
  programme: (id: string) => ['programmes', 'one', id] as const,
  programmeForecast: (id: string) => ['programmes', 'one', id, 'forecast'] as const,
  programmeScorecard: (id: string) => ['programmes', 'one', id, 'scorecard'] as const,
  // Strategy (issue 6): every goal key starts with 'goals', so one invalidation refreshes cards, detail and analyses.
  goalsAll: ['goals'] as const,
  goals: ['goals', 'list'] as const,
  strategyOverview: ['goals', 'overview'] as const,
  goal: (id: string) => ['goals', 'one', id] as const,
  goalHistory: (id: string) => ['goals', 'one', id, 'history'] as const,
  linkAnalysis: (goalId: string, linkId: string) => ['goals', 'one', goalId, 'links', linkId, 'analysis'] as const,
  // Saved views (Reports): one invalidation of 'saved-views' refreshes the list and an opened view.
  savedViews: ['saved-views', 'list'] as const,
  savedView: (id: string) => ['saved-views', 'one', id] as const,
  alerts: ['alerts', 'list'] as const,
  alertOptions: ['alerts', 'options'] as const,
  alertHistory: (id: string) => ['alerts', 'history', id] as const,
  schedules: ['schedules', 'list'] as const,
  scheduleRecipients: ['schedules', 'recipients'] as const,
  scheduleDeliveries: (id: string) => ['schedules', 'deliveries', id] as const,
  glossary: ['glossary'] as const,
};
