import { Inject, Injectable, Optional } from '@nestjs/common';
import { Counter } from 'prom-client';
import { Metrics } from '@hubpulse/metrics';
import {
  DAY_MS,
  EVENT_TYPES,
  type EventType,
  type GroupScoreRow,
  type GroupScoresDto,
  type HiddenReason,
  round,
  type ScoreGroupBy,
  type Attribution,
} from '@hubpulse/contracts';
import { HISTORY_FAMILIES, internDecision, wasFamily, type StatDecision } from '@hubpulse/disclosure';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { PeopleRepository, ScoresRepository } from '@hubpulse/clickhouse';
import { ScoringModelsRepository } from '@hubpulse/database';
import { pauseLoop } from '../common/event-loop';
import { DisclosureService, type DisclosurePlan } from '../disclosure/disclosure.service';
import { ReadCache } from '../common/read-cache';
import { releaseMix } from './score-mix-rule';

/** Rows shown per family; every decision is still taken over all groups of the plan. */
const GROUP_ROWS_LIMIT = 500;
const NOT_ASKED: StatDecision = { shown: false, reason: 'below_minimum' };

/**
 * One day's statistic over every group of that day's plan, by the plan's group index (its
 * structure's order): x summed per group, and the decision (interned: a handful of distinct objects).
 */
interface DayStat {
  sum: Float64Array;
  decisions: readonly StatDecision[];
}

/** What groups() computes once for all groupings of a range (see days()). */
interface DaysCore {
  means: Map<string, DayStat>;
  active: DayStat;
  mixByGroup: ReadonlyMap<string, ReturnType<typeof releaseMix>>;
}

/**
 * The tables a group-scores answer depends on beyond what its parameters name: score_days (each
 * day's scores are keyed by its version there, see days()) and the plans' directory and memberships.
 * Not events or engagement_scores: an event changes no score until a score run records its day in
 * score_days, which is when these answers are recomputed.
 */
const GROUP_TABLES = ['score_days', 'people', 'people_history', 'segment_members', 'segment_runs'] as const;

/**
 * Per-day statistics kept across requests (mean and active share per day and plan). A year of days
 * for a few plans; each holds 16 bytes per group of its plan.
 */
const DAY_STATS = 800;

/** What a day was decided against: the content of its plan (today's, or a past stretch's). */
const planId = (dp: DisclosurePlan) => dp.contentKey;

/** A day's statistic from the structure's per-group sums and planStat's decisions. */
function dayStat(dp: DisclosurePlan, perGroup: ReadonlyMap<string, number>, decisions: ReadonlyMap<string, StatDecision>): DayStat {
  const groups = dp.plan.structure.groups;
  const sum = new Float64Array(groups.length);
  const out = new Array<StatDecision>(groups.length);
  groups.forEach((g, i) => {
    sum[i] = perGroup.get(g.key) ?? 0;
    out[i] = internDecision(decisions.get(g.key) ?? NOT_ASKED);
  });
  return { sum, decisions: out };
}

/**
 * Scores per group (issue 11, hole "nested manager trees"). Which groups exist and which may be shown
 * comes from the disclosure plan (every family at once, tenure as of the plan's day); each statistic
 * is summed per person and then per group for EVERY group of the plan and checked with planStat, day
 * by day, with the population's figure released too (the population's mean score and active share
 * can be worked out from the distribution). So a decision depends on the day and the plan only —
 * never on the family, range or day a request asks for — and two requests cannot be subtracted into
 * fewer than k people or contributors.
 *
 * Attribution (issue 15): by default each day counts people under the group they were in that day
 * (`as_it_was`: department, location and manager trees from the directory's history); `today` counts
 * them under today's groups. A day whose directory differed from today's has its own plan holding
 * both versions (DisclosureService.dayPlans), so the two answers about one day were checked
 * against each other; today's version yields there (reason `moved`).
 */
@Injectable()
export class GroupScoresService {
  constructor(
    private readonly repo: ScoresRepository,
    private readonly people: PeopleRepository,
    private readonly models: ScoringModelsRepository,
    private readonly disclosure: DisclosureService,
    private readonly cache: ReadCache,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
    @Optional() metrics?: Metrics,
  ) {
    this.dayOutcomes = metrics
      ? new Counter({ name: 'hubpulse_group_day_stats_total', help: "Engagement groups' per-day statistics (a day's mean score or active share over every group of its plan): kept from an earlier request, or computed", labelNames: ['outcome'], registers: [metrics.registry] })
      : null;
  }

