// Shaping for personas: weekly counts (stacked bars), the latest week beside each definition, the
// week-to-week transition matrix, the comparison of groups (the exports' rows are contracts' personasTable and personaMovementTable). Counts only, never names.

import { type HiddenReason, type Persona, type PersonaCounts, type PersonasResponse } from '@hubpulse/contracts';
import { addDays } from '@hubpulse/contracts';
import { formatInteger, formatShortDay } from '../../lib/format';
import { summarizeCategories } from '../shared/chart-summary';
import { valueCell, type ChartTableModel } from '../shared/chart-table';

export interface PersonaDef {
  key: Persona;
  label: string;
  definition: string;
}

/** The personas in the server's order (inactive first), with their definitions. */
export function personaDefs(resp: Pick<PersonasResponse, 'personas'>): PersonaDef[] {
  return resp.personas.map((p) => ({ key: p.key as Persona, label: p.label, definition: p.definition }));
}

function orgRow(groups: PersonaCounts[], group?: string): PersonaCounts | undefined {
  return group === undefined ? groups[0] : groups.find((g) => g.group === group);
}

export type PersonaWeekBar = { week: string; suppressed: boolean; hidden: Partial<Record<Persona, HiddenReason | null>> } & Partial<Record<Persona, number | null>>;

/** One stacked bar per week; a hidden count leaves its segment out. */
export function buildPersonaWeeks(resp: PersonasResponse, group?: string): PersonaWeekBar[] {
  return resp.weeks.map((w) => {
    const row = orgRow(w.groups, group);
    return { week: w.week.slice(0, 10), suppressed: !row || row.suppressed, hidden: row?.hidden ?? {}, ...(row?.counts ?? {}) };
  });
}

export interface PersonaRow extends PersonaDef {
  people: number | null;
  /** Why `people` is hidden (null: shown). */
  hidden: HiddenReason | null;
  /** Share of the group's population, 0–1. */
  share: number | null;
  /** People compared with the week before; null when either is hidden. */
  change: number | null;
}

/**
 * The newest week that is complete (its Sunday on or before the end of the range): the current
 * week counts only the days so far and would read as a sudden drop.
 */
export function lastCompleteWeek(weeks: readonly string[], rangeTo: string): string | undefined {
  const complete = weeks.filter((w) => addDays(w.slice(0, 10), 6) <= rangeTo.slice(0, 10));
  return (complete.at(-1) ?? weeks.at(-1))?.slice(0, 10);
}

/** A complete week's counts (default: the newest complete one), each with its definition and its change from the week before. */
export function buildPersonaRows(
  resp: PersonasResponse,
  group?: string,
  week?: string,
): { week: string | null; population: number | null; populationHidden: HiddenReason | null; rows: PersonaRow[] } {
  const weeks = resp.weeks;
  const target = week ?? lastCompleteWeek(weeks.map((w) => w.week), resp.range.to);
  const i = weeks.findIndex((w) => w.week.slice(0, 10) === target);
  const last = i === -1 ? undefined : weeks[i];
  const prev = i > 0 ? weeks[i - 1] : undefined;
  const now = last ? orgRow(last.groups, group) : undefined;
  const before = prev ? orgRow(prev.groups, group) : undefined;
  const population = now?.population ?? null;
  return {
    week: last?.week.slice(0, 10) ?? null,
    population,
    populationHidden: now?.population_hidden ?? null,
    rows: personaDefs(resp).map((d) => {
      const people = now?.counts[d.key] ?? null;
      const was = before?.counts[d.key] ?? null;
      return {
        ...d,
        people,
        hidden: now?.hidden?.[d.key] ?? null,
        share: people !== null && population ? people / population : null,
        change: people !== null && was !== null && before ? people - was : null,
      };
    }),
  };
}

