import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import {
  addDays,
  AMBASSADOR_DEFINITION,
  AMBASSADOR_STAGE_DEFINITIONS,
  AMBASSADOR_STAGES,
  AMBASSADOR_WINDOW_WEEKS,
  type AmbassadorsResponse,
  DAY_MS,
  type HiddenReason,
  LEADER_ITEM_KINDS,
  LEADER_ITEMS_DEFINITION,
  LEADER_METRIC_DEFINITIONS,
  LEADER_QUEUE_BAND_KEYS,
  LEADER_QUEUE_BANDS,
  LEADER_QUEUE_DAYS,
  type LeaderQueueBand,
  type LeaderResponsivenessResponse,
  type LeaderResponsivenessRow,
  MANAGEMENT_SHARE_DEFINITION,
  mondayOf,
  PATTERN_GROUP_BY,
  type PatternGroupBy,
  type Persona,
  PERSONA_DEFINITIONS,
  PERSONA_MOVEMENT_DEFINITION,
  PERSONA_PERIOD_DEFINITION,
  PERSONAS,
  type PersonasResponse,
  POPULATION_DEFINITION,
  PURPOSE_DEFINITIONS,
  PURPOSE_PART_DEFINITIONS,
  PURPOSE_WINDOW_DAYS,
  type PurposeIndexPoint,
  PURPOSES,
  type PurposesResponse,
  round,
  STRATEGY_NO_AUDIENCE_REASON,
} from '@hubpulse/contracts';
import { POPULATION, type GroupPlan } from '@hubpulse/disclosure';
import { DisclosureService } from '../disclosure/disclosure.service';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { InvalidInputError } from '../common/errors';
import { releaseDays, releaseLeaders, type LeaderDecision } from './leader-release';
import { groupsOf, movementCodes, rowOf, union, weekCodes, type WeekCodes, type WeekView } from './pattern-tables';
import { PatternReleaseThread } from './release-thread';
import { EventsRepository, PatternsRepository, ScoresRepository, type LeaderItemRead, type TableName } from '@hubpulse/clickhouse';
import { releasePurposePoints } from './purpose-release';
import { checkRangeLength } from '../common/range-limit';
import { ReadCache } from '../common/read-cache';
import { pauseLoop } from '../common/event-loop';

const day = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
export const patternsQuerySchema = z.object({
  from: day.optional(),
  to: day.optional(),
  by: z.enum(PATTERN_GROUP_BY, { error: `must be one of ${PATTERN_GROUP_BY.join(', ')}` }).default('org'),
  /**
   * Whole weeks ending on `to` (default: the newest scored day, as the Engagement area anchors every
   * section), instead of `from`: the dashboard asks so without waiting for that day.
   */
  weeks: z.coerce.number({ error: 'must be a whole number of weeks' }).int('must be a whole number of weeks').min(1, 'must be at least 1').max(53, 'must be at most 53').optional(),
});
export type PatternsQuery = z.output<typeof patternsQuerySchema>;

const defs = <T extends Record<string, { label: string; definition: string }>>(d: T, keys: readonly string[]) =>
  keys.map((key) => ({ key, label: d[key].label, definition: d[key].definition }));

type Resolved = { from: string; to: string; by: PatternGroupBy };

/**
 * Shapes the pattern tables for the dashboard; every number leaves through the disclosure layer,
 * decided over every group of the plan whatever `by` asks (purpose-release, pattern-release,
 * leader-release say how).
 */