  private readonly dayOutcomes: Counter | null;

  /** Per-day statistics by kind, day, plan and the day's scores version (see days()). */
  private readonly dayStats = new Map<string, Promise<DayStat>>();

  /**
   * The same for every user (decisions depend on the plans only): answered through the read cache,
   * keyed by the plan's fingerprint and the data of the tables the scores, the mix and the plans read.
   * What does not depend on the grouping — each day's sums and decisions over every group of the plan,
   * the mix of every shown group — is one cached entry for all five groupings of a range.
   */
  async groups(by: ScoreGroupBy, from: string, to: string, attribution: Attribution = 'as_it_was'): Promise<GroupScoresDto> {
    const { fingerprint } = await this.disclosure.plan();
    return this.cache.get({
      name: 'engagement.groups',
      params: { by, from, to, attribution, plan: fingerprint },
      tables: GROUP_TABLES,
      compute: async () => this.compute(by, from, to, attribution, await this.days(from, to)),
    });
  }

  /**
   * Per day of [from, to], the mean score's sums and decisions over every group of that day's plan;
   * on `to`, the active share's and the mix of every shown group. A day's statistic depends only on
   * its plan and its scores, so each is kept (dayStats) under the plan's identity and the day's
   * version in score_days: after a score run only the days it recomputed (usually today) are
   * computed again, and the ranges of 30, 90 and 365 days share their days. Only the missing days'
   * scores are read.
   */
  private async days(from: string, to: string): Promise<DaysCore> {
    const [plans, versions] = await Promise.all([this.disclosure.dayPlans(from, to), this.repo.dayVersions(from, to)]);
    const dayList: string[] = [];
    for (let d = Date.parse(from); d <= Date.parse(to); d += DAY_MS) dayList.push(new Date(d).toISOString().slice(0, 10));
    const keyOf = (kind: 'mean' | 'share', day: string) => `${kind}|${day}|${planId(plans.get(day)!)}|${versions.get(day) ?? 'unscored'}`;
    const missing = dayList.filter((d) => !this.dayStats.has(keyOf('mean', d)));
    const shareMissing = !this.dayStats.has(keyOf('share', to));
    const fetch = new Set(missing);
    if (shareMissing) fetch.add(to);
    const computed = missing.length + (shareMissing ? 1 : 0);
    this.dayOutcomes?.inc({ outcome: 'computed' }, computed);
    this.dayOutcomes?.inc({ outcome: 'kept' }, dayList.length + 1 - computed);
    if (fetch.size) {
      const rows = this.repo.dailyScoresOn([...fetch]).then((rs) => new Map(rs.map((r) => [r.day, r])));
      const empty = { ids: [] as string[], scores: [] as number[] };
      // A day's decisions take a few hundred milliseconds of the event loop at 100,000 people and
      // 12,500 groups. Computed one after another with a pause between (not all in one go once the
      // scores arrive), so other requests are served meanwhile: after a new plan, the 30 days of the
      // groups held every other request for 10 s and more.
      let turn: Promise<unknown> = rows;
      const inTurn = <T>(compute: (byDay: Awaited<typeof rows>) => T): Promise<T> => {
        const stat = turn.then(() => pauseLoop()).then(() => rows).then(compute);
        turn = stat.catch(() => undefined);
        return stat;
      };
      for (const day of missing) {
        this.remember(keyOf('mean', day), inTurn((byDay) => {
          const dp = plans.get(day)!;
          const row = byDay.get(day) ?? empty;
          const sum = dp.plan.structure.sums(new Map(row.ids.map((id, i) => [id, Number(row.scores[i])]))).perGroup;
          return dayStat(dp, sum, this.disclosure.statOver(dp, 'mean', row.ids));
        }));
      }
      if (shareMissing) {
        this.remember(keyOf('share', to), inTurn((byDay) => {
          const dp = plans.get(to)!;
          const row = byDay.get(to) ?? empty;
          const sum = dp.plan.structure.sums(new Map(row.ids.map((id) => [id, 1]))).perGroup;
          return dayStat(dp, sum, this.disclosure.statOver(dp, 'share', row.ids));
        }));
      }
    }
    const dpTo = plans.get(to)!;
    const [means, active, mixByGroup] = await Promise.all([
      Promise.all(dayList.map(async (d) => [d, await this.recall(keyOf('mean', d))] as const)).then((e) => new Map(e)),
      this.recall(keyOf('share', to)),
      // The mix reads the events of the lookback: kept with the scores of `to` (what the score run counted).
      this.cache.get({ name: 'engagement.groups.mix', params: { to, plan: planId(dpTo), scores: versions.get(to) ?? 'unscored' }, tables: [], compute: () => this.mix(dpTo, null, to) }),
    ]);
    return { means, active, mixByGroup };
  }

