import type { z } from 'zod';
import { Inject, Injectable, NotFoundException, type OnModuleInit } from '@nestjs/common';
import {
  addDays,
  CORRELATION_CAVEAT,
  CORRELATION_METHOD,
  DAY_MS,
  DID_METHOD,
  DID_WINDOW_DAYS,
  type DidDto,
  type EngagementSeriesKey,
  goalLinkCreateSchema,
  type GoalLinkDto,
  goalLinkUpdateSchema,
  type HiddenReason,
  hiddenReasonText,
  type LaggedCorrelationDto,
  LINK_ENGAGEMENT_DEFINITIONS,
  LINK_LAGS,
  LINK_MIN_CORRELATION_POINTS,
  LINK_MIN_DID_GROUP,
  type LinkAnalysisDto,
  type LinkMonthDto,
  MULTIPLE_COMPARISONS_NOTE,
  type Purpose,
  PURPOSES,
  round,
} from '@hubpulse/contracts';
import { addMonths, differenceInDifferences, laggedCorrelations, tooFewPoints, type BeforeAfter } from '@hubpulse/analytics';
import { SegmentMembershipRepository } from '@hubpulse/audiences';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { EventsRepository, ScoresRepository } from '@hubpulse/clickhouse';
import { DirectoryRepository, GoalsRepository, ProgrammesRepository, SegmentDefinitionsRepository, type GoalLinkEntity } from '@hubpulse/database';
import { InvalidInputError } from '../common/errors';
import { ReadCache } from '../common/read-cache';
import { ReadWarmup, WARM_ORDER } from '../common/read-warmup';
import { toLinkDto } from './goal-dtos';
import { GoalsService } from './goals.service';
import { meanRule } from '@hubpulse/disclosure';
import { DisclosureService, type DisclosurePlan } from '../disclosure/disclosure.service';
import { groupKey } from '../disclosure/group-registry.service';
import { LinkAnalysisRepository } from './link-analysis.repository';
import { audienceKey, didHidden, didTargetGap, releaseMonths } from './link-release';

const monthEnd = (m: string) => addDays(addMonths(m, 1), -1);
const SERIES: EngagementSeriesKey[] = ['mean_score', ...PURPOSES];

/** Goal links whose analysis the background reads keep computed (links sharing an audience share the heavy part). */
const WARM_LINKS = 50;

/** Goal links (contribution hypotheses) and what the data says about them. */
@Injectable()
export class GoalLinksService implements OnModuleInit {
  constructor(
    private readonly repo: GoalsRepository,
    private readonly goals: GoalsService,
    private readonly ch: LinkAnalysisRepository,
    private readonly scores: ScoresRepository,
    private readonly events: EventsRepository,
    private readonly directory: DirectoryRepository,
    private readonly segments: SegmentDefinitionsRepository,
    private readonly programmes: ProgrammesRepository,
    private readonly memberships: SegmentMembershipRepository,
    private readonly disclosure: DisclosureService,
    private readonly cache: ReadCache,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
    private readonly warmup: ReadWarmup,
  ) {}

  onModuleInit(): void {
    // The Strategy pages' heaviest read: each link's analysis (a year of person-months, 15 s cold at 100,000 people).
    this.warmup.register({ name: 'the goal link analyses', order: WARM_ORDER.goals, read: async () => {
      for (const link of (await this.repo.links()).slice(0, WARM_LINKS)) await this.analysis(link.goalId, link.id);
    } });
  }

  async create(goalId: string, input: z.output<typeof goalLinkCreateSchema>, by: string): Promise<GoalLinkDto> {
    await this.goals.goal(goalId);
    const base = { goalId, segmentId: null, programmeId: null, scope: null, scopeValues: [] as string[], purpose: input.purpose ?? null, hypothesis: input.hypothesis, createdBy: by };
    let row: GoalLinkEntity;
    if (input.kind === 'segment') {
      const segment = await this.segments.find(input.segment_id);
      if (!segment) throw new InvalidInputError([`segment_id: no segment ${input.segment_id}`]);
      if (segment.archivedAt) throw new InvalidInputError([`segment_id: segment "${segment.name}" is archived`]);
      row = await this.repo.createLink({ ...base, kind: 'segment', segmentId: segment.id });
    } else if (input.kind === 'programme') {
      const programme = await this.programmes.find(input.programme_id);
      if (!programme) throw new InvalidInputError([`programme_id: no programme ${input.programme_id}`]);
      row = await this.repo.createLink({ ...base, kind: 'programme', programmeId: programme.id });
    } else {
      const values = (input.scope === 'department' ? input.departments : input.scope === 'location' ? input.locations : undefined) ?? [];
      if (input.scope !== 'organisation') {
        const known = await this.directory.has(input.scope, values);
        const field = input.scope === 'department' ? 'departments' : 'locations';
        const problems = values.flatMap((v, i) => (known.has(v) ? [] : [`${field}[${i}]: nobody in the directory is in ${input.scope} "${v}"`]));
        if (problems.length) throw new InvalidInputError(problems);
      }
      row = await this.repo.createLink({ ...base, kind: 'scope', scope: input.scope, scopeValues: values });
    }
    return this.toDto(row);
  }

