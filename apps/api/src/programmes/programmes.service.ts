import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { z } from 'zod';
import type { HiddenReason } from '@hubpulse/disclosure';
import {
  DAY_MS,
  hiddenReasonText,
  PROGRAMME_FORECAST_DEFINITION,
  PROGRAMME_METRIC_DEFINITIONS,
  programmeCreateSchema,
  type ProgrammeDto,
  type ProgrammeForecastDto,
  type ProgrammeScorecardDto,
  programmeUpdateSchema,
  round,
} from '@hubpulse/contracts';
import { SegmentMembershipRepository } from '@hubpulse/audiences';
import { GoalsRepository, ProgrammesRepository, SegmentDefinitionsRepository, type ProgrammeEntity, type ProgrammeFields } from '@hubpulse/database';
import { EventsRepository, ScoresRepository } from '@hubpulse/clickhouse';
import { pauseLoop } from '../common/event-loop';
import { InvalidInputError } from '../common/errors';
import { ReadCache } from '../common/read-cache';
import { DisclosureService } from '../disclosure/disclosure.service';
import { groupKey } from '../disclosure/group-registry.service';
import { rateDto, releasedReadRate } from '../segments/segment-channel-stats';
import { SegmentChannelsService, sizeReason } from '../segments/segment-channels.service';
import { SegmentReadsRepository } from '../segments/segment-reads.repository';
import { planHides } from '../segments/segment-sizes.service';
import { SegmentsService } from '../segments/segments.service';
import { metricSeries, weekEnds } from './programme-scorecard';

export const programmeListQuerySchema = z.object({ segment_id: z.string().max(36).optional(), goal_id: z.string().max(36).optional() });

/** Programmes: the six steps as drafts, launch, the reach forecast before and the scorecard after. */
@Injectable()
export class ProgrammesService {
  constructor(
    private readonly repo: ProgrammesRepository,
    private readonly defs: SegmentDefinitionsRepository,
    private readonly segments: SegmentsService,
    private readonly channels: SegmentChannelsService,
    private readonly reads: SegmentReadsRepository,
    private readonly events: EventsRepository,
    private readonly scores: ScoresRepository,
    private readonly memberships: SegmentMembershipRepository,
    private readonly disclosure: DisclosureService,
    private readonly goals: GoalsRepository,
    private readonly cache: ReadCache,
  ) {}

  private async require(id: string): Promise<ProgrammeEntity> {
    const p = await this.repo.find(id);
    if (!p) throw new NotFoundException(`id: no programme ${id}`);
    return p;
  }

  async list(q: z.output<typeof programmeListQuerySchema>): Promise<ProgrammeDto[]> {
    const rows = await this.repo.list({ segmentId: q.segment_id, goalId: q.goal_id });
    return this.toDtos(rows);
  }

  async get(id: string): Promise<ProgrammeDto> {
    return (await this.toDtos([await this.require(id)]))[0];
  }

  async create(input: z.output<typeof programmeCreateSchema>, by: string): Promise<ProgrammeDto> {
    await this.checkRefs(input.segment_id, input.goal_id ?? null);
    const p = await this.repo.create(fields(input), by);
    return this.get(p.id);
  }

