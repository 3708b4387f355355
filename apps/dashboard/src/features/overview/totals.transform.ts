import type { OverviewResponse } from '@hubpulse/contracts';
import { SUPPRESSED_MARK, formatCount, formatInteger, suppressedExplanation, suppressedLabel } from '../../lib/format';

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
  const people = (key: 'people' | 'active_people', label: string, caption: string): TotalCard => {
    const n = totals[key];
    if (n === null) {
      return {
        key,
        label,
        value: SUPPRESSED_MARK,
        caption: `${capitalize(suppressedLabel(minGroupSize))} people`,
        suppressed: true,
        explanation: suppressedExplanation(minGroupSize),
      };
    }
    return { key, label, value: formatCount(n), caption, suppressed: false };
  };

  const activeShare =
    totals.people !== null && totals.active_people !== null && totals.people > 0
      ? // Rounded down: 99.6% must not read as everyone.
        `${Math.floor((totals.active_people / totals.people) * 100)}% of the directory`
      : 'With at least one event in the range';

  return [
    { key: 'events', label: 'Events', value: formatInteger(totals.events), caption: 'Hub actions in the range', suppressed: false },
    people('people', 'People', 'In the directory'),
    people('active_people', 'Active people', activeShare),
  ];
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