  async update(goalId: string, linkId: string, input: z.output<typeof goalLinkUpdateSchema>): Promise<GoalLinkDto> {
    const row = await this.repo.updateLink(goalId, linkId, {
      ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
      ...(input.hypothesis !== undefined ? { hypothesis: input.hypothesis } : {}),
    });
    if (!row) throw new NotFoundException(`goal ${goalId}: no link ${linkId}`);
    return this.toDto(row);
  }

  async remove(goalId: string, linkId: string): Promise<void> {
    if (!(await this.repo.deleteLink(goalId, linkId))) throw new NotFoundException(`goal ${goalId}: no link ${linkId}`);
  }

  async list(goalId: string): Promise<GoalLinkDto[]> {
    await this.goals.goal(goalId);
    const links = await this.repo.links([goalId]);
    const names = await this.goals.audienceNames(links.flatMap((l) => l.segmentId ?? []), links.flatMap((l) => l.programmeId ?? []));
    return links.map((l) => toLinkDto(l, names));
  }

  private async toDto(row: GoalLinkEntity): Promise<GoalLinkDto> {
    return toLinkDto(row, await this.goals.audienceNames(row.segmentId ? [row.segmentId] : [], row.programmeId ? [row.programmeId] : []));
  }

  private async link(goalId: string, linkId: string): Promise<GoalLinkEntity> {
    const row = await this.repo.findLink(goalId, linkId);
    if (!row) throw new NotFoundException(`goal ${goalId}: no link ${linkId}`);
    return row;
  }

  // ── analysis ──