export interface TransitionMatrix {
  week: string;
  fromWeek: string;
  personas: PersonaDef[];
  /** cells[from][to]: people, null = hidden. */
  cells: Record<string, Record<string, number | null>>;
  /** reasons[from][to]: why a cell is hidden. */
  reasons: Record<string, Record<string, HiddenReason | null>>;
  /** People per "from" persona (sum of the row), null when any cell is hidden. */
  rowTotals: Record<string, number | null>;
  /** The largest shown cell, for shading. */
  max: number;
}

/** Movement into `week` (default: the newest complete week) from the week before, for one group. */
export function buildTransitionMatrix(resp: PersonasResponse, week?: string, group?: string): TransitionMatrix | null {
  const target = week ?? lastCompleteWeek(resp.movement.map((m) => m.week), resp.range.to);
  const move = resp.movement.find((m) => m.week.slice(0, 10) === target);
  if (!move) return null;
  const g = group === undefined ? move.groups[0] : move.groups.find((x) => x.group === group);
  if (!g) return null;
  const personas = personaDefs(resp);
  const cells: TransitionMatrix['cells'] = {};
  const reasons: TransitionMatrix['reasons'] = {};
  for (const p of personas) cells[p.key] = Object.fromEntries(personas.map((q) => [q.key, 0]));
  let max = 0;
  for (const c of g.cells) {
    (cells[c.from] ??= {})[c.to] = c.suppressed ? null : c.people;
    (reasons[c.from] ??= {})[c.to] = c.hidden_reason ?? null;
    if (!c.suppressed && c.people !== null) max = Math.max(max, c.people);
  }
  const rowTotals: TransitionMatrix['rowTotals'] = {};
  for (const p of personas) {
    const vals = Object.values(cells[p.key]);
    rowTotals[p.key] = vals.some((v) => v === null) ? null : vals.reduce<number>((s, v) => s + (v ?? 0), 0);
  }
  return { week: move.week.slice(0, 10), fromWeek: move.from_week.slice(0, 10), personas, cells, reasons, rowTotals, max };
}

/** Group × persona shares in the latest week, for comparing departments or locations. */
export function buildPersonaGroupRows(
  resp: PersonasResponse,
): Pick<PersonaCounts, 'group' | 'population' | 'population_hidden' | 'suppressed' | 'counts' | 'hidden'>[] {
  const last = resp.weeks.at(-1);
  return [...(last?.groups ?? [])]
    .sort((a, b) => a.group.localeCompare(b.group))
    .map((g) => ({ group: g.group, population: g.population, population_hidden: g.population_hidden, suppressed: g.suppressed, counts: g.counts, hidden: g.hidden }));
}




/**
 * The weekly persona chart's text alternative: the span, then the latest week's largest and smallest
 * personas and which are hidden there (a missing count is hidden, as the chart's tooltip says).
 */
export function personaWeeksSummary(bars: readonly PersonaWeekBar[], personas: readonly PersonaDef[]): string {
  if (bars.length === 0) return 'People per persona and week: nothing to show.';
  const last = bars[bars.length - 1];
  const span = bars.length === 1 ? `the week of ${formatShortDay(last.week)}` : `${bars.length} weeks, ${formatShortDay(bars[0].week)} to ${formatShortDay(last.week)}`;
  const latest = summarizeCategories({
    what: `In the week of ${formatShortDay(last.week)}, people per persona`,
    items: personas.map((p) => ({ label: p.label, value: last[p.key] ?? null, hidden: (last[p.key] ?? null) === null })),
    format: formatInteger,
  });
  return `People per persona and week, ${span}. ${latest}`;
}

/** The weekly persona chart as a table: a row per week, a column per persona; a missing count is hidden with its reason. */
export function personaWeeksTable(bars: readonly PersonaWeekBar[], personas: readonly PersonaDef[]): ChartTableModel {
  return {
    caption: 'People per persona, by week',
    rowHeader: 'Week of',
    columns: personas.map((p) => ({ label: p.label, numeric: true })),
    rows: bars.map((b) => ({ key: b.week, label: formatShortDay(b.week), cells: personas.map((p) => valueCell(b[p.key] ?? null, formatInteger, { hidden: true, reason: b.hidden[p.key] ?? null })) })),
  };
}
