import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { addDays } from '@hubpulse/contracts';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import type { GoalLinkEntity, ProgrammeEntity } from '@hubpulse/database';
import {
  checkWindows,
  planGroups,
  planStat,
  planVersions,
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
  /**
   * The directory's history as today's plan was built over it: the change days (oldest first) and,
   * per stretch between them (the last: today's), the groups whose version there is hidden, with the
   * reason (planVersions); and how many distinct versions were planned. Past days' plans read it; it
   * changes only with the directory.
   */
  history: { changes: readonly string[]; refused: readonly ReadonlyMap<string, HiddenReason>[]; versions: number };
  builtMs: number;
  /** Changes whenever anything the plan is built from may have (the day, the directory, memberships, links, programmes). */
  fingerprint: string;
  /**
   * What the plan decides, as a hash: its population (in index order), every group's key, members
   * and decision. Equal keys mean equal decisions for any statistic, so per-day answers derived from
   * a plan are kept under it (engagement groups): a rebuild that changed nothing (a segment run
   * that found the same people) keeps them, where the fingerprint would not.
   */
  contentKey: string;
}

/**
 * See DisclosurePlan.contentKey. Groups and people are hashed in the plan's order (the directory is
 * read by person id, segments by id: a rebuild of the same data has the same order), each group's
 * members sorted. Per-day answers index their arrays by that order, so equal keys must mean it too.
 */
export function planContentKey(plan: GroupPlan): string {
  const h = createHash('sha1');
  const s = plan.structure;
  for (const id of s.personIndex.keys()) h.update(id).update('\u0000');
  plan.all().forEach((d, i) => {
    h.update(`\u0001${s.groups[i].key}\u0000${d.shown ? 1 : 0}${d.reason ?? ''}\u0000`);
    const m = Int32Array.from(s.members[i]).sort(); // a segment's members come in no set order
    h.update(new Uint8Array(m.buffer, m.byteOffset, m.byteLength));
  });
  return h.digest('base64url');
}