  /**
   * Month by month, the audience's engagement (mean score, purpose reach) against the KPI, the lagged
   * correlations of each series with the KPI, and for a launched programme the difference in differences.
   */
  async analysis(goalId: string, linkId: string): Promise<LinkAnalysisDto> {
    const goal = await this.goals.goal(goalId);
    const row = await this.link(goalId, linkId);
    const link = await this.toDto(row);
    const k = this.config.minGroupSize;
    const programme = row.programmeId ? await this.programmes.find(row.programmeId) : null;
    const dp = await this.disclosure.plan();
    const key = audienceKey(row, programme);

    const values = await this.repo.values([goalId]);
    const kpi = new Map(values.map((v) => [v.period, v.value]));
    const lastEvent = await this.events.lastEventDay();
    const firstKpi = values[0]?.period ?? goal.period_start;
    const from = addMonths(firstKpi < goal.period_start ? firstKpi : goal.period_start, -LINK_LAGS.at(-1)!);
    const lastMonth = [values.at(-1)?.period ?? from, lastEvent ? addMonths(lastEvent, 0) : from].sort().at(-1)!;
    const to = monthEnd(lastMonth);

    // The audience is a group of the plan; a group the plan hides shows nothing about it.
    let notShown: string | null = null;
    let audienceHidden: HiddenReason | null = null;
    const decision = key ? dp.plan.get(key) : undefined;
    if (row.kind === 'segment' && row.segmentId && !(await this.memberships.computed(row.segmentId))) notShown = 'The segment has no computed membership yet.';
    else if (!decision || decision.size === 0) notShown = 'Nobody is in this audience.';
    else if (!decision.shown) {
      audienceHidden = decision.reason ?? 'below_minimum';
      notShown = hiddenReasonText(audienceHidden, k);
    }
    const size = notShown ? 0 : decision!.size;

    // The same for every reader of every link with this audience: through the read cache, keyed by the
    // months, the audience, what the plan decides and the data (a year of person-months read and
    // released took 15 s per request at 100,000 people).
    const { scoredDays, events, released } = notShown
      ? { scoredDays: new Map<string, number>(), events: new Map<string, number>(), released: null }
      : await this.cache.get({
          name: 'goals.link-months',
          params: { from, to, audience: key, plan: dp.contentKey },
          tables: ['score_days', 'engagement_scores', 'events', 'content', 'people'],
          compute: async () => {
            const [scoredDays, events, scores, purposes] = await Promise.all([this.scores.scoredDaysPerMonth(from, to), this.ch.monthlyEvents(from, to), this.scores.personMonthlySums(from, to), this.ch.personMonthlyPurposes(from, to)]);
            return { scoredDays, events, released: await releaseMonths(this.disclosure, dp, key!, scores, purposes) };
          },
        });

    const months: LinkMonthDto[] = [];
    for (let m = from; m <= lastMonth; m = addMonths(m, 1)) {
      const emptyPurposes = Object.fromEntries(PURPOSES.map((p) => [p, null])) as Record<Purpose, number | null>;
      const emptyHidden = Object.fromEntries(PURPOSES.map((p) => [p, null])) as Record<Purpose, HiddenReason | null>;
      const point: LinkMonthDto = { period: m, kpi: kpi.get(m) ?? null, members: notShown ? null : size, mean_score: null, mean_score_hidden: audienceHidden, purposes: emptyPurposes, purposes_hidden: emptyHidden, reason: notShown };
      if (released) {
        const partial = lastEvent !== null && m === addMonths(lastEvent, 0) && lastEvent < monthEnd(m);
        if (!events.get(m)) point.reason = 'No hub activity recorded this month.';
        else if (partial) point.reason = `Month not complete: data up to ${lastEvent}; left out of the correlations.`;
        if (events.get(m)) {
          const r = released.get(m);
          for (const p of PURPOSES) {
            const x = r?.purposes[p] ?? { x: 0, hidden: 'numerator' as HiddenReason };
            point.purposes[p] = x.hidden ? null : round((100 * x.x) / size);
            point.purposes_hidden[p] = x.hidden;
          }
          const days = scoredDays.get(m) ?? 0;
          const mean = r?.mean ?? { sum: 0, hidden: 'numerator' as HiddenReason };
          point.mean_score = days > 0 && !mean.hidden ? round(mean.sum / (size * days)) : null;
          point.mean_score_hidden = days > 0 ? mean.hidden : null;
        }
      }
      months.push(point);
    }

    const usable = months.filter((mo) => mo.reason === null);
    const kpiMap = new Map(months.map((mo) => [mo.period, mo.kpi]));
    const correlations: LaggedCorrelationDto[] = SERIES.flatMap((series) => {
      const x = new Map(usable.map((mo) => [mo.period, series === 'mean_score' ? mo.mean_score : mo.purposes[series]]));
      return laggedCorrelations(x, kpiMap, LINK_LAGS).map((c) => ({ series, lag: c.lag, pearson: c.pearson, spearman: c.spearman }));
    });

    let did: DidDto | null = null;
    let didReason: string | null = null;
    if (row.kind === 'programme') {
      if (!programme) didReason = 'The programme no longer exists.';
      else if (programme.status !== 'launched' || !programme.launchedAt) didReason = 'The programme has not been launched: there is no before and after yet.';
      else ({ did, reason: didReason } = await this.did(programme.segmentId, programme.launchedAt.slice(0, 10), k, programme.launchMembershipVersion, dp, audienceKey(row, programme)!));
    }

    return {
      caveat: CORRELATION_CAVEAT,
      goal: { id: goal.id, name: goal.name, unit_kind: goal.unit_kind, unit: goal.unit },
      link,
      min_group_size: k,
      min_points: LINK_MIN_CORRELATION_POINTS,
      audience_size: notShown ? null : size,
      audience_hidden: audienceHidden,
      definitions: LINK_ENGAGEMENT_DEFINITIONS,
      correlation_method: CORRELATION_METHOD,
      multiple_comparisons_note: MULTIPLE_COMPARISONS_NOTE,
      months,
      correlations,
      did,
      did_reason: didReason,
    };
  }

