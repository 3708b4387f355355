import { Inject, Injectable } from '@nestjs/common';
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
import { HISTORY_FAMILIES, wasFamily, type StatDecision } from '@hubpulse/disclosure';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { PeopleRepository, ScoresRepository } from '@hubpulse/clickhouse';
import { ScoringModelsRepository } from '@hubpulse/database';
import { DisclosureService, type DisclosurePlan } from '../disclosure/disclosure.service';
import { releaseMix } from './score-mix-rule';

/** Rows shown per family; every decision is still taken over all groups of the plan. */
const GROUP_ROWS_LIMIT = 500;
const NOT_ASKED: StatDecision = { shown: false, reason: 'below_minimum' };

/** One day's statistic over every group of the plan: x per group key and the decision. */
interface DayStat {
  sum: Map<string, number>;
  decisions: Map<string, StatDecision>;
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
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  async groups(by: ScoreGroupBy, from: string, to: string, attribution: Attribution = 'as_it_was'): Promise<GroupScoresDto> {
    const k = this.config.minGroupSize;
    const days: string[] = [];
    for (let d = Date.parse(from); d <= Date.parse(to); d += DAY_MS) days.push(new Date(d).toISOString().slice(0, 10));
    const plans = await this.disclosure.dayPlans(from, to);
    // The family a day's rows are read from: as it was on a past day whose directory differed, today's otherwise.
    const familyOn = (dp: DisclosurePlan) => (attribution === 'as_it_was' && dp.historyFrom && (HISTORY_FAMILIES as readonly string[]).includes(by) ? wasFamily(by) : by);
    const keyOn = (dp: DisclosurePlan, raw: string) => `${familyOn(dp)}:${raw}`;
    const dpTo = plans.get(to)!;
    const [daily, mixByGroup] = await Promise.all([this.repo.dailyScores(from, to), this.mix(dpTo, familyOn(dpTo), to)]);
    const byDay = new Map(daily.map((d) => [d.day, d]));
    const means = new Map<string, DayStat>();
    let active: DayStat | null = null;
    for (const day of days) {
      const dp = plans.get(day)!;
      const row = byDay.get(day) ?? { ids: [], scores: [] };
      const s = dp.plan.structure;
      const sum = s.sums(new Map(row.ids.map((id, i) => [id, Number(row.scores[i])]))).perGroup;
      means.set(day, { sum, decisions: this.disclosure.statOver(dp, 'mean', row.ids) });
      if (day === to) active = { sum: s.sums(new Map(row.ids.map((id) => [id, 1]))).perGroup, decisions: this.disclosure.statOver(dp, 'share', row.ids) };
    }

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
        const d = g?.shown ? (stat.decisions.get(g.key) ?? NOT_ASKED) : { shown: false, reason: g?.reason ?? 'below_minimum' };
        return { day, mean_score: d.shown ? round((stat.sum.get(g!.key) ?? 0) / g!.size) : null, hidden_reason: d.shown ? null : d.reason };
      };
      const trend = days.map(meanOn);
      const g = dpTo.plan.get(keyOn(dpTo, key));
      if (!g?.shown) {
        const reason = g?.reason ?? 'below_minimum';
        return { key, label, people: null, hidden_reason: reason, mean_score: null, mean_score_hidden: reason, active_share: null, active_share_hidden: reason, mix: null, mix_other: null, mix_hidden: reason, trend, suppressed: true };
      }
      const last = trend[trend.length - 1];
      const a = active!.decisions.get(g.key) ?? NOT_ASKED;
      const mix = mixByGroup.get(g.key) ?? { shares: null, other: null, hidden: 'numerator' as HiddenReason };
      return {
        key,
        label,
        people: g.size,
        hidden_reason: null,
        mean_score: last.mean_score,
        mean_score_hidden: last.hidden_reason,
        active_share: a.shown ? round((active!.sum.get(g.key) ?? 0) / g.size, 4) : null,
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
  private async mix(dp: DisclosurePlan, family: string, day: string) {
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
      const i = s.personIndex.get(r.person_id);
      if (!t || i === undefined || !(r.points > 0)) continue;
      t.points.set(r.person_id, r.points);
      t.people.set(r.person_id, 1);
      maskOf[i] |= typeBit.get(r.type)!;
    }
    const stats = [...perType].map(([type, t]) => {
      const counted = s.sums(t.people);
      return { type, points: s.sums(t.points).perGroup, decisions: this.disclosure.stat(dp, 'mean', counted.perGroup, counted.population) };
    });
    dp.plan.all().forEach((g, gi) => {
      if (!g.shown || g.family !== family) return;
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
