/**
 * Why a number about people is not shown. Every DTO that can hide a number carries one of these beside
 * it (the disclosure-control layer, libs/disclosure, decides; README's "Privacy model" explains).
 */
export const HIDDEN_REASONS = [
  /** The group has fewer than k people (0 included). */
  'below_minimum',
  /** Fewer than k people are counted in the number (a rate's numerator, a mean's contributors). */
  'numerator',
  /** Fewer than k people of the group are NOT counted (a rate near 100 %). */
  'complement',
  /** Shown beside another group that differs from it by 1..k−1 people, it would describe those few. */
  'difference',
  /** The population minus the shown groups would leave 1..k−1 people. */
  'remainder',
  /** The group minus its shown subgroups (a manager's tree minus the reports' trees) would leave 1..k−1 people: merged upward. */
  'hierarchy',
  /** Hidden so that another hidden number cannot be worked out from the shown ones. */
  'complementary',
  /** Differs from the same number over a neighbouring or nested period by 1..k−1 people. */
  'period',
  /** Differs by 1..k−1 people from a number over an overlapping period already shown to this user. */
  'earlier_release',
  /** The group's members on this day differ by 1..k−1 people from its members on another day shown (or today's, on the same day): subtraction would single out the few who moved. */
  'moved',
] as const;

export type HiddenReason = (typeof HIDDEN_REASONS)[number];

/** One sentence per reason, for tooltips, table notes and export notes. */
export function hiddenReasonText(reason: HiddenReason | null | undefined, k: number): string {
  switch (reason) {
    case 'below_minimum':
      return `Hidden to protect privacy: fewer than ${k} people are behind this number.`;
    case 'numerator':
      return `Hidden to protect privacy: fewer than ${k} people are counted in this number.`;
    case 'complement':
      return `Hidden to protect privacy: all but fewer than ${k} people of the group are counted, which would single out the others.`;
    case 'difference':
      return `Hidden to protect privacy: this group differs from another shown group by fewer than ${k} people, whom subtraction would reveal.`;
    case 'remainder':
      return `Hidden to protect privacy: the whole organisation minus the shown groups would leave fewer than ${k} people.`;
    case 'hierarchy':
      return `Hidden to protect privacy: the larger group minus its shown subgroups would leave fewer than ${k} people, so this subgroup is counted with the larger one.`;
    case 'complementary':
      return `Hidden to protect privacy: another hidden number could otherwise be worked out from this one and the total.`;
    case 'period':
      return `Hidden to protect privacy: it differs from the same number over a neighbouring period by fewer than ${k} people.`;
    case 'earlier_release':
      return `Hidden to protect privacy: it differs by fewer than ${k} people from a number over an overlapping period you were shown before.`;
    case 'moved':
      return `Hidden to protect privacy: the group's members on this day differ by fewer than ${k} people (who moved) from its members on another day that is shown, or as of today, whom subtraction would reveal.`;
    default:
      return `Hidden to protect privacy: fewer than ${k} people are behind this number, or it would reveal a group that small by subtraction.`;
  }
}