/** Before any stint (Date32's first day): change days are read from here, so every stretch of the history is. */
const HISTORY_START = '1900-01-01';
/** Directory reads in flight at once while stretches are read or planned (each is one ClickHouse query). */
const STRETCH_READS = 4;

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
      const plan = this.build(asOf, snapshot.links, snapshot.programmes, fingerprint);
      this.cached = { fingerprint, plan };
      plan.catch(() => {
        if (this.cached?.plan === plan) this.cached = null;
      });
    }
    return this.cached.plan;
  }

  private async build(asOf: string, links: readonly GoalLinkEntity[], programmes: readonly ProgrammeEntity[], fingerprint: string): Promise<DisclosurePlan> {
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
    const history = await this.history(asOf, population, groups);
    const plan = planGroups(population, groups, this.k, history.refused[history.refused.length - 1]);
    const builtMs = Date.now() - started;
    this.log.log(
      `disclosure plan: ${groups.length} groups over ${population.size} people, ${plan.all().filter((g) => !g.shown).length} hidden, ${history.changes.length} change days (${history.versions} versions), ${builtMs} ms`,
    );
    return { plan, groups, asOf, population, history, builtMs, fingerprint, contentKey: planContentKey(plan) };
  }

  /**
   * Which versions of the directory's groups may be shown on any day: one plan over every distinct
   * version of every department, location and manager tree across the history's stretches and
   * today's (planVersions). Decided over the whole history, never a requested range, so answers to
   * many requests combine into nothing that plan did not check. Every stretch is read at once, in
   * one query; only the decisions are kept.
   */
  private async history(asOf: string, population: ReadonlySet<string>, today: readonly GroupSpec[]): Promise<DisclosurePlan['history']> {
    const changes = await this.registry.changeDays(addDays(HISTORY_START, 1), asOf);
    const stretches = (await this.registry.historyOn(changes.map((_, i) => stretchStart(changes, i)))).map(directoryGroups);
    const { refused, versions } = planVersions(population, [...stretches, today], this.k);
    return { changes, refused, versions };
  }

  /**
   * The plan of each day of [from, to] for views that count people under their group as it was that
   * day: today's plan for the days since the last change of the directory, and for each earlier
   * stretch between changes a plan holding today's groups and those of that stretch (see
   * planWithHistory in @hubpulse/disclosure), with the versions planVersions hid over the history hidden.
   * Views asked "as of today" use the same plans, so both answers about one day were checked against
   * each other. Each stretch the range touches is planned once for the request (read STRETCH_READS at
   * a time, cached across requests up to PAST_PLANS), and the request keeps all of its own.
   */
  async dayPlans(from: string, to: string): Promise<Map<string, DisclosurePlan>> {
    const current = await this.plan();
    const fingerprint = this.cached?.fingerprint ?? '';
    const { changes } = current.history;
    const stretchOf = new Map<string, number>();
    let i = 0;
    for (let day = from; day <= to; day = addDays(day, 1)) {
      while (i < changes.length && changes[i] <= day) i++;
      stretchOf.set(day, i);
    }
    const wanted = [...new Set(stretchOf.values())].filter((s) => s < changes.length);
    const plans = new Map<number, DisclosurePlan>(await mapInOrder(wanted, (s) => this.pastPlan(fingerprint, current, s).then((p) => [s, p] as const)));
    return new Map([...stretchOf].map(([day, s]) => [day, plans.get(s) ?? current]));
  }

  /** The plan of stretch `s` (< the number of change days), from the cache or built. */
  private pastPlan(fingerprint: string, current: DisclosurePlan, s: number): Promise<DisclosurePlan> {
    const key = `${fingerprint}|until:${current.history.changes[s]}`;
    let plan = this.past.get(key);
    if (plan) {
      this.past.delete(key); // most recently used last
      this.past.set(key, plan);
      return plan;
    }
    plan = this.buildOn(stretchStart(current.history.changes, s), current, current.history.refused[s]);
    this.past.set(key, plan);
    plan.catch(() => this.past.delete(key));
    while (this.past.size > DisclosureService.PAST_PLANS) this.past.delete(this.past.keys().next().value!);
    return plan;
  }

  private async buildOn(day: string, current: DisclosurePlan, refused: ReadonlyMap<string, HiddenReason>): Promise<DisclosurePlan> {
    const started = Date.now();
    const then = directoryGroups(await this.registry.directoryOn(day, current.asOf));
    const notAdmitted = { today: current.history.refused[current.history.refused.length - 1], then: refused };
    const plan = planWithHistory(current.population, current.groups, then, this.k, current.plan, notAdmitted);
    const builtMs = Date.now() - started;
    this.log.log(`disclosure plan of ${day} (directory as it was): ${plan.all().length} groups, ${plan.all().filter((g) => !g.shown).length} hidden, ${builtMs} ms`);
    return { ...current, plan, builtMs, historyFrom: day, contentKey: planContentKey(plan) };
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

/** The first day of stretch `s` of the history (stretch 0: the day before the first change, any day before it reads the same). */
function stretchStart(changes: readonly string[], s: number): string {
  return s === 0 ? addDays(changes[0], -1) : changes[s - 1];
}

/**
 * `read` over `items` with up to STRETCH_READS in flight, `use` on each result in the items' order as
 * soon as it and those before it are read, so no more than STRETCH_READS results are held; returns
 * what `use` returned, in order.
 */
async function mapInOrder<T, R, U = R>(items: readonly T[], read: (item: T) => Promise<R>, use: (r: R) => U = (r) => r as unknown as U): Promise<U[]> {
  const pending: Promise<R>[] = [];
  const out: U[] = [];
  let started = 0;
  for (let i = 0; i < items.length; i++) {
    while (pending.length < STRETCH_READS && started < items.length) {
      const p = read(items[started++]);
      p.catch(() => undefined); // awaited below in order; a failure then rejects the whole call
      pending.push(p);
    }
    out.push(use(await pending.shift()!));
  }
  return out;
}
