import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import {
  AMBASSADOR_DEFINITION,
  AMBASSADOR_STAGE_DEFINITIONS,
  AMBASSADOR_STAGES,
  AMBASSADOR_WINDOW_WEEKS,
  LEADER_ITEMS_DEFINITION,
  LEADER_METRIC_DEFINITIONS,
  LEADER_QUEUE_BANDS,
  LEADER_QUEUE_BAND_KEYS,
  MANAGEMENT_SHARE_DEFINITION,
  PATTERN_GROUP_BY,
  PERSONA_DEFINITIONS,
  PERSONA_MOVEMENT_DEFINITION,
  PERSONA_PERIOD_DEFINITION,
  PERSONAS,
  POPULATION_DEFINITION,
  PURPOSE_DEFINITIONS,
  PURPOSE_PART_DEFINITIONS,
  PURPOSE_WINDOW_DAYS,
  PURPOSES,
  STRATEGY_NO_AUDIENCE_REASON,
  SUPPRESSED_REASON,
  type AmbassadorsResponse,
  type LeaderQueueBand,
  type LeaderResponsivenessResponse,
  type LeaderResponsivenessRow,
  type PatternGroupBy,
  type PersonasResponse,
  type PurposeIndexPoint,
  type PurposesResponse,
} from '@hubpulse/contracts';
import { suppress, suppressValue } from '@hubpulse/disclosure';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { InvalidInputError } from '../common/errors';
import { parseOr400 } from '../common/zod';
import { PatternsRepository, type PurposeRowRead } from './patterns.repository';

