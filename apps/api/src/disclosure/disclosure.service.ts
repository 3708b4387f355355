import { Inject, Injectable, Logger } from '@nestjs/common';
import { addDays } from '@hubpulse/contracts';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import type { GoalLinkEntity, ProgrammeEntity } from '@hubpulse/database';
import {
  checkWindows,
  planGroups,
  planStat,
  planWithHistory,
  type GroupContains,
  type GroupPlan,
  type GroupSpec,
  type HiddenReason,
  type StatDecision,
  type StatKind,
  type WindowedNumber,
} from '@hubpulse/disclosure';
import { directoryGroups, FAMILY_PRIORITY, GroupRegistryService, groupKey } from './group-registry.service';
import { ReleaseLedgerRepository } from './release-ledger.repository';

export interface DisclosurePlan {
  plan: GroupPlan;
  /** Every group of today's plan as given to it (a past day's plan adds the groups as they were). */
  groups: readonly GroupSpec[];
  /** For a past day's plan (planWithHistory): the first day it describes; null for today's plan. */
  historyFrom?: string | null;
  /** The day tenure bands are measured on (today, UTC): every view groups tenure as of this day. */
  asOf: string;
  /** Directory person ids (the population). */
  population: ReadonlySet<string>;
  builtMs: number;
}

/**
 * The API's door to @hubpulse/disclosure: the group plan over every group any view can show (built
 * from the registry, cached until the directory, a segment membership, a programme or a goal link
 * changes, or the day turns), statistics checked against it, and numbers over chosen windows checked
 * against what the user was already shown.
 */
@Injectable()
export class DisclosureService {
  private readonly log = new Logger(DisclosureService.name);
  private cached: { fingerprint: string; plan: Promise<DisclosurePlan> } | null = null;
  /**
   * Plans of past days whose directory differed from today's, by the change day that ended them;
   * least recently used dropped first. 40: a 30-day range with a change every day is built once
   * (~6 MB a plan on the demo: ~180 MB for 30; README → Performance → History as it was).
   */
  private readonly past = new Map<string, Promise<DisclosurePlan>>();
  private static readonly PAST_PLANS = 40;

