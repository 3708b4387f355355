import { compileSegmentRule, type CompiledSegmentSql, type SegmentCompileContext } from './segment-rule.compiler';

/**
 * The live preview of a rule in ONE ClickHouse query: size, composition by department / location /
 * title (top N each, the rest as `other`) and the engagement score distribution (10 bins of the
 * 0–100 organisation score, people without a score on the score day apart as `unscored`).
 * Raw counts: privacy suppression is the API's job (every count here may be smaller than the
 * minimum group size).
 */

export const SEGMENT_PREVIEW_DIMENSIONS = ['department', 'location', 'title'] as const;
export type SegmentPreviewDimension = (typeof SEGMENT_PREVIEW_DIMENSIONS)[number];
export const SEGMENT_PREVIEW_BINS = 10;
/** bin value of members without a score row. */
const UNSCORED = 255;

export interface SegmentPreviewCounts {
  /** Members. */
  size: number;
  /** People in the directory (the population every rule selects from). */
  population: number;
  /** Per dimension: the `top` largest values (largest first; '' = not set in the directory), the rest summed. */
  composition: Record<SegmentPreviewDimension, { values: { value: string; count: number }[]; other: number; distinct: number }>;
  /** Organisation score distribution of the members: bins [0,10), [10,20) … [90,100]. */
  score: { bins: { from: number; to: number; count: number }[]; unscored: number };
}

/** One row of the preview query. `g` tells the grouping set: 7 = department, 11 = location, 13 = title, 14 = bin, 15 = all. */
export interface SegmentPreviewRow {
  g: number | string;
  department: string;
  location: string;
  title: string;
  bin: number | string;
  n: number | string;
  population: number | string;
}

export function segmentPreviewQuery(rule: unknown, ctx: SegmentCompileContext): CompiledSegmentSql {
  const inner = compileSegmentRule(rule, ctx, { columns: 'preview' });
  const sql = `SELECT grouping(department, location, title, bin) AS g, department, location, title, bin, count() AS n,
       (SELECT count() FROM ${ctx.tables.people} FINAL) AS population
FROM (
  SELECT department, location, title,
         if(has_score = 1, least(toUInt8(floor(score / 10)), ${SEGMENT_PREVIEW_BINS - 1}), ${UNSCORED}) AS bin
  FROM (${inner.sql})
)
GROUP BY GROUPING SETS ((department), (location), (title), (bin), ())`;
  return { sql, params: inner.params };
}

/** Shapes the rows of segmentPreviewQuery. */
export function readSegmentPreview(rows: readonly SegmentPreviewRow[], top = 10): SegmentPreviewCounts {
  const num = (v: number | string) => Number(v);
  // grouping(department, location, title, bin): a bit is 1 where the column is NOT grouped (standard order, first = high bit).
  const sets: Record<number, SegmentPreviewDimension | 'bin' | 'all'> = { 0b0111: 'department', 0b1011: 'location', 0b1101: 'title', 0b1110: 'bin', 0b1111: 'all' };
  const groups: Record<SegmentPreviewDimension, { value: string; count: number }[]> = { department: [], location: [], title: [] };
  const bins = Array.from({ length: SEGMENT_PREVIEW_BINS }, (_, i) => ({ from: i * 10, to: (i + 1) * 10, count: 0 }));
  let unscored = 0;
  let size = 0;
  let population = 0;
  for (const r of rows) {
    population = num(r.population);
    const set = sets[num(r.g)];
    if (set === 'all') size = num(r.n);
    else if (set === 'bin') {
      const b = num(r.bin);
      if (b === UNSCORED) unscored += num(r.n);
      else if (bins[b]) bins[b].count += num(r.n);
    } else if (set) groups[set].push({ value: r[set], count: num(r.n) });
  }
  const composition = Object.fromEntries(
    SEGMENT_PREVIEW_DIMENSIONS.map((d) => {
      const sorted = groups[d].filter((v) => v.count > 0).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      const values = sorted.slice(0, top);
      return [d, { values, other: sorted.slice(top).reduce((s, v) => s + v.count, 0), distinct: sorted.length }];
    }),
  ) as SegmentPreviewCounts['composition'];
  return { size, population, composition, score: { bins, unscored } };
}
