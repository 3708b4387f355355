import type { HiddenReason } from '@hubpulse/contracts';
/**
 * The primary rules of disclosure control: what a single number about a group of people needs to be
 * released. k is the minimum group size (`HUBPULSE_MIN_GROUP_SIZE`). Zero counts as "fewer than k"
 * everywhere: "nobody in this group did X" is a statement about each of them.
 *
 * - a count of people: at least k.
 * - a share (x of n people did something — a rate, an active share, a read rate): x ≥ k AND n − x ≥ k.
 *   With x < k the few who did are singled out; with n − x < k the few who did not are ("everyone in
 *   Finance but two read it").
 * - a mean or a sum over people (a mean score, an event count): the group has ≥ k people AND at least k
 *   of them contributed (had a non-zero value). A mean over 12 people of whom 11 scored 0 is one
 *   person's score divided by 12.
 */

export { HIDDEN_REASONS, hiddenReasonText, type HiddenReason } from '@hubpulse/contracts';

/** A number as it may leave the API: the value, or null with the reason. */
export interface Released<T> {
  value: T | null;
  hidden: HiddenReason | null;
}

export const shown = <T>(value: T): Released<T> => ({ value, hidden: null });
export const hiddenAs = <T>(hidden: HiddenReason): Released<T> => ({ value: null, hidden });

/** 1..k−1: a difference that would describe a few people (0 describes nobody). */
export const isSmall = (n: number, k: number): boolean => n >= 1 && n < k;

/** Rule for a count of people. */
export function countRule(n: number, k: number): HiddenReason | null {
  return n < k ? 'below_minimum' : null;
}

/** Rule for x of n people (a share): both x and n − x must be at least k. */
export function shareRule(x: number, n: number, k: number): HiddenReason | null {
  if (n < k) return 'below_minimum';
  if (x < k) return 'numerator';
  if (n - x < k) return 'complement';
  return null;
}

/** Rule for a mean or sum over n people of whom `contributors` had a non-zero value. */
export function meanRule(n: number, contributors: number, k: number): HiddenReason | null {
  if (n < k) return 'below_minimum';
  if (contributors < k) return 'numerator';
  return null;
}

/** The kinds of statistic the layer knows how to check; each has its rule above. */
export type StatKind = 'count' | 'share' | 'mean';

/** The rule of a statistic kind for a group of `n` people with `x` counted (people counted, or contributors). */
export function ruleFor(kind: StatKind, x: number, n: number, k: number): HiddenReason | null {
  switch (kind) {
    case 'count':
      return countRule(x, k);
    case 'share':
      return shareRule(x, n, k);
    case 'mean':
      return meanRule(n, x, k);
  }
}
