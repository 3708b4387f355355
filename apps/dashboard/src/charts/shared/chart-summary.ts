// The text alternative of a chart: a sentence or two a screen reader reads in place of the picture
// (and everyone sees under it). Pure: built from the same points the chart draws, so a number the
// disclosure layer hid is counted as hidden and never guessed, interpolated or read as 0.

/** One value of a chart. `value: null` with `hidden` is a number the API hid; without, there is none. */
export interface SummaryPoint {
  /** Says where the point is: "Nov 12", "Blog", "Sep 2026". */
  label: string;
  value: number | null;
  hidden?: boolean;
}

/** How the points of a series are counted in words: "day"/"days". */
export interface Noun {
  one: string;
  many: string;
}

export const DAYS: Noun = { one: 'day', many: 'days' };
export const WEEKS: Noun = { one: 'week', many: 'weeks' };
export const MONTHS: Noun = { one: 'month', many: 'months' };
export const RUNS: Noun = { one: 'run', many: 'runs' };
export const MINUTES: Noun = { one: 'time slot', many: 'time slots' };

function count(n: number, noun: Noun): string {
  return `${n} ${n === 1 ? noun.one : noun.many}`;
}

/** A change smaller than this share of the larger end reads as level, not as a rise or a fall. */
const LEVEL_TOLERANCE = 0.01;

/** "rose from 41.2% to 47.3%" · "fell from …" · "stayed level at about 41%" (first and last shown values). */
export function trendClause(first: number, last: number, format: (n: number) => string): string {
  const scale = Math.max(Math.abs(first), Math.abs(last));
  if (scale === 0 || Math.abs(last - first) <= scale * LEVEL_TOLERANCE) {
    return first === last ? `stayed at ${format(last)}` : `stayed about level, from ${format(first)} to ${format(last)}`;
  }
  return `${last > first ? 'rose' : 'fell'} from ${format(first)} to ${format(last)}`;
}

/** The first of the shown points with the largest (or smallest) value: a tie names the earliest. */
function extreme(points: readonly SummaryPoint[], pick: 'max' | 'min'): SummaryPoint | null {
  let best: SummaryPoint | null = null;
  for (const p of points) {
    if (p.value === null) continue;
    if (!best || (pick === 'max' ? p.value > (best.value as number) : p.value < (best.value as number))) best = p;
  }
  return best;
}

/** "3 days hidden for privacy; 2 days without data." — or '' when every point has a value. */
export function gapsSentence(points: readonly SummaryPoint[], noun: Noun): string {
  const hidden = points.filter((p) => p.value === null && p.hidden).length;
  const missing = points.filter((p) => p.value === null && !p.hidden).length;
  const parts = [hidden > 0 && `${count(hidden, noun)} hidden for privacy`, missing > 0 && `${count(missing, noun)} without data`].filter(Boolean);
  return parts.length ? `${capitalise(parts.join('; '))}.` : '';
}

export interface SeriesSummaryInput {
  /** What the line measures: "Engagement index". */
  what: string;
  points: readonly SummaryPoint[];
  format: (n: number) => string;
  noun: Noun;
}

/**
 * A line over time: the range it spans, how it moved from the first shown value to the last, its
 * highest and lowest shown values with where they fall, and how many points are hidden or empty.
 */
export function summarizeSeries({ what, points, format, noun }: SeriesSummaryInput): string {
  if (points.length === 0) return `${what}: nothing to show.`;
  const span = points.length === 1 ? points[0].label : `${points[0].label} to ${points[points.length - 1].label}`;
  const shown = points.filter((p) => p.value !== null);
  const gaps = gapsSentence(points, noun);
  const head = `${what}, ${span} (${count(points.length, noun)})`;
  if (shown.length === 0) return join(`${head}: no value is shown.`, gaps);
  if (shown.length === 1) return join(`${head}: one value shown, ${format(shown[0].value as number)} (${shown[0].label}).`, gaps);
  const first = shown[0];
  const last = shown[shown.length - 1];
  const max = extreme(shown, 'max') as SummaryPoint;
  const min = extreme(shown, 'min') as SummaryPoint;
  return join(
    `${head}: ${trendClause(first.value as number, last.value as number, format)}.`,
    `Highest ${format(max.value as number)} (${max.label}); lowest ${format(min.value as number)} (${min.label}).`,
    gaps,
  );
}

export interface CategorySummaryInput {
  /** What the bars count: "Events per channel". */
  what: string;
  items: readonly SummaryPoint[];
  format: (n: number) => string;
}

/** Bars by category: the largest and the smallest shown, and which are hidden. */
export function summarizeCategories({ what, items, format }: CategorySummaryInput): string {
  if (items.length === 0) return `${what}: nothing to show.`;
  const shown = items.filter((i) => i.value !== null);
  const hidden = items.filter((i) => i.value === null && i.hidden).map((i) => i.label);
  const hiddenText = hidden.length ? `Hidden for privacy: ${listText(hidden)}.` : '';
  if (shown.length === 0) return join(`${what}: no value is shown.`, hiddenText);
  if (shown.length === 1) return join(`${what}: ${shown[0].label} ${format(shown[0].value as number)}.`, hiddenText);
  const max = extreme(shown, 'max') as SummaryPoint;
  const min = extreme(shown, 'min') as SummaryPoint;
  return join(`${what} (${shown.length} shown): largest ${max.label}, ${format(max.value as number)}; smallest ${min.label}, ${format(min.value as number)}.`, hiddenText);
}

export interface MultiSeriesSummaryInput {
  /** What every line measures: "Daily mean score". */
  what: string;
  series: readonly { name: string; points: readonly SummaryPoint[] }[];
  format: (n: number) => string;
  noun: Noun;
}

/**
 * Several lines over the same points: the span, then per line how it moved, and which line ends
 * highest and lowest. A line with nothing shown says so.
 */
export function summarizeSeriesSet({ what, series, format, noun }: MultiSeriesSummaryInput): string {
  const points = series[0]?.points ?? [];
  if (series.length === 0 || points.length === 0) return `${what}: nothing to show.`;
  const span = points.length === 1 ? points[0].label : `${points[0].label} to ${points[points.length - 1].label}`;
  const lines = series.map(({ name, points: ps }) => {
    const shown = ps.filter((p) => p.value !== null);
    if (shown.length === 0) return `${name}: no value shown`;
    if (shown.length === 1) return `${name}: one value, ${format(shown[0].value as number)} (${shown[0].label})`;
    return `${name} ${trendClause(shown[0].value as number, shown[shown.length - 1].value as number, format)}`;
  });
  const ends = series
    .map(({ name, points: ps }) => ({ label: name, value: [...ps].reverse().find((p) => p.value !== null)?.value ?? null }))
    .filter((e) => e.value !== null);
  const max = extreme(ends, 'max');
  const min = extreme(ends, 'min');
  const ending = series.length > 1 && max && min && max !== min ? `Highest at its last value: ${max.label}, ${format(max.value as number)}; lowest: ${min.label}, ${format(min.value as number)}.` : '';
  const hidden = series.reduce((n, s) => n + s.points.filter((p) => p.value === null && p.hidden).length, 0);
  return join(
    `${what}, ${span} (${count(points.length, noun)}), ${series.length === 1 ? 'one line' : `${series.length} lines`}: ${lines.join('; ')}.`,
    ending,
    hidden > 0 ? `${hidden} ${hidden === 1 ? 'value' : 'values'} hidden for privacy.` : '',
  );
}

/** "A", "A and B", "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function join(...sentences: string[]): string {
  return sentences.filter(Boolean).join(' ');
}
