import { isSmall, meanRule, shareRule, type HiddenReason } from '@hubpulse/disclosure';

/**
 * What the Content area may show, decided with the primary rules of the disclosure layer
 * (@hubpulse/disclosure: share, mean and count rules) and the subtractions a reader can do between
 * the groups one content view shows side by side:
 *
 * - a share (readers of an item within its audience, openers of a newsletter issue among its
 *   recipients, clickers among openers): x ≥ k and n − x ≥ k, for every shown cell and for the total;
 * - a cell strictly inside another shown cell or the total (a segment inside everyone, a smaller
 *   segment inside a larger one): the people of the larger not in the smaller, with their x, must pass
 *   the same rule (or be nobody) — else the smaller cell is hidden ('difference'), e.g. the reach of a
 *   segment minus the reach of everyone;
 * - disjoint cells (departments): the total minus the shown cells must pass it too (or be nobody) —
 *   else the smallest shown cell is hidden ('remainder'), until it does;
 * - a sum over people (interactions, comments, leader replies): the group has ≥ k people and ≥ k of
 *   them contributed (mean rule).
 *
 * Every function here is pure: the content service gathers the figures, these decide.
 */

/** A share's figures: x of n people. */
export interface ShareFigures {
  n: number;
  x: number;
}

/** A cell of a view: its figures, and which other cells (or 'total') strictly contain it. */
export interface ShareCell extends ShareFigures {
  key: string;
  /** Cells (or the total) strictly containing this one, with the figures of their difference. */
  inside?: { key: string; diff: ShareFigures }[];
  /** A reason decided before (the group plan hides the group everywhere): the cell shows nothing. */
  hidden?: HiddenReason | null;
}

export interface ShareDecision {
  shown: boolean;
  reason: HiddenReason | null;
}

export const TOTAL = 'total';

/** A set the reader can form by subtraction fails when it holds 1..k−1 people or its share fails. */
function setFails(f: ShareFigures, k: number): boolean {
  return f.n > 0 && (isSmall(f.n, k) || shareRule(f.x, f.n, k) !== null);
}

/**
 * Decides a share for `total` (or null when the view does not show one) and `cells`. `partition`:
 * the cells are disjoint parts of the total (departments of the recipients), so the total minus the
 * shown cells is a set the reader knows too.
 */
export function decideShares(total: ShareFigures | null, cells: readonly ShareCell[], k: number, partition = false): Map<string, ShareDecision> {
  const out = new Map<string, ShareDecision>();
  const totalReason = total ? shareRule(total.x, total.n, k) : null;
  if (total) out.set(TOTAL, { shown: totalReason === null, reason: totalReason });
  for (const c of cells) {
    const reason = c.hidden ?? shareRule(c.x, c.n, k);
    out.set(c.key, { shown: reason === null, reason });
  }
  const isShown = (key: string) => out.get(key)?.shown === true;
  for (;;) {
    let victim: { key: string; reason: HiddenReason } | null = null;
    // difference: a shown cell inside a shown larger one, smallest first
    const inner = cells.filter((c) => isShown(c.key)).sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
    for (const c of inner) {
      const conflict = (c.inside ?? []).find((p) => isShown(p.key) && setFails(p.diff, k));
      if (conflict) {
        victim = { key: c.key, reason: 'difference' };
        break;
      }
    }
    if (!victim && partition && total && isShown(TOTAL)) {
      const shownCells = cells.filter((c) => isShown(c.key));
      const rest = { n: total.n - shownCells.reduce((s, c) => s + c.n, 0), x: total.x - shownCells.reduce((s, c) => s + c.x, 0) };
      if (shownCells.length > 0 && setFails(rest, k)) victim = { key: [...shownCells].sort((a, b) => a.n - b.n || a.key.localeCompare(b.key))[0].key, reason: 'remainder' };
    }
    if (!victim) return out;
    out.set(victim.key, { shown: false, reason: victim.reason });
  }
}

/** A sum over people (interactions, comments): shown when the group has ≥ k people and ≥ k contributed. */
export function decideSum(groupSize: number, contributors: number, k: number): HiddenReason | null {
  return meanRule(groupSize, contributors, k);
}

/**
 * Attention by day since publishing: new readers per day (day 0 = the publishing day), merged into
 * consecutive buckets of at least k readers each, so that any sum or difference of shown buckets
 * (and the total) describes 0 or ≥ k people. A last bucket under k joins the one before it; with
 * fewer than k readers in all, nothing is shown.
 */
export interface DecayBucket {
  /** First and last day since publishing the bucket covers. */
  from_day: number;
  to_day: number;
  readers: number;
}

export function decayBuckets(perDay: ReadonlyMap<number, number>, k: number): DecayBucket[] {
  const days = [...perDay.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const out: DecayBucket[] = [];
  let open: DecayBucket | null = null;
  for (const [day, n] of days) {
    if (!open) open = { from_day: day, to_day: day, readers: 0 };
    open.to_day = day;
    open.readers += n;
    if (open.readers >= k) {
      out.push(open);
      open = null;
    }
  }
  if (open) {
    const last = out[out.length - 1];
    if (!last) return [];
    last.to_day = open.to_day;
    last.readers += open.readers;
  }
  return out;
}

/**
 * The decay as released beside the item's shown audience readers: the buckets' total must be exactly
 * those readers, else the two would differ by the people counted in one and not the other (the
 * repository counts both under one condition; this is the guard). Shares are of that total.
 */
export function releaseDecay(perDay: ReadonlyMap<number, number>, readers: number, k: number): { decay: (DecayBucket & { share: number })[]; hidden: HiddenReason | null } {
  const buckets = decayBuckets(perDay, k);
  const total = buckets.reduce((s, b) => s + b.readers, 0);
  if (buckets.length === 0) return { decay: [], hidden: 'below_minimum' };
  if (total !== readers) return { decay: [], hidden: 'difference' };
  return { decay: buckets.map((b) => ({ ...b, share: b.readers / total })), hidden: null };
}

/** Released value: the number or null, with the reason. */
export interface ReleasedFigure {
  value: number | null;
  hidden: HiddenReason | null;
}

export const figure = (value: number, hidden: HiddenReason | null): ReleasedFigure => ({ value: hidden ? null : value, hidden });
export const rate = (x: number, n: number, hidden: HiddenReason | null): ReleasedFigure => figure(n > 0 ? x / n : 0, hidden ?? (n > 0 ? null : 'below_minimum'));
