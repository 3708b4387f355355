import { addDays, AMBASSADOR_WINDOW_WEEKS, LEADER_QUEUE_DAYS, mondayOf, PURPOSE_WINDOW_DAYS } from '@hubpulse/contracts';

const maxDay = (a: string, b: string) => (a > b ? a : b);
const minDay = (a: string, b: string) => (a < b ? a : b);

interface PatternRanges {
  /** Days of pattern_purposes rewritten. */
  daily: { from: string; to: string };
  /** Mondays of the weeks of pattern_person_weeks rewritten. */
  weekly: { from: string; to: string };
  /** Days on which the leader items rewritten were raised. */
  leader: { from: string; to: string };
}

/**
 * What a recompute of the days `range` must rewrite. The patterns look back, so new events on a day
 * change later numbers too: a purpose index up to 27 days later (trailing 28-day window), the
 * ambassador stage up to 7 weeks later (8-week window), and a reply answers an item raised up to
 * 90 days earlier. Days after the newest event are never written.
 */
export function patternRanges(range: { from: string; to: string }, lastEventDay: string | null): PatternRanges {
  const last = lastEventDay ?? range.to;
  const reach = (days: number) => maxDay(range.to, minDay(addDays(range.to, days), last));
  return {
    daily: { from: range.from, to: reach(PURPOSE_WINDOW_DAYS - 1) },
    weekly: { from: mondayOf(range.from), to: mondayOf(reach((AMBASSADOR_WINDOW_WEEKS - 1) * 7)) },
    leader: { from: addDays(range.from, -LEADER_QUEUE_DAYS), to: maxDay(range.to, last) },
  };
}
