import type { SegmentSummaryDto } from '../segments.types';

/** Starter segments first (in the order shipped), then the rest by name. */
export function sortSegments<T extends Pick<SegmentSummaryDto, 'starter' | 'name' | 'created_at'>>(segments: readonly T[]): T[] {
  return [...segments].sort((a, b) => {
    if (a.starter !== b.starter) return a.starter ? -1 : 1;
    if (a.starter) return a.created_at.localeCompare(b.created_at) || a.name.localeCompare(b.name);
    return a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
  });
}
