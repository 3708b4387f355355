import type { ContentKind, DemoOrganisation } from './demo.types';

/** How fast interest in a feed item fades, per day since publication. */
const DECAY: Partial<Record<ContentKind, number>> = { microblog: 0.55, blog: 0.75, document: 0.8, question: 0.6 };
/** How many days back a feed reaches. */
const REACH_DAYS = 7;

/** A weighted bag of content indexes: draw with `pick(u)` for a uniform `u` in [0, 1). */
class WeightedPool {
  readonly items: number[] = [];
  private readonly cumulative: number[] = [];
  private total = 0;

  add(item: number, weight: number): void {
    this.total += weight;
    this.items.push(item);
    this.cumulative.push(this.total);
  }

  get size(): number {
    return this.items.length;
  }

  /** Binary search on the running totals; -1 when empty. */
  pick(u: number): number {
    if (this.items.length === 0) return -1;
    const target = u * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

export interface DayPools {
  microblog: WeightedPool;
  blog: WeightedPool;
  question: WeightedPool;
  document: WeightedPool;
  /** Documents by department: people mostly open their own department's files. */
  documentByDepartment: WeightedPool[];
}

/**
 * What a feed offers on day `day`: items of the last week (including the same day — the caller
 * moves a view after publication), weighted by appeal and fading with age. Content is sorted by
 * publication, so the week is one contiguous range found from `from`.
 */
export function buildDayPools(org: DemoOrganisation, day: number, from: number): { pools: DayPools; next: number } {
  const pools: DayPools = {
    microblog: new WeightedPool(), blog: new WeightedPool(), question: new WeightedPool(), document: new WeightedPool(),
    documentByDepartment: org.departments.map(() => new WeightedPool()),
  };
  const meta = org.contentMeta;
  let start = from;
  while (start < meta.length && meta[start].day < day - REACH_DAYS + 1) start++;
  for (let i = start; i < meta.length && meta[i].day <= day; i++) {
    const m = meta[i];
    const decay = DECAY[m.kind];
    if (decay === undefined) continue;
    const weight = m.appeal * Math.pow(decay, day - m.day);
    if (m.kind === 'document') pools.documentByDepartment[m.department].add(i, weight);
    pools[m.kind as 'microblog' | 'blog' | 'question' | 'document'].add(i, weight);
  }
  return { pools, next: start };
}