  constructor(
    private readonly registry: GroupRegistryService,
    private readonly ledger: ReleaseLedgerRepository,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  get k(): number {
    return this.config.minGroupSize;
  }

  async plan(): Promise<DisclosurePlan> {
    const asOf = new Date().toISOString().slice(0, 10);
    const snapshot = await this.registry.snapshot();
    const fingerprint = `${asOf}|${snapshot.key}`;
    if (this.cached?.fingerprint !== fingerprint) {
      const plan = this.build(asOf, snapshot.links, snapshot.programmes);
      this.cached = { fingerprint, plan };
      plan.catch(() => {
        if (this.cached?.plan === plan) this.cached = null;
      });
    }
    return this.cached.plan;
  }

  private async build(asOf: string, links: readonly GoalLinkEntity[], programmes: readonly ProgrammeEntity[]): Promise<DisclosurePlan> {
    const started = Date.now();
    const [rows, segments] = await Promise.all([this.registry.directory(asOf), this.registry.segments()]);
    const groups: GroupSpec[] = directoryGroups(rows);
    // A segment's composition shows its people per department and location: those intersections are known.
    const composition = ['department', 'location'];
    for (const s of segments) groups.push({ key: groupKey.segment(s.id), family: 'segment', members: s.members, priority: FAMILY_PRIORITY.segment, crossTabbed: composition });
    const pins = programmes.flatMap((p) => (p.launchMembershipVersion === null ? [] : [{ id: p.id, segmentId: p.segmentId, version: Number(p.launchMembershipVersion) }]));
    for (const p of await this.registry.pinned(pins)) groups.push({ key: groupKey.programme(p.id), family: 'programme', members: p.members, priority: FAMILY_PRIORITY.programme, crossTabbed: composition });
    // Scope links: a union of departments or of locations that a leader picked.
    for (const l of links) {
      if (l.kind !== 'scope' || !l.scope || l.scope === 'organisation') continue;
      const wanted = new Set(l.scopeValues);
      const members = rows.filter((r) => wanted.has(l.scope === 'department' ? r.department : r.location)).map((r) => r.person_id);
      groups.push({ key: groupKey.link(l.id), family: 'link', members, priority: FAMILY_PRIORITY.link });
    }
    const population = new Set(rows.map((r) => r.person_id));
    const plan = planGroups(population, groups, this.k);
    const builtMs = Date.now() - started;
    this.log.log(`disclosure plan: ${groups.length} groups over ${population.size} people, ${plan.all().filter((g) => !g.shown).length} hidden, ${builtMs} ms`);
    return { plan, groups, asOf, population, builtMs };
  }

  /**
   * The plan of each day of [from, to] for views that count people under their group as it was that
   * day: today's plan for the days since the last change of the directory, and for each earlier
   * stretch between changes a plan holding today's groups and those of that stretch (see
   * planWithHistory in @hubpulse/disclosure). Views asked "as of today" use the same plans, so both
   * answers about one day were checked against each other.
   */
  async dayPlans(from: string, to: string): Promise<Map<string, DisclosurePlan>> {
    const current = await this.plan();
    const fingerprint = this.cached?.fingerprint ?? '';
    const changes = await this.registry.changeDays(addDays(from, 1), current.asOf);
    const out = new Map<string, DisclosurePlan>();
    let i = 0;
    for (let day = from; day <= to; day = addDays(day, 1)) {
      while (i < changes.length && changes[i] <= day) i++;
      if (i === changes.length) {
        out.set(day, current);
        continue;
      }
      const key = `${fingerprint}|until:${changes[i]}`;
      let plan = this.past.get(key);
      if (plan) {
        this.past.delete(key); // most recently used last
        this.past.set(key, plan);
      } else {
        plan = this.buildOn(day, current);
        this.past.set(key, plan);
        plan.catch(() => this.past.delete(key));
        while (this.past.size > DisclosureService.PAST_PLANS) this.past.delete(this.past.keys().next().value!);
      }
      out.set(day, await plan);
    }
    return out;
  }

  private async buildOn(day: string, current: DisclosurePlan): Promise<DisclosurePlan> {
    const started = Date.now();
    const then = directoryGroups(await this.registry.directoryOn(day, current.asOf));
    const plan = planWithHistory(current.population, current.groups, then, this.k, current.plan);
    const builtMs = Date.now() - started;
    this.log.log(`disclosure plan of ${day} (directory as it was): ${plan.all().length} groups, ${plan.all().filter((g) => !g.shown).length} hidden, ${builtMs} ms`);
    return { plan, groups: current.groups, asOf: current.asOf, population: current.population, builtMs, historyFrom: day };
  }

  /** The plan as admins read it (GET /api/privacy/groups). */
  async describePlan() {
    const { plan, asOf, builtMs } = await this.plan();
    const groups = plan.all().map((g) => ({ key: g.key, family: g.family, size: g.size, shown: g.shown, reason: g.reason, against: g.against }));
    const families = [...new Set(groups.map((g) => g.family))].map((family) => {
      const of = groups.filter((g) => g.family === family);
      return { family, groups: of.length, hidden: of.filter((g) => !g.shown).length };
    });
    return { min_group_size: this.k, as_of: asOf, population: plan.populationSize, built_ms: builtMs, families, groups };
  }

  /** Which groups may show a statistic whose counted people per group are `x` (see planStat). */
  stat(plan: DisclosurePlan, kind: StatKind, x: ReadonlyMap<string, number>, populationX: number | null): Map<string, StatDecision> {
    return planStat(plan.plan, kind, x, populationX);
  }

  /**
   * Which groups may show a statistic counted over `people` (e.g. who scored on a day, the
   * contributors of a mean): their count per group of the plan, checked with planStat. Every view
   * of a per-day mean asks this, so a group hidden in one view is hidden in all.
   */
  statOver(plan: DisclosurePlan, kind: StatKind, people: readonly string[]): Map<string, StatDecision> {
    const counted = plan.plan.structure.sums(new Map(people.map((id) => [id, 1])));
    return this.stat(plan, kind, counted.perGroup, counted.population);
  }

  /**
   * Numbers over user-chosen windows, decided against what `userId` was shown before and recorded
   * when released. Returns one reason (or null: shown) per number, in order. `shown`, given the
   * verdicts, says which of the passing numbers the caller will actually show (a list cut after
   * ranking); only those are recorded, under the same lock.
   */
  windows(userId: string, numbers: readonly WindowedNumber[], contains?: GroupContains, shown?: (verdicts: readonly (HiddenReason | null)[]) => readonly boolean[]): Promise<(HiddenReason | null)[]> {
    const stats = [...new Set(numbers.map((n) => n.stat))];
    return this.ledger.withLedger(userId, stats, (seen) => {
      const result = checkWindows(seen, numbers, this.k, contains);
      const keep = shown?.(result);
      return { result, released: numbers.filter((_, i) => result[i] === null && (keep?.[i] ?? true)) };
    });
  }
}
