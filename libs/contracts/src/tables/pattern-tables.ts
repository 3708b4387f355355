import type { AmbassadorStage, AmbassadorsResponse, LeaderResponsivenessResponse, LeaderResponsivenessRow, PersonasResponse, Persona, PurposesResponse } from '../patterns.types';
import type { HiddenReason } from '../privacy.types';
import type { ViewTable } from '../exports.types';
import { col, finishTable, type DraftCell } from './view-table';

// Engagement patterns as tables: the Purposes, Personas and Leaders pages' exports, from their DTOs.

/** A count the API left null: hidden, with the API's reason (or the general one when it gives none). */
const counted = (n: number | null | undefined, reason: HiddenReason | null | undefined): DraftCell => (n === null || n === undefined ? { hidden: reason ?? null } : n);

/** Every day of every purpose index and group. */
export function purposesTable(resp: PurposesResponse): ViewTable {
  const rows: DraftCell[][] = [];
  for (const index of resp.indices) {
    for (const g of index.groups) {
      for (const p of g.days) {
        const reason = p.hidden_reason ?? p.denominator_hidden ?? p.management_share_hidden ?? null;
        const value: DraftCell = p.value === null && reason ? { hidden: reason } : p.value;
        rows.push([index.purpose, resp.by, g.group, p.day.slice(0, 10), value, p.numerator, p.denominator, p.management_share ?? null, index.unavailable_reason ?? p.reason ?? null]);
      }
    }
  }
  return finishTable(
    [
      col('purpose', 'string', 'The purpose index (inform, align, connect, engage, act)'),
      col('group_by', 'string', 'How people are grouped (org, department, location)'),
      col('group', 'string', 'The group'),
      col('day', 'date', 'Day (UTC)'),
      col('index', 'float', 'The index, 0–100'),
      col('numerator', 'int', "People counted in the index's numerator"),
      col('denominator', 'int', "People in the index's population"),
      col('management_share', 'float', 'Share of the numerator who are managers, 0–1'),
      col('why_unavailable', 'string', 'Why the index has no value that day, when it is not privacy'),
    ],
    rows,
    resp.min_group_size,
  );
}

/** A week's group as the personas and ambassador reads give it: its population and one count per key. */
interface WeeklyGroup {
  group: string;
  population: number | null;
  population_hidden: HiddenReason | null;
  hidden?: Partial<Record<string, HiddenReason | null>> | null;
}

/** One row per week, group and key (a persona, a pipeline stage): how many people of the group. */
function weeklyCountsTable<G extends WeeklyGroup>(
  resp: { by: string; min_group_size: number; weeks: { week: string; groups: G[] }[] },
  keys: readonly string[],
  countOf: (g: G, key: string) => number | null | undefined,
  key: { name: string; description: string; people: string },
): ViewTable {
  const rows: DraftCell[][] = [];
  for (const w of resp.weeks) {
    for (const g of w.groups) {
      for (const k of keys) rows.push([w.week.slice(0, 10), resp.by, g.group, counted(g.population, g.population_hidden), k, counted(countOf(g, k), g.hidden?.[k] ?? g.population_hidden)]);
    }
  }
  return finishTable(
    [
      col('week', 'date', 'ISO week (its Monday)'),
      col('group_by', 'string', 'How people are grouped'),
      col('group', 'string', 'The group'),
      col('population', 'int', 'People in the group that week'),
      col(key.name, 'string', key.description),
      col('people', 'int', key.people),
    ],
    rows,
    resp.min_group_size,
  );
}

/** People per persona per ISO week and group. */
export function personasTable(resp: PersonasResponse): ViewTable {
  return weeklyCountsTable(resp, resp.personas.map((p) => p.key), (g, k) => g.counts[k as Persona], { name: 'persona', description: 'The persona', people: 'People of the group with that persona that week' });
}

/** Movement between personas from one week to the next, per group. */
export function personaMovementTable(resp: PersonasResponse): ViewTable {
  const rows: DraftCell[][] = [];
  for (const m of resp.movement) {
    for (const g of m.groups) {
      for (const c of g.cells) rows.push([m.from_week.slice(0, 10), m.week.slice(0, 10), resp.by, g.group, c.from, c.to, c.suppressed ? { hidden: c.hidden_reason ?? null } : c.people]);
    }
  }
  return finishTable(
    [
      col('from_week', 'date', 'The earlier ISO week'),
      col('to_week', 'date', 'The later ISO week'),
      col('group_by', 'string', 'How people are grouped'),
      col('group', 'string', 'The group'),
      col('from_persona', 'string', 'Persona in the earlier week'),
      col('to_persona', 'string', 'Persona in the later week'),
      col('people', 'int', 'People who moved so'),
    ],
    rows,
    resp.min_group_size,
  );
}

/** The pipeline from observer to ambassador per ISO week and group. */
export function ambassadorsTable(resp: AmbassadorsResponse): ViewTable {
  return weeklyCountsTable(resp, resp.stages.map((s) => s.key), (g, k) => g.stages[k as AmbassadorStage], { name: 'stage', description: 'The pipeline stage', people: 'People of the group at that stage that week' });
}

/** Groups by name; within a group "all" first, then Q&A, then the CEO blog. */
export function sortLeaderRows(rows: readonly LeaderResponsivenessRow[]): LeaderResponsivenessRow[] {
  const kindRank = (k: string) => (k === 'all' ? 0 : k === 'qa' ? 1 : 2);
  return [...rows].sort((a, b) => a.group.localeCompare(b.group) || kindRank(a.kind) - kindRank(b.kind));
}

/** Leader responsiveness per group and kind of item, with the unanswered queue by age. */
export function leadersTable(resp: LeaderResponsivenessResponse): ViewTable {
  const bands = resp.queue_bands.map((b) => b.key);
  const rows: DraftCell[][] = sortLeaderRows(resp.groups).map((r) => {
    const answers = r.hidden_reason ?? r.answers_hidden;
    const queue = r.hidden_reason ?? r.queue_hidden;
    const a = (v: number | null) => (v === null && answers ? { hidden: answers } : v);
    const q = (v: number | null | undefined) => (v === null || v === undefined ? (queue ? { hidden: queue } : null) : v);
    return [resp.range.from, resp.range.to, resp.by, r.group, r.kind, a(r.raised), a(r.answered), a(r.answered_share), a(r.median_reply_hours), q(r.queue_total), ...bands.map((b) => q(r.queue[b]))];
  });
  return finishTable(
    [
      col('from', 'date', 'First day of the range'),
      col('to', 'date', 'Last day of the range'),
      col('group_by', 'string', 'How people are grouped'),
      col('group', 'string', 'The group'),
      col('kind', 'string', 'all, qa (questions) or ceo_blog (feedback on the CEO blog)'),
      col('raised', 'int', 'Items raised in the range'),
      col('answered', 'int', 'Items a leader replied to'),
      col('answered_share', 'float', 'Share answered, 0–1'),
      col('median_reply_hours', 'float', 'Median hours to the first leader reply'),
      col('unanswered', 'int', 'Items still unanswered at the end of the range'),
      ...resp.queue_bands.map((b) => col(`unanswered_${b.key}`, 'int', `Unanswered items aged ${b.label ?? b.key}`)),
    ],
    rows,
    resp.min_group_size,
  );
}