  /**
   * DID_METHOD for a programme launched on `launch`; the targeted group is the membership pinned at
   * launch when there is one (`pinned`), else today's.
   */
  private async did(segmentId: string, launch: string, k: number, pinned: number | null, dp: DisclosurePlan, key: string): Promise<{ did: DidDto | null; reason: string | null }> {
    const version = pinned !== null && (await this.memberships.versionExists(segmentId, Number(pinned))) ? Number(pinned) : null;
    const targeted = dp.plan.get(version !== null ? key : groupKey.segment(segmentId));
    const lastScored = await this.scores.lastScoredDay();
    if (!lastScored || lastScored < launch) return { did: null, reason: 'No scored day after the launch yet.' };
    const w = { bfrom: addDays(launch, -DID_WINDOW_DAYS), bto: addDays(launch, -1), afrom: launch, ato: [addDays(launch, DID_WINDOW_DAYS - 1), lastScored].sort()[0] };
    const [beforeDays, afterDays] = await Promise.all([this.countDays(w.bfrom, w.bto), this.countDays(w.afrom, w.ato)]);
    if (beforeDays === 0) return { did: null, reason: `No scored days in the ${DID_WINDOW_DAYS} days before launch.` };
    const panel = await this.ch.didPanel(segmentId, version, w);
    const group = (g: 'T' | 'C'): BeforeAfter[] => panel.filter((p) => p.g === g).map((p) => ({ before: p.before_sum / beforeDays, after: p.after_sum / afterDays }));
    const treated = group('T');
    const control = group('C');
    const need = Math.max(LINK_MIN_DID_GROUP, k);
    const result = differenceInDifferences(treated, control);
    let reason = result.reason;
    if (!reason && treated.length < need) reason = tooFewPoints(treated.length, need, 'people in the targeted group');
    if (!reason && control.length < need) reason = tooFewPoints(control.length, need, 'people in the comparison group');
    const universe = await this.ch.didUniverse(segmentId, version, w.bfrom);
    const hidden = didHidden(k, targeted, panel, universe);
    const gap = didTargetGap(k, targeted, panel);
    if (!reason && hidden) reason = hiddenReasonText(hidden, k);
    const shown = reason === null;

    const monthlyFrom = addMonths(w.bfrom, 0);
    const { sizes, sums } = await this.ch.groupMonthly(segmentId, version, w.bfrom, monthlyFrom, w.ato);
    const monthDays = await this.scores.scoredDaysPerMonth(monthlyFrom, w.ato);
    const monthly: DidDto['monthly'] = [];
    for (let m = monthlyFrom; m <= addMonths(w.ato, 0); m = addMonths(m, 1)) {
      const d = monthDays.get(m) ?? 0;
      const val = (g: 'T' | 'C') => {
        const n = sizes.get(g) ?? 0;
        const cell = sums.find((s) => s.g === g && s.month === m);
        if (g === 'T' && gap) return null;
        return !hidden && d > 0 && cell && meanRule(n, cell.contributors, k) === null ? round(cell.s / (n * d)) : null;
      };
      monthly.push({ period: m, treated: val('T'), control: val('C') });
    }
    const groupDto = (label: string, n: number, means: { before: number; after: number } | null, hidePeople = false) => ({
      label,
      people: !hidden && !hidePeople && n >= k ? n : null,
      before: !hidden && n >= k && means ? round(means.before) : null,
      after: !hidden && n >= k && means ? round(means.after) : null,
    });
    return {
      did: {
        method: DID_METHOD,
        launched_at: launch,
        before: { from: w.bfrom, to: w.bto },
        after: { from: w.afrom, to: w.ato },
        treated: groupDto(version !== null ? 'Targeted: the programme’s segment as it was at launch' : 'Targeted: current members of the programme’s segment', treated.length, result.treated, gap !== null),
        control: groupDto('Comparison: everyone else in the same departments', control.length, result.control),
        estimate: shown ? result.estimate : null,
        se: shown ? result.se : null,
        df: shown ? result.df : null,
        ci95: shown ? result.ci95 : null,
        p_value: shown ? result.p_value : null,
        reason,
        hidden_reason: hidden,
        people_hidden: hidden ?? gap,
        monthly,
      },
      reason: null,
    };
  }

  private async countDays(from: string, to: string): Promise<number> {
    if (to < from) return 0;
    return [...(await this.scores.scoredDaysPerMonth(from, to)).values()].reduce((a, b) => a + b, 0);
  }
}