  /** Keeps a day's statistic being computed (dropped if it fails; least recently used first past DAY_STATS). */
  private remember(key: string, stat: Promise<DayStat>): void {
    this.dayStats.set(key, stat);
    stat.catch(() => {
      if (this.dayStats.get(key) === stat) this.dayStats.delete(key);
    });
    while (this.dayStats.size > DAY_STATS) this.dayStats.delete(this.dayStats.keys().next().value!);
  }

  private recall(key: string): Promise<DayStat> {
    const stat = this.dayStats.get(key);
    if (!stat) throw new Error(`engagement groups: the statistic ${key} was dropped before it was read`);
    this.dayStats.delete(key); // most recently used last
    this.dayStats.set(key, stat);
    return stat;
  }

  private async compute(by: ScoreGroupBy, from: string, to: string, attribution: Attribution, core: DaysCore): Promise<GroupScoresDto> {
    const k = this.config.minGroupSize;
    const days: string[] = [];
    for (let d = Date.parse(from); d <= Date.parse(to); d += DAY_MS) days.push(new Date(d).toISOString().slice(0, 10));
    const plans = await this.disclosure.dayPlans(from, to);
    // The family a day's rows are read from: as it was on a past day whose directory differed, today's otherwise.
    const familyOn = (dp: DisclosurePlan) => (attribution === 'as_it_was' && dp.historyFrom && (HISTORY_FAMILIES as readonly string[]).includes(by) ? wasFamily(by) : by);
    const keyOn = (dp: DisclosurePlan, raw: string) => `${familyOn(dp)}:${raw}`;
    const dpTo = plans.get(to)!;
    const { means, active, mixByGroup } = core;

    // Rows: the family's groups on the last day, then those that existed only on earlier days of the range.
    const rawKey = (key: string, dp: DisclosurePlan) => key.slice(familyOn(dp).length + 1);
    const ofFamily = (dp: DisclosurePlan) => dp.plan.all().filter((g) => g.family === familyOn(dp));
    const family = ofFamily(dpTo);
    const ordered = [...family.filter((g) => g.shown).sort((a, b) => b.size - a.size || (a.key < b.key ? -1 : 1)), ...family.filter((g) => !g.shown).sort((a, b) => (a.key < b.key ? -1 : 1))].map((g) => rawKey(g.key, dpTo));
    const listed = new Set(ordered);
    for (const dp of new Set(plans.values())) {
      for (const g of ofFamily(dp)) {
        const key = rawKey(g.key, dp);
        if (!listed.has(key)) ordered.push(key);
        listed.add(key);
      }
    }
    const rows = ordered.slice(0, GROUP_ROWS_LIMIT);
    const labels = by === 'manager' ? await this.people.labels(rows) : new Map<string, string>();

    const groups = rows.map((key): GroupScoreRow => {
      const label = labels.get(key) || key;
      const meanOn = (day: string) => {
        const dp = plans.get(day)!;
        const g = dp.plan.get(keyOn(dp, key));
        const stat = means.get(day)!;
        const i = g ? dp.plan.structure.index.get(g.key)! : -1;
        const d = g?.shown ? stat.decisions[i] : { shown: false, reason: g?.reason ?? 'below_minimum' };
        return { day, mean_score: d.shown ? round(stat.sum[i] / g!.size) : null, hidden_reason: d.shown ? null : d.reason };
      };
      const trend = days.map(meanOn);
      const g = dpTo.plan.get(keyOn(dpTo, key));
      if (!g?.shown) {
        const reason = g?.reason ?? 'below_minimum';
        return { key, label, people: null, hidden_reason: reason, mean_score: null, mean_score_hidden: reason, active_share: null, active_share_hidden: reason, mix: null, mix_other: null, mix_hidden: reason, trend, suppressed: true };
      }
      const last = trend[trend.length - 1];
      const gi = dpTo.plan.structure.index.get(g.key)!;
      const a = active.decisions[gi];
      const mix = mixByGroup.get(g.key) ?? { shares: null, other: null, hidden: 'numerator' as HiddenReason };
      return {
        key,
        label,
        people: g.size,
        hidden_reason: null,
        mean_score: last.mean_score,
        mean_score_hidden: last.hidden_reason,
        active_share: a.shown ? round(active.sum[gi] / g.size, 4) : null,
        active_share_hidden: a.shown ? null : a.reason,
        mix: mix.shares as Partial<Record<EventType, number>> | null,
        mix_other: mix.other,
        mix_hidden: mix.hidden,
        trend,
        suppressed: false,
      };
    });
    return { by, from, to, min_group_size: k, as_of: dpTo.asOf, attribution, groups };
  }