@Injectable()
export class PatternsService {
  constructor(
    private readonly repo: PatternsRepository,
    private readonly events: EventsRepository,
    private readonly scores: ScoresRepository,
    private readonly disclosure: DisclosureService,
    private readonly cache: ReadCache,
    private readonly release: PatternReleaseThread,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  /**
   * Default range: the 90 days ending at the newest event (or today when there is none). With
   * `weeks`: that many weeks ending on `to`, by default the newest scored day (then the newest event).
   */
  async resolve(q: PatternsQuery): Promise<Resolved> {
    if (q.weeks !== undefined && q.from !== undefined) throw new InvalidInputError(['weeks: give weeks or from, not both']);
    const newest = async () => (q.weeks !== undefined ? await this.scores.lastScoredDay() : null) ?? (await this.events.lastEventDay());
    const to = q.to ?? (await newest()) ?? new Date().toISOString().slice(0, 10);
    const from = q.from ?? addDays(to, q.weeks !== undefined ? 1 - 7 * q.weeks : -89);
    if (from > to) throw new InvalidInputError([`from: must not be after to (${from} > ${to})`]);
    await checkRangeLength(from, to, () => this.events.firstEventDay());
    return { from, to, by: q.by };
  }

  /**
   * A pattern view of `query` (range resolved) through the read cache: the same for every user, it
   * depends on what the plan decides (its content key: a rebuild that changed nothing keeps it), the
   * range and grouping, and the data of `tables`.
   */
  private async planned<T>(name: string, query: PatternsQuery, tables: readonly TableName[], compute: (q: Resolved) => Promise<T>): Promise<T> {
    const [q, { contentKey }] = await Promise.all([this.resolve(query), this.disclosure.plan()]);
    return this.cache.get({ name, params: { ...q, plan: contentKey }, tables, compute: () => compute(q) });
  }

  purposes(query: PatternsQuery): Promise<PurposesResponse> {
    return this.planned('patterns.purposes', query, ['pattern_purposes'], (q) => this.computePurposes(q));
  }

  personas(query: PatternsQuery): Promise<PersonasResponse> {
    return this.planned('patterns.personas', query, ['pattern_person_weeks'], (q) => this.computePersonas(q));
  }

  ambassadors(query: PatternsQuery): Promise<AmbassadorsResponse> {
    return this.planned('patterns.ambassadors', query, ['pattern_person_weeks'], (q) => this.computeAmbassadors(q));
  }

  leaders(query: PatternsQuery): Promise<LeaderResponsivenessResponse> {
    return this.planned('patterns.leaders', query, ['pattern_leader_items'], (q) => this.computeLeaders(q));
  }

  private async computePurposes({ from, to, by }: Resolved): Promise<PurposesResponse> {
    const k = this.config.minGroupSize;
    const [rows, { plan }] = await Promise.all([this.repo.purposes(from, to), this.disclosure.plan()]);
    const points = await releasePurposePoints(plan, rows);
    const strategyLinked = rows.some((r) => r.purpose === 'strategy');
    return {
      range: { from, to },
      by,
      min_group_size: k,
      window_days: PURPOSE_WINDOW_DAYS,
      population_definition: POPULATION_DEFINITION,
      management_share_definition: MANAGEMENT_SHARE_DEFINITION,
      parts: Object.entries(PURPOSE_PART_DEFINITIONS).map(([key, definition]) => ({ key, label: key.replaceAll('_', ' '), definition })),
      indices: PURPOSES.map((purpose) => {
        const d = PURPOSE_DEFINITIONS[purpose];
        const groups = new Map<string, PurposeIndexPoint[]>();
        for (const r of rows) if (r.purpose === purpose && r.group_kind === by) groups.set(r.group_value, [...(groups.get(r.group_value) ?? []), points.get(r)!]);
        return {
          purpose,
          label: d.label,
          definition: d.definition,
          numerator_definition: d.numerator,
          denominator_definition: d.denominator,
          unavailable_reason: purpose === 'strategy' && !strategyLinked ? STRATEGY_NO_AUDIENCE_REASON : null,
          groups: [...groups].map(([group, days]) => ({ group, latest: days.at(-1) ?? null, days })),
        };
      }),
    };
  }

  /** Per week, each person's value of `column` (persona or stage), weeks with a Monday in [fromWeek, toWeek]: read a week at a time (PatternsRepository.personWeek), as parallel arrays. */
  private async weekValues(fromWeek: string, toWeek: string, column: 'persona' | 'stage'): Promise<Map<string, { people: string[]; values: string[] }>> {
    const weeks = new Map<string, { people: string[]; values: string[] }>();
    for (let w = fromWeek; w <= toWeek; w = addDays(w, 7)) {
      const { people, personas, stages } = await this.repo.personWeek(w);
      weeks.set(w, { people, values: column === 'persona' ? personas : stages });
    }
    return weeks;
  }

  private async computePersonas({ from, to, by }: Resolved): Promise<PersonasResponse> {
    const k = this.config.minGroupSize;
    const [fromWeek, toWeek] = [mondayOf(from), mondayOf(to)];
    // the week before the range too: movement into the first week is checked against its table
    const [values, dp] = await Promise.all([this.weekValues(addDays(fromWeek, -7), toWeek, 'persona'), this.disclosure.plan()]);
    const plan = dp.plan;
    // every week at once (the release threads take them in parallel), each sent as soon as it is coded
    const codes = new Map<string, WeekCodes>();
    const asked = await askEach([...values], ([week, v]) => {
      const c = weekCodes(plan, v, PERSONAS);
      codes.set(week, c);
      return this.release.week(dp, c, PERSONAS, undefined, weekRoute(week));
    });
    const tables = new Map<string, WeekView<Persona>>([...values.keys()].map((week, i) => [week, asked[i]]));
    const weeks = [...tables].filter(([week]) => week >= fromWeek && tables.get(week)!.total(POPULATION));
    const pairs = PERSONAS.flatMap((f) => PERSONAS.map((t) => `${f}>${t}` as const));
    // Movement from a week to the next: a person's pair of personas as a code (from × personas + to),
    // and the cells withheld because a persona count is hidden in either week (their sum would be it),
    // as group indices. Typed arrays throughout: as maps of person ids and sets of group keys, a week
    // held the API's event loop for 1.3–2.6 s at 100,000 people and 12,500 groups.
    const moves: { week: string; decision: Promise<WeekView<string>> }[] = [];
    for (const [week, now] of weeks) {
      const before = tables.get(addDays(week, -7));
      const prev = values.get(addDays(week, -7));
      if (!before || !prev || prev.people.length === 0) continue;
      const moved = movementCodes(codes.get(addDays(week, -7))!, codes.get(week)!, PERSONAS.length);
      const hiddenNow = PERSONAS.map((c) => now.hiddenIn(c));
      const hiddenBefore = PERSONAS.map((c) => before.hiddenIn(c));
      const withhold = new Map(pairs.map((pair, j) => [pair, union(hiddenBefore[Math.floor(j / PERSONAS.length)], hiddenNow[j % PERSONAS.length])]));
      const decision = this.release.week(dp, moved, pairs, withhold, weekRoute(week));
      decision.catch(() => undefined); // awaited below with the others; not unhandled meanwhile
      moves.push({ week, decision });
    }
    const decided = await Promise.all(moves.map((m) => m.decision));
    const movement: PersonasResponse['movement'] = [];
    for (const [i, { week }] of moves.entries()) {
      const m = decided[i];
      movement.push({
        week,
        from_week: addDays(week, -7),
        groups: groupsOf(plan, by, (key) => m.total(key)).map((g) => {
          const r = rowOf(m, g.key);
          return {
            group: g.label,
            cells: pairs.map((pair) => {
              const [f, t] = pair.split('>') as [Persona, Persona];
              return { from: f, to: t, people: r.counts[pair], suppressed: r.hidden[pair] !== null, hidden_reason: r.hidden[pair] };
            }),
          };
        }),
      });
    }
    return {
      range: { from, to },
      by,
      min_group_size: k,
      period: 'iso_week',
      period_definition: PERSONA_PERIOD_DEFINITION,
      movement_definition: PERSONA_MOVEMENT_DEFINITION,
      personas: defs(PERSONA_DEFINITIONS, PERSONAS),
      weeks: weeks.map(([week, w]) => ({
        week,
        groups: groupsOf(plan, by, (key) => w.total(key)).map((g) => {
          const r = rowOf(w, g.key);
          return { group: g.label, population: r.population, population_hidden: r.population_hidden, counts: r.counts, hidden: r.hidden, suppressed: r.suppressed };
        }),
      })),
      movement,
    };
  }

  private async computeAmbassadors({ from, to, by }: Resolved): Promise<AmbassadorsResponse> {
    const k = this.config.minGroupSize;
    const [values, dp] = await Promise.all([this.weekValues(mondayOf(from), mondayOf(to), 'stage'), this.disclosure.plan()]);
    const plan = dp.plan;
    const weeks: AmbassadorsResponse['weeks'] = [];
    const nonEmpty = [...values].filter(([, v]) => v.people.length > 0);
    // every week at once (the release threads take them in parallel), each sent as soon as it is coded
    const decided = await askEach(nonEmpty, ([week, v]) => this.release.week(dp, weekCodes(plan, v, AMBASSADOR_STAGES), AMBASSADOR_STAGES, undefined, weekRoute(week)));
    for (const [i, [week]] of nonEmpty.entries()) {
      const w = decided[i];
      weeks.push({
        week,
        groups: groupsOf(plan, by, (key) => w.total(key)).map((g) => {
          const r = rowOf(w, g.key);
          return { group: g.label, population: r.population, population_hidden: r.population_hidden, stages: r.counts, hidden: r.hidden, suppressed: r.suppressed };
        }),
      });
    }
    return {
      range: { from, to },
      by,
      min_group_size: k,
      definition: AMBASSADOR_DEFINITION,
      window_weeks: AMBASSADOR_WINDOW_WEEKS,
      stages: defs(AMBASSADOR_STAGE_DEFINITIONS, AMBASSADOR_STAGES),
      weeks,
    };
  }

  private async computeLeaders({ from, to, by }: Resolved): Promise<LeaderResponsivenessResponse> {
    const k = this.config.minGroupSize;
    const queueFrom = addDays(to, 1 - LEADER_QUEUE_DAYS);
    const [all, { plan }] = await Promise.all([this.repo.leaderItems(from < queueFrom ? from : queueFrom, to), this.disclosure.plan()]);
    const end = Date.parse(`${addDays(to, 1)}T00:00:00Z`);
    const at = (t: string) => Date.parse(`${t.replace(' ', 'T')}Z`);
    const inRange = all.filter((i) => i.raised_at.slice(0, 10) >= from);
    const waiting = all.filter((i) => i.raised_at.slice(0, 10) >= queueFrom && (i.first_reply_at === null || at(i.first_reply_at) >= end));
    const rows: LeaderResponsivenessRow[] = [];
    const groups = by === 'org' ? [{ key: POPULATION, label: '' }] : groupsOf(plan, by, (key) => plan.get(key)?.size ?? 0);
    const memberOf = (key: string) => (key === POPULATION ? null : new Set(Array.from(plan.structure.members[plan.structure.index.get(key)!], (i) => personIds(plan)[i])));
    let orgDecision: LeaderDecision = { askers: 'below_minimum', answers: 'below_minimum' };
    for (const kind of ['all', ...LEADER_ITEM_KINDS] as const) {
      const ofKind = (l: LeaderItemRead[]) => (kind === 'all' ? l : l.filter((i) => i.kind === kind));
      const released = releaseLeaders(plan, ofKind(inRange), ofKind(waiting));
      if (kind === 'all') orgDecision = released.rows.get(POPULATION)!;
      for (const g of groups) {
        const members = memberOf(g.key);
        const mine = (l: LeaderItemRead[]) => (members ? ofKind(l).filter((i) => members.has(i.asker_id)) : ofKind(l));
        const items = mine(inRange);
        if (items.length === 0 && mine(waiting).length === 0) continue;
        const d = released.rows.get(g.key) ?? { askers: 'below_minimum', answers: 'below_minimum' };
        const qd = released.queue.get(g.key);
        const queueHidden: HiddenReason | null = qd ? qd.reason : mine(waiting).length > 0 ? 'below_minimum' : null;
        const q = queueNumbers(mine(waiting), end, queueHidden);
        const numbers = itemNumbers(items, d);
        rows.push({ group: g.label, kind, ...numbers, ...q, suppressed: numbers.suppressed || q.queue_hidden !== null });
      }
    }
    const dayItems = [...new Set(inRange.map((i) => i.raised_at.slice(0, 10)))].sort().map((day) => ({ day, items: inRange.filter((i) => i.raised_at.slice(0, 10) === day) }));
    const dayDecisions = releaseDays(dayItems, k, { askers: orgDecision.askers === null, answers: orgDecision.answers === null });
    return {
      range: { from, to },
      by,
      min_group_size: k,
      definition: LEADER_ITEMS_DEFINITION,
      metrics: Object.entries(LEADER_METRIC_DEFINITIONS).map(([key, definition]) => ({ key, label: key.replaceAll('_', ' '), definition })),
      queue_bands: LEADER_QUEUE_BANDS.map((b) => ({ key: b.key, label: b.label, from_days: b.from, to_days: b.to })),
      groups: rows.sort((a, b) => (a.group + a.kind < b.group + b.kind ? -1 : 1)),
      days: dayItems.map((d) => ({ day: d.day, ...itemNumbers(d.items, dayDecisions.get(d.day)!) })),
    };
  }
}

/** The release thread route of a week (its number since 1970): neighbouring weeks go to different threads, a week always to the same one. */
const weekRoute = (monday: string) => Math.floor(Date.parse(`${monday}T00:00:00Z`) / (7 * DAY_MS));

const personIdCache = new WeakMap<GroupPlan, string[]>();
/** Person ids by their index in the plan's population. */
function personIds(plan: GroupPlan): string[] {
  let ids = personIdCache.get(plan);
  if (!ids) {
    ids = [];
    for (const [p, i] of plan.structure.personIndex) ids[i] = p;
    personIdCache.set(plan, ids);
  }
  return ids;
}

/** Raised, answered, share and median of a list of items, as the decision allows. */
function itemNumbers(items: readonly LeaderItemRead[], d: LeaderDecision) {
  const replies = items.filter((i) => i.first_reply_at !== null).map((i) => (Date.parse(`${i.first_reply_at!.replace(' ', 'T')}Z`) - Date.parse(`${i.raised_at.replace(' ', 'T')}Z`)) / 3_600_000);
  const shown = d.answers === null;
  return {
    raised: d.askers === null ? items.length : null,
    answered: shown ? replies.length : null,
    answered_share: shown && items.length > 0 ? round((100 * replies.length) / items.length) : null,
    median_reply_hours: shown && replies.length > 0 ? round(median(replies)) : null,
    suppressed: d.askers !== null || d.answers !== null,
    hidden_reason: d.askers,
    answers_hidden: d.answers,
  };
}

/** The unanswered queue at the end of the period by age band. */
function queueNumbers(items: readonly LeaderItemRead[], end: number, hidden: HiddenReason | null) {
  const queue = Object.fromEntries(LEADER_QUEUE_BAND_KEYS.map((b) => [b, hidden === null ? 0 : null])) as Record<LeaderQueueBand, number | null>;
  if (hidden === null) {
    for (const i of items) {
      const ageDays = (end - Date.parse(`${i.raised_at.replace(' ', 'T')}Z`)) / DAY_MS;
      const band = LEADER_QUEUE_BANDS.findLast((b) => b.from <= ageDays) ?? LEADER_QUEUE_BANDS[0];
      queue[band.key] = (queue[band.key] ?? 0) + 1;
    }
  }
  return { queue, queue_total: hidden === null ? items.length : null, queue_hidden: hidden };
}

/** Median of the values (the mean of the middle two for an even count, as quantileExactInclusive). */
function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/**
 * `ask` for each item in order, letting other requests in between (pauseLoop: coding a week at
 * 100,000 people takes some milliseconds of the event loop), then every answer in order. A failure
 * is reported once all were asked, never as unhandled meanwhile.
 */
async function askEach<T, R>(items: readonly T[], ask: (item: T) => Promise<R>): Promise<R[]> {
  const answers: Promise<R>[] = [];
  for (const item of items) {
    const answer = ask(item);
    answer.catch(() => undefined);
    answers.push(answer);
    await pauseLoop();
  }
  return Promise.all(answers);
}
