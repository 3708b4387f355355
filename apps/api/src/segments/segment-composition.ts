import { type SegmentPreviewCounts } from '@hubpulse/audiences';
import { suppressOverlappingSets, suppressTable } from '@hubpulse/disclosure';
import { COMPOSITION_OTHER, SEGMENT_COMPOSITION_DIMENSIONS, type CountSuppression, type SegmentCompositionDto } from '@hubpulse/contracts';

/**
 * Composition tables of a membership or a preview, under rule 2 of complementary suppression: every
 * table's cells add up to the size, so a single small hidden cell is protected by a second one, and a
 * hidden size (`hideTotal`) hides every table (otherwise the cells would add up to it).
 */
export function compositionDto(counts: SegmentPreviewCounts, k: number, hideTotal: boolean): SegmentCompositionDto {
  const by = Object.fromEntries(
    SEGMENT_COMPOSITION_DIMENSIONS.map((d) => {
      const c = counts.composition[d];
      const cells = [...c.values.map((v) => ({ key: v.value, count: v.count })), ...(c.other > 0 ? [{ key: COMPOSITION_OTHER, count: c.other }] : [])];
      const t = suppressTable(cells, counts.size, k, hideTotal);
      return [d, { total: t.total, cells: t.cells.map((x) => ({ value: x.key, count: x.count, suppressed: x.suppressed })), distinct: c.distinct, suppressed: t.suppressed }];
    }),
  ) as SegmentCompositionDto['by'];
  const UNSCORED = '__unscored__';
  const scoreCells = [...counts.score.bins.map((b, i) => ({ key: String(i), count: b.count })), { key: UNSCORED, count: counts.score.unscored }];
  const score = suppressTable(scoreCells, counts.size, k, hideTotal);
  const unscored = score.cells.find((c) => c.key === UNSCORED)!;
  return {
    size: hideTotal ? null : score.total,
    by,
    score: {
      bins: counts.score.bins.map((b, i) => ({ from: b.from, to: b.to, count: score.cells[i].count, suppressed: score.cells[i].suppressed })),
      unscored: unscored.count,
      unscored_suppressed: unscored.suppressed,
      suppressed: score.suppressed,
    },
  };
}

/** A lone size shown beside the population (preview): primary suppression and the complement rule. */
export function lonePreviewSize(size: number, population: number, k: number): { size: number | null; suppressed: CountSuppression | null } {
  const [, d] = suppressOverlappingSets(
    [
      { id: 'population', size: population, fixed: true },
      { id: 'preview', size },
    ],
    () => 0,
    k,
  );
  return { size: d.size, suppressed: d.reason };
}