  /**
   * The action mix on `day` of the shown groups of family `by`: per type, the people with points of that
   * type are the contributors of a 'mean' statistic checked over every group (planStat); then
   * releaseMix merges what fails, and more until the merged part has k people behind it.
   */
  private async mix(dp: DisclosurePlan, family: string | null, day: string) {
    const out = new Map<string, ReturnType<typeof releaseMix>>();
    const meta = await this.repo.day(day);
    const model = meta ? await this.models.get(meta.model_version) : null;
    if (!model) return out;
    const rows = await this.repo.personPoints(day, {
      types: [...EVENT_TYPES],
      weights: EVENT_TYPES.map((t) => model.weights[t]),
      halfLives: EVENT_TYPES.map((t) => model.halfLives[t]),
      caps: EVENT_TYPES.map((t) => model.dailyCaps[t] ?? 4294967295),
      lookback: model.lookbackDays,
    });
    const s = dp.plan.structure;
    const typeBit = new Map(EVENT_TYPES.map((t, i) => [t as string, 1 << i]));
    const maskOf = new Int32Array(s.populationSize);
    const perType = new Map(EVENT_TYPES.map((t) => [t as string, { points: new Map<string, number>(), people: new Map<string, number>() }]));
    for (const r of rows) {
      const t = perType.get(r.type);
      if (!t) continue;
      const bit = typeBit.get(r.type)!;
      r.people.forEach((person, k) => {
        const i = s.personIndex.get(person);
        const points = r.points[k];
        if (i === undefined || !(points > 0)) return;
        t.points.set(person, points);
        t.people.set(person, 1);
        maskOf[i] |= bit;
      });
    }
    // one planStat per event type: the loop pauses before each (see pauseLoop)
    const stats: { type: string; points: Map<string, number>; decisions: Map<string, StatDecision> }[] = [];
    for (const [type, t] of perType) {
      await pauseLoop();
      const counted = s.sums(t.people);
      stats.push({ type, points: s.sums(t.points).perGroup, decisions: this.disclosure.stat(dp, 'mean', counted.perGroup, counted.population) });
    }
    dp.plan.all().forEach((g, gi) => {
      if (!g.shown || (family !== null && g.family !== family)) return;
      const members = s.members[gi];
      const contributorsOf = (types: ReadonlySet<string>) => {
        let mask = 0;
        for (const t of types) mask |= typeBit.get(t) ?? 0;
        let n = 0;
        for (const p of members) if (maskOf[p] & mask) n++;
        return n;
      };
      const parts = stats.map((st) => ({ type: st.type, points: st.points.get(g.key) ?? 0, passes: st.decisions.get(g.key)?.shown ?? false }));
      out.set(g.key, releaseMix(parts, contributorsOf, this.config.minGroupSize, (x) => round(x, 4)));
    });
    return out;
  }
}