  async update(id: string, input: z.output<typeof programmeUpdateSchema>): Promise<ProgrammeDto> {
    const p = await this.require(id);
    if (p.status !== 'draft') throw new ConflictException(`id: programme "${p.name}" is launched; launched programmes are not edited`);
    await this.checkRefs(input.segment_id, input.goal_id);
    const patch: Partial<ProgrammeFields> = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.segment_id !== undefined) patch.segmentId = input.segment_id;
    if (input.grouping !== undefined) patch.grouping = input.grouping;
    if (input.content) Object.assign(patch, { contentPurposes: input.content.purposes, contentNotes: input.content.notes ?? null });
    if (input.channels) patch.channels = input.channels;
    if (input.tactic) Object.assign(patch, { tactic: input.tactic.kind, tacticNotes: input.tactic.notes ?? null });
    if (input.measure) Object.assign(patch, { measureMetric: input.measure.metric, measureTarget: input.measure.target, measureFrom: input.measure.from, measureTo: input.measure.to });
    if (input.goal_id !== undefined) patch.goalId = input.goal_id;
    if (!(await this.repo.updateDraft(id, patch))) throw new ConflictException(`id: programme ${id} was launched meanwhile`);
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const p = await this.require(id);
    if (p.status !== 'draft' || !(await this.repo.deleteDraft(id))) throw new ConflictException(`id: programme "${p.name}" is launched; launched programmes are kept`);
  }

  /** Launches a draft, keeping the forecast and the target segment's membership version of this moment. */
  async launch(id: string, by: { id: string; email: string }): Promise<ProgrammeDto> {
    const p = await this.require(id);
    if (p.status !== 'draft') throw new ConflictException(`id: programme "${p.name}" is already launched`);
    const inputs = await this.channels.forecastInputs(p.segmentId, p.channels, by.id);
    const forecast = await this.forecastOf(p, by.id, inputs);
    // The people targeted now: the scorecard and the before/after follow them, not later members.
    const membership = inputs.sizing.current?.version ?? null;
    if (!(await this.repo.launch(id, by.email, forecast, membership))) throw new ConflictException(`id: programme "${p.name}" is already launched`);
    return this.get(id);
  }

  async forecast(id: string, userId: string): Promise<ProgrammeForecastDto> {
    return this.forecastOf(await this.require(id), userId);
  }

  /**
   * Expected readers = n × the read rate as channel statistics release it (segment-channel-release.ts):
   * each channel's rate, and the rate pooled over the programme's channels, is shown only when its
   * readers and non-readers (in the segment, the organisation, and against every group of the plan)
   * are at least k and the window's numbers pass this reader's ledger.
   */
  private async forecastOf(p: ProgrammeEntity, userId: string, inputs?: Awaited<ReturnType<SegmentChannelsService['forecastInputs']>>): Promise<ProgrammeForecastDto> {
    const inp = inputs ?? (await this.channels.forecastInputs(p.segmentId, p.channels, userId));
    const base: ProgrammeForecastDto = {
      programme_id: p.id,
      segment_id: p.segmentId,
      from: inp.from,
      to: inp.to,
      segment_size: inp.sizing.size,
      segment_size_hidden: inp.sizing.current ? inp.sizing.suppressed : null,
      reason: sizeReason(inp.sizing, inp.k),
      pooled_read_rate: null,
      pooled_read_rate_hidden: null,
      expected_readers: null,
      channels: p.channels.map((channel) => ({ channel, items: 0, read_rate: null, read_rate_hidden: null, expected_readers: null })),
      definition: PROGRAMME_FORECAST_DEFINITION,
    };
    if (inp.sizing.size === null || !inp.released) return base;
    const { n, released } = inp;
    const shownN = inp.sizing.size;
    const rate = releasedReadRate(released.pooled, released.pooled.items, n, inp.population);
    const hiddenIfPublished = (items: number, hidden: typeof released.pooled.hidden) => (items > 0 ? hidden : null);
    return {
      ...base,
      reason: rate ? null : released.pooled.items === 0 ? "nothing was published on the programme's channels in the history window" : hiddenReasonText(released.pooled.hidden, inp.k),
      pooled_read_rate: rate ? rateDto(rate) : null,
      pooled_read_rate_hidden: hiddenIfPublished(released.pooled.items, released.pooled.hidden),
      expected_readers: rate ? { estimate: round(shownN * rate.estimate, 1), lower: round(shownN * rate.lower, 1), upper: round(shownN * rate.upper, 1) } : null,
      channels: p.channels.map((channel) => {
        const c = released.channels.get(channel)!;
        const cr = releasedReadRate(c.reads, c.items, n, inp.population);
        return { channel, items: c.items, read_rate: cr ? rateDto(cr) : null, read_rate_hidden: hiddenIfPublished(c.items, c.reads.hidden), expected_readers: cr ? round(shownN * cr.estimate, 1) : null };
      }),
    };
  }

  /** The measure's actual against its target, over the target segment's members at launch (today's for drafts). */
  async scorecard(id: string): Promise<ProgrammeScorecardDto> {
    const p = await this.require(id);
    const snap = await this.segments.snapshot();
    const z = snap.segments.get(p.segmentId) ?? { current: null, size: null, suppressed: null };
    const last = await this.events.lastEventDay();
    const asOf = last === null || last < p.measureFrom ? null : last < p.measureTo ? last : p.measureTo;
    const span = (Date.parse(p.measureTo) - Date.parse(p.measureFrom)) / DAY_MS + 1;
    const base: ProgrammeScorecardDto = {
      programme_id: p.id,
      metric: p.measureMetric,
      definition: PROGRAMME_METRIC_DEFINITIONS[p.measureMetric],
      target: p.measureTarget,
      from: p.measureFrom,
      to: p.measureTo,
      as_of: asOf,
      elapsed: asOf ? round(((Date.parse(asOf) - Date.parse(p.measureFrom)) / DAY_MS + 1) / span, 4) : 0,
      members: z.size,
      members_hidden: z.current ? z.suppressed : null,
      membership: 'current',
      actual: null,
      actual_hidden: null,
      progress: null,
      status: 'not_started',
      series: [],
      min_group_size: snap.k,
    };
    if (!asOf) return base;
    const pinned = await this.launchMembership(p);
    if (pinned) Object.assign(base, { members: pinned.shown, members_hidden: pinned.hidden, membership: 'launch' });
    if (!pinned && !z.current) return { ...base, status: 'no_data' };
    if ((pinned ? pinned.shown : z.size) === null) return { ...base, status: 'suppressed' };
    const version = pinned ? pinned.version : z.current!.version;
    const size = pinned ? pinned.size : z.current!.size;
    const ends = weekEnds(p.measureFrom, asOf);
    // Counts over the members' events, the same for every reader (decided per week below): through the read cache.
    const days = await this.cache.get({
      name: 'programmes.first_days',
      params: { segment: p.segmentId, version, from: p.measureFrom, to: asOf, channels: p.channels },
      tables: ['events', 'content', 'segment_members'],
      compute: () => this.reads.firstDays(p.segmentId, version, p.measureFrom, asOf, p.channels),
    });
    let scoreTotal: ((day: string) => { total: number; contributors: number } | undefined) | undefined;
    if (p.measureMetric === 'mean_score') {
      const scored = await this.scores.lastScoredDay();
      const dayFor = (d: string) => (scored && scored < d ? scored : d);
      const scoreDays = [...new Set(ends.map((e) => dayFor(e.day)))];
      const totals = scored ? await this.reads.scoreTotals(p.segmentId, version, scoreDays) : new Map<string, { total: number; contributors: number }>();
      const planHidden = scored ? await this.meanHiddenByPlan(pinned ? groupKey.programme(p.id) : groupKey.segment(p.segmentId), scoreDays) : new Map<string, HiddenReason | null>();
      scoreTotal = (d) =>
        scored && scored >= p.measureFrom ? { ...(totals.get(dayFor(d)) ?? { total: 0, contributors: 0 }), planHidden: planHidden.get(dayFor(d)) ?? null } : undefined;
    }
    const r4 = (x: number | null) => (x === null ? null : round(x, 4));
    const series = metricSeries({ metric: p.measureMetric, n: size, k: snap.k, days, scoreTotal }, ends).map((w) => ({ week: w.week, value: r4(w.value), hidden: w.hidden }));
    // The actual is the last week's value (its last day is as_of), under the same decision.
    const lastWeek = series.at(-1);
    const actual = lastWeek?.value ?? null;
    return {
      ...base,
      actual,
      actual_hidden: lastWeek?.hidden ?? null,
      progress: actual === null || p.measureTarget === 0 ? null : round(actual / p.measureTarget, 4),
      status: actual === null ? (lastWeek?.hidden ? 'suppressed' : 'no_data') : actual >= p.measureTarget ? 'met' : 'below',
      series,
    };
  }

  /**
   * The group plan's decision on a mean over `key` for each day: the same check the Engagement
   * area's group scores make (DisclosureService.statOver over who scored), so the scorecard's mean
   * cannot be subtracted from a department's or another segment's mean shown there.
   */
  private async meanHiddenByPlan(key: string, days: readonly string[]): Promise<Map<string, HiddenReason | null>> {
    if (days.length === 0) return new Map();
    const sorted = [...days].sort();
    const [dp, daily] = await Promise.all([this.disclosure.plan(), this.scores.dailyScores(sorted[0], sorted.at(-1)!)]);
    const ids = new Map(daily.map((d) => [d.day, d.ids]));
    const out = new Map<string, HiddenReason | null>();
    for (const day of days) {
      await pauseLoop(); // a planStat over every group per day (see pauseLoop)
      const d = this.disclosure.statOver(dp, 'mean', ids.get(day) ?? []).get(key);
      out.set(day, d === undefined || d.shown ? null : d.reason);
    }
    return out;
  }

  /**
   * The membership pinned at launch, with its size as the group plan decides it (family programme:
   * checked against today's segment, every other group and the population). Null for drafts and for
   * programmes launched before memberships were pinned, or whose pinned version is gone.
   */
  private async launchMembership(p: ProgrammeEntity): Promise<{ version: number; size: number; shown: number | null; hidden: HiddenReason | null } | null> {
    if (p.status !== 'launched' || p.launchMembershipVersion === null) return null;
    const version = Number(p.launchMembershipVersion);
    const size = await this.memberships.countVersion(p.segmentId, version);
    if (size === 0) return null;
    const hidden = planHides(await this.disclosure.plan(), groupKey.programme(p.id), size);
    return { version, size, shown: hidden ? null : size, hidden };
  }

  /** The target segment must exist and be live; the goal (when given) must exist: 400 naming the field. */
  private async checkRefs(segmentId: string | undefined, goalId: string | null | undefined): Promise<void> {
    const problems: string[] = [];
    if (segmentId !== undefined && !(await this.defs.get(segmentId))) problems.push(`segment_id: no live segment ${segmentId}`);
    if (goalId && !(await this.goals.goalExists(goalId))) problems.push(`goal_id: no goal ${goalId}`);
    if (problems.length) throw new InvalidInputError(problems);
  }

  private async toDtos(rows: ProgrammeEntity[]): Promise<ProgrammeDto[]> {
    const names = new Map((await this.defs.list({ archived: true })).map((s) => [s.id, s.name]));
    return rows.map((p) => ({
      id: p.id,
      name: p.name,
      segment_id: p.segmentId,
      segment_name: names.get(p.segmentId) ?? null,
      grouping: p.grouping,
      content: { purposes: p.contentPurposes, notes: p.contentNotes },
      channels: p.channels,
      tactic: { kind: p.tactic, notes: p.tacticNotes },
      measure: { metric: p.measureMetric, target: p.measureTarget, from: p.measureFrom, to: p.measureTo },
      goal_id: p.goalId,
      status: p.status,
      launched_at: p.launchedAt,
      launched_by: p.launchedBy,
      forecast_at_launch: p.forecastAtLaunch,
      created_by: p.createdBy,
      created_at: p.createdAt,
      updated_at: p.updatedAt,
    }));
  }
}

function fields(input: z.output<typeof programmeCreateSchema>): ProgrammeFields {
  return {
    name: input.name,
    segmentId: input.segment_id,
    grouping: input.grouping,
    contentPurposes: input.content.purposes,
    contentNotes: input.content.notes ?? null,
    channels: input.channels,
    tactic: input.tactic.kind,
    tacticNotes: input.tactic.notes ?? null,
    measureMetric: input.measure.metric,
    measureTarget: input.measure.target,
    measureFrom: input.measure.from,
    measureTo: input.measure.to,
    goalId: input.goal_id ?? null,
  };
}
