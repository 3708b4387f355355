import { countRule, type HiddenReason } from '@hubpulse/disclosure';

/** One action type of a group's points on a day. */
export interface MixPart {
  type: string;
  points: number;
  /** Whether the type's points pass as a mean over people in this group (planStat over every group). */
  passes: boolean;
}

interface ReleasedMix {
  /** Shown types and their share of all the group's points. */
  shares: Record<string, number> | null;
  /** Share of the types merged together, when any was. */
  other: number | null;
  hidden: HiddenReason | null;
}

/**
 * The action mix of one group (share of its points per type), released part by part. A type whose
 * points fail as a mean over people (fewer than k contributors, in the group or in a difference from a
 * nested group: planStat decides) is merged into "other". "Other" is 1 − Σ shown shares, so it is a
 * number like any other: the people behind it (`contributorsOf(merged types)`, distinct people with
 * points in any of them) must be at least k, else the smallest shown type is merged too, and so on.
 * Types with no points are merged silently (a 0 share would say nobody in the group did them).
 *
 * Shares of differences are not checked: a share of P minus a share of C is not a share of P \ C
 * without both groups' point totals, and no view releases raw point totals of a group.
 */
export function releaseMix(parts: readonly MixPart[], contributorsOf: (types: ReadonlySet<string>) => number, k: number, round: (x: number) => number): ReleasedMix {
  const total = parts.reduce((s, p) => s + p.points, 0);
  if (total <= 0) return { shares: null, other: null, hidden: 'numerator' };
  const merged = new Set(parts.filter((p) => !p.passes || p.points <= 0).map((p) => p.type));
  let hidden: HiddenReason | null = parts.some((p) => !p.passes && p.points > 0) ? 'numerator' : null;
  const mergedPoints = () => parts.reduce((s, p) => s + (merged.has(p.type) ? p.points : 0), 0);
  while (mergedPoints() > 0 && countRule(contributorsOf(merged), k) !== null) {
    const next = parts.filter((p) => !merged.has(p.type)).sort((a, b) => a.points - b.points || (a.type < b.type ? -1 : 1))[0];
    if (!next) break;
    merged.add(next.type);
    hidden ??= 'complementary';
  }
  const shownParts = parts.filter((p) => !merged.has(p.type));
  if (shownParts.length === 0) return { shares: null, other: null, hidden: hidden ?? 'numerator' };
  const shares = Object.fromEntries(shownParts.map((p) => [p.type, round(p.points / total)]));
  const rest = mergedPoints();
  return { shares, other: rest > 0 ? round(rest / total) : null, hidden };
}
