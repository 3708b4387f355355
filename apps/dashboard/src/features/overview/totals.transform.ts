import { hiddenReasonText, type HiddenReason, type OverviewResponse } from '@hubpulse/contracts';
import { SUPPRESSED_MARK, formatCount, formatInteger } from '../../lib/format';

export interface TotalCard {
  key: 'events' | 'people' | 'active_people';
  label: string;
  /** What the big number reads: a count, or the suppression mark. */
  value: string;
  /** Line under the number. */
  caption: string;
  suppressed: boolean;
  /** Tooltip / accessible description for a suppressed value. */
  explanation?: string;
}

export function buildTotalCards(totals: OverviewResponse['totals'], minGroupSize: number): TotalCard[] {
  const card = (key: TotalCard['key'], label: string, caption: string, n: number | null, reason: HiddenReason | null, format: (n: number) => string): TotalCard => {
    if (n === null) return { key, label, value: SUPPRESSED_MARK, caption: 'Hidden to protect privacy', suppressed: true, explanation: hiddenReasonText(reason, minGroupSize) };
    return { key, label, value: format(n), caption, suppressed: false };
  };

  const activeShare =
    totals.people !== null && totals.active_people !== null && totals.people > 0
      ? // Rounded down: 99.6% must not read as everyone.
        `${Math.floor((totals.active_people / totals.people) * 100)}% of the directory`
      : 'With at least one event in the range';

  return [
    card('events', 'Events', 'Hub actions in the range', totals.events, totals.events_hidden, formatInteger),
    card('people', 'People', 'In the directory', totals.people, 'below_minimum', formatCount),
    card('active_people', 'Active people', activeShare, totals.active_people, totals.active_people_hidden, formatCount),
  ];
}