const DAY_MS = 86_400_000;
const day = z.iso.date({ error: 'must be a date YYYY-MM-DD' });
export const patternsQuerySchema = z.object({
  from: day.optional(),
  to: day.optional(),
  by: z.enum(PATTERN_GROUP_BY, { error: `must be one of ${PATTERN_GROUP_BY.join(', ')}` }).default('org'),
});

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const mondayOf = (d: string) => addDays(d, -((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7));
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const defs = <T extends Record<string, { label: string; definition: string }>>(d: T, keys: readonly string[]) =>
  keys.map((key) => ({ key, label: d[key].label, definition: d[key].definition }));

/**
 * Shapes the pattern tables for the dashboard and applies the privacy guard: a people count below
 * the minimum group size is null, and so is every value over a group smaller than it.
 */
@Injectable()
export class PatternsService {
  constructor(
    private readonly repo: PatternsRepository,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  /** Default range: the 90 days ending at the newest event (or today when there is none). */
  async resolve(query: unknown): Promise<{ from: string; to: string; by: PatternGroupBy }> {
    const q = parseOr400(patternsQuerySchema, query);
    const to = q.to ?? (await this.repo.lastEventDay()) ?? new Date().toISOString().slice(0, 10);
    const from = q.from ?? addDays(to, -89);
    if (from > to) throw new InvalidInputError([`from: must not be after to (${from} > ${to})`]);
    if (Date.parse(to) - Date.parse(from) > 3660 * DAY_MS) throw new InvalidInputError(['from: range is limited to 10 years']);
    return { from, to, by: q.by };
  }

  async purposes(query: unknown): Promise<PurposesResponse> {
    const { from, to, by } = await this.resolve(query);
    const k = this.config.minGroupSize;
    const rows = await this.repo.purposes(from, to, by);
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
        for (const r of rows) if (r.purpose === purpose) groups.set(r.group_value, [...(groups.get(r.group_value) ?? []), purposePoint(r, k)]);
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

  async personas(query: unknown): Promise<PersonasResponse> {
    const { from, to, by } = await this.resolve(query);
    const k = this.config.minGroupSize;
    const [fromWeek, toWeek] = [mondayOf(from), mondayOf(to)];
    const [counts, moves] = await Promise.all([this.repo.weeklyCounts('persona', fromWeek, toWeek, by), this.repo.personaMoves(fromWeek, toWeek, by)]);
    const weeks = weekTable(counts, PERSONAS, k);
    const byWeek = new Map<string, Map<string, Map<string, number>>>();
    for (const m of moves) {
      const groups = byWeek.get(m.week) ?? byWeek.set(m.week, new Map()).get(m.week)!;
      const cells = groups.get(m.group_value) ?? groups.set(m.group_value, new Map()).get(m.group_value)!;
      cells.set(`${m.from}>${m.to}`, m.people);
    }
    return {
      range: { from, to },
      by,
      min_group_size: k,
      period: 'iso_week',
      period_definition: PERSONA_PERIOD_DEFINITION,
      movement_definition: PERSONA_MOVEMENT_DEFINITION,
      personas: defs(PERSONA_DEFINITIONS, PERSONAS),
      weeks: weeks.map((w) => ({ week: w.week, groups: w.groups.map((g) => ({ group: g.group, population: g.population, counts: g.counts, suppressed: g.suppressed })) })),
      movement: [...byWeek].sort(([a], [b]) => (a < b ? -1 : 1)).map(([week, groups]) => ({
        week,
        from_week: addDays(week, -7),
        groups: [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, cells]) => ({
          group,
          cells: PERSONAS.flatMap((f) =>
            PERSONAS.map((t) => {
              const people = suppress(cells.get(`${f}>${t}`) ?? 0, k);
              return { from: f, to: t, people, suppressed: people === null };
            }),
          ),
        })),
      })),
    };
  }

  async ambassadors(query: unknown): Promise<AmbassadorsResponse> {
    const { from, to, by } = await this.resolve(query);
    const k = this.config.minGroupSize;
    const counts = await this.repo.weeklyCounts('stage', mondayOf(from), mondayOf(to), by);
    return {
      range: { from, to },
      by,
      min_group_size: k,
      definition: AMBASSADOR_DEFINITION,
      window_weeks: AMBASSADOR_WINDOW_WEEKS,
      stages: defs(AMBASSADOR_STAGE_DEFINITIONS, AMBASSADOR_STAGES),
      weeks: weekTable(counts, AMBASSADOR_STAGES, k).map((w) => ({
        week: w.week,
        groups: w.groups.map((g) => ({ group: g.group, population: g.population, stages: g.counts, suppressed: g.suppressed })),
      })),
    };
  }

  async leaders(query: unknown): Promise<LeaderResponsivenessResponse> {
    const { from, to, by } = await this.resolve(query);
    const k = this.config.minGroupSize;
    const [aggregates, queue, days] = await Promise.all([
      this.repo.leaderAggregates(from, to, by),
      this.repo.leaderQueue(to, by, LEADER_QUEUE_BANDS.map((b) => b.from)),
      this.repo.leaderDays(from, to),
    ]);
    const rows = new Map<string, LeaderResponsivenessRow>();
    const emptyQueue = () => Object.fromEntries(LEADER_QUEUE_BAND_KEYS.map((b) => [b, 0])) as Record<LeaderQueueBand, number | null>;
    const row = (group: string, kind: string) => {
      const key = `${group}\u0000${kind}`;
      if (!rows.has(key)) {
        rows.set(key, { group, kind: kind as LeaderResponsivenessRow['kind'], raised: 0, answered: 0, answered_share: null, median_reply_hours: null, queue: emptyQueue(), queue_total: 0, suppressed: false });
      }
      return rows.get(key)!;
    };
    for (const a of aggregates) {
      const r = row(a.group_value, a.kind);
      const shown = a.askers >= k;
      Object.assign(r, {
        raised: suppressValue(a.raised, a.askers, k),
        answered: suppressValue(a.answered, a.askers, k),
        answered_share: suppressValue(a.raised > 0 ? round((100 * a.answered) / a.raised) : null, a.askers, k),
        median_reply_hours: suppressValue(a.median_hours === null ? null : round(a.median_hours), a.askers, k),
        suppressed: r.suppressed || !shown,
      });
    }
    // the queue is shown per group when the people waiting in it are at least the minimum group size
    const queueAskers = new Map<string, number>();
    for (const q of queue) {
      const r = row(q.group_value, q.kind);
      r.queue[LEADER_QUEUE_BAND_KEYS[q.band]] = (r.queue[LEADER_QUEUE_BAND_KEYS[q.band]] ?? 0) + q.items;
      r.queue_total = (r.queue_total ?? 0) + q.items;
      queueAskers.set(`${q.group_value}\u0000${q.kind}`, (queueAskers.get(`${q.group_value}\u0000${q.kind}`) ?? 0) + q.askers);
    }
    for (const [key, r] of rows) {
      // askers summed over bands can count someone twice; the guard errs towards hiding
      if ((queueAskers.get(key) ?? 0) > 0 && (queueAskers.get(key) ?? 0) < k) {
        r.queue = Object.fromEntries(LEADER_QUEUE_BAND_KEYS.map((b) => [b, null])) as Record<LeaderQueueBand, number | null>;
        r.queue_total = null;
        r.suppressed = true;
      }
    }
    return {
      range: { from, to },
      by,
      min_group_size: k,
      definition: LEADER_ITEMS_DEFINITION,
      metrics: Object.entries(LEADER_METRIC_DEFINITIONS).map(([key, definition]) => ({ key, label: key.replaceAll('_', ' '), definition })),
      queue_bands: LEADER_QUEUE_BANDS.map((b) => ({ key: b.key, label: b.label, from_days: b.from, to_days: b.to })),
      groups: [...rows.values()].sort((a, b) => (a.group + a.kind < b.group + b.kind ? -1 : 1)),
      days: days.map((d) => ({
        day: d.day,
        raised: suppressValue(d.raised, d.askers, k),
        answered: suppressValue(d.answered, d.askers, k),
        answered_share: suppressValue(d.raised > 0 ? round((100 * d.answered) / d.raised) : null, d.askers, k),
        median_reply_hours: suppressValue(d.median_hours === null ? null : round(d.median_hours), d.askers, k),
        suppressed: d.askers < k,
      })),
    };
  }
}

/**
 * One index point with the guard: nothing is shown over a group (denominator) below the minimum; the
 * numerator and every people part are hidden below it on their own. Conversation counts are not
 * people counts and follow the group.
 */
export function purposePoint(r: PurposeRowRead, k: number): PurposeIndexPoint {
  const groupShown = r.denominator >= k;
  const value = r.denominator > 0 ? round((100 * r.numerator) / r.denominator) : null;
  const parts: Record<string, number | null> = {};
  for (const [key, n] of Object.entries(r.parts)) {
    parts[key] = !groupShown ? null : key === 'conversations' || key === 'led_conversations' ? n : suppress(n, k);
  }
  const numerator = groupShown ? suppress(r.numerator, k) : null;
  const point: PurposeIndexPoint = {
    day: r.day,
    value: groupShown ? value : null,
    numerator,
    denominator: suppress(r.denominator, k),
    parts,
    suppressed: !groupShown || numerator === null || Object.values(parts).some((p) => p === null),
    reason: !groupShown ? (r.denominator === 0 ? 'Nobody in this group.' : SUPPRESSED_REASON) : null,
  };
  if (r.purpose === 'engagement') {
    const c = r.parts.conversations ?? 0;
    point.management_share = groupShown && c > 0 ? round((100 * (r.parts.led_conversations ?? 0)) / c) : null;
  }
  return point;
}

/** Weekly counts per group over a fixed list of keys; a group below the minimum shows nothing, a small count is hidden. */
function weekTable<K extends string>(
  rows: { week: string; group_value: string; key: string; people: number }[],
  keys: readonly K[],
  k: number,
): { week: string; groups: { group: string; population: number | null; counts: Record<K, number | null>; suppressed: boolean }[] }[] {
  const weeks = new Map<string, Map<string, Map<string, number>>>();
  for (const r of rows) {
    const groups = weeks.get(r.week) ?? weeks.set(r.week, new Map()).get(r.week)!;
    const counts = groups.get(r.group_value) ?? groups.set(r.group_value, new Map()).get(r.group_value)!;
    counts.set(r.key, r.people);
  }
  return [...weeks].map(([week, groups]) => ({
    week,
    groups: [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, counts]) => {
      const population = [...counts.values()].reduce((a, b) => a + b, 0);
      const shown = population >= k;
      const out = Object.fromEntries(keys.map((key) => [key, shown ? suppress(counts.get(key) ?? 0, k) : null])) as Record<K, number | null>;
      return { group, population: suppress(population, k), counts: out, suppressed: !shown || Object.values(out).some((v) => v === null) };
    }),
  }));
}
