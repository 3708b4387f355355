/**
 * The live preview of a rule in ONE ClickHouse query (segmentPreviewQuery, in the rule compiler):
 * size, composition by department / location / title (top N each, the rest as `other`) and the
 * engagement score distribution (10 bins of the 0–100 organisation score, people without a score
 * on the score day apart as `unscored`).
 * Raw counts: privacy suppression is the API's job (every count here may be smaller than the
 * minimum group size).
 */

export const SEGMENT_PREVIEW_DIMENSIONS = ['department', 'location', 'title'] as const;
export type SegmentPreviewDimension = (typeof SEGMENT_PREVIEW_DIMENSIONS)[number];
export const SEGMENT_PREVIEW_BINS = 10;
/** bin value of members without a score row. */
export const SEGMENT_PREVIEW_UNSCORED = 255;

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

/** The one row of the preview query: each dimension as parallel arrays of values and counts (sumMap). */
export interface SegmentPreviewRow {
  size: number | string;
  population: number | string;
  department: [string[], (number | string)[]];
  location: [string[], (number | string)[]];
  title: [string[], (number | string)[]];
  bin: [(number | string)[], (number | string)[]];
}

/** Shapes the row of segmentPreviewQuery (no row or an empty one: an empty segment). */
export function readSegmentPreview(rows: readonly SegmentPreviewRow[], top = 10): SegmentPreviewCounts {
  const r = rows[0];
  const pairs = (m: [(string | number)[], (number | string)[]] | undefined) => (m ? m[0].map((k, i) => [k, Number(m[1][i])] as const) : []);
  const bins = Array.from({ length: SEGMENT_PREVIEW_BINS }, (_, i) => ({ from: i * 10, to: (i + 1) * 10, count: 0 }));
  let unscored = 0;
  for (const [b, n] of pairs(r?.bin)) {
    if (Number(b) === SEGMENT_PREVIEW_UNSCORED) unscored += n;
    else if (bins[Number(b)]) bins[Number(b)].count += n;
  }
  const composition = Object.fromEntries(
    SEGMENT_PREVIEW_DIMENSIONS.map((d) => {
      const sorted = pairs(r?.[d])
        .filter(([, n]) => n > 0)
        .map(([value, count]) => ({ value: String(value), count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      return [d, { values: sorted.slice(0, top), other: sorted.slice(top).reduce((s, v) => s + v.count, 0), distinct: sorted.length }];
    }),
  ) as SegmentPreviewCounts['composition'];
  return { size: Number(r?.size ?? 0), population: Number(r?.population ?? 0), composition, score: { bins, unscored } };
}
