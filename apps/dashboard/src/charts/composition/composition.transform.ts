// Who is in a segment (or a preview): the largest departments, locations and titles, and the
// engagement distribution. Hidden cells stay hidden (null, with the reason); shares are of the shown
// total only and only for shown cells, so nothing hidden can be worked out from them.

import {
  COMPOSITION_OTHER,
  type CellSuppression,
  type CompositionTableDto,
  type SegmentCompositionDto,
} from '@hubpulse/contracts';

export interface CompositionBar {
  key: string;
  label: string;
  count: number | null;
  suppressed: CellSuppression | null;
  /** count / total, when both are shown. */
  share: number | null;
  /** The bar's length: share of the largest shown count, 0–1 (0 for hidden cells: no bar is drawn). */
  width: number;
  /** The "everything else" row, or a value missing in the directory. */
  muted: boolean;
}

export function cellLabel(value: string, table: Pick<CompositionTableDto, 'cells' | 'distinct'>): string {
  if (value === '') return '(not set)';
  if (value === COMPOSITION_OTHER) {
    const named = table.cells.filter((c) => c.value !== COMPOSITION_OTHER).length;
    const rest = Math.max(0, table.distinct - named);
    return rest > 0 ? `All others (${rest} more)` : 'All others';
  }
  return value;
}

/** Bars in the server's order of size, "All others" last. */
export function buildCompositionBars(table: CompositionTableDto): CompositionBar[] {
  const cells = [...table.cells].sort((a, b) => {
    if (a.value === COMPOSITION_OTHER) return 1;
    if (b.value === COMPOSITION_OTHER) return -1;
    return (b.count ?? -1) - (a.count ?? -1);
  });
  const max = Math.max(0, ...cells.map((c) => c.count ?? 0));
  return cells.map((c) => ({
    key: c.value === '' ? '(empty)' : c.value,
    label: cellLabel(c.value, table),
    count: c.count,
    suppressed: c.count === null ? (c.suppressed ?? 'below_minimum') : null,
    share: c.count !== null && table.total !== null && table.total > 0 ? c.count / table.total : null,
    width: c.count !== null && max > 0 ? c.count / max : 0,
    muted: c.value === COMPOSITION_OTHER || c.value === '',
  }));
}

export interface ScoreBar {
  key: string;
  label: string;
  from: number;
  to: number;
  count: number | null;
  suppressed: CellSuppression | null;
}

/** The engagement distribution: one bar per score band (organisation percentile), then "no score". */
export function buildScoreBars(score: SegmentCompositionDto['score']): ScoreBar[] {
  const bars: ScoreBar[] = [...score.bins]
    .sort((a, b) => a.from - b.from)
    .map((b) => ({ key: `${b.from}-${b.to}`, label: `${b.from}–${b.to}`, from: b.from, to: b.to, count: b.count, suppressed: b.count === null ? (b.suppressed ?? 'below_minimum') : null }));
  return bars;
}

export function hasScoreData(bars: readonly ScoreBar[]): boolean {
  return bars.some((b) => b.count === null || b.count > 0);
}
