// The range and comparison of the pattern sections in the URL: ?weeks=4|12|26&compare=department|location.
// The range ends on the newest scored day (the server resolves it), so every section of the Engagement area reads the same days.

import type { PatternGroupBy } from '@hubpulse/contracts';
import { DEFAULT_PATTERN_COMPARE, DEFAULT_PATTERN_WEEKS } from '@hubpulse/contracts';

export const PATTERN_WEEKS = [4, 12, 26] as const;
export type PatternWeeks = (typeof PATTERN_WEEKS)[number];

export type CompareBy = Exclude<PatternGroupBy, 'org'>;
export const COMPARE_OPTIONS: { by: CompareBy; label: string }[] = [
  { by: 'department', label: 'Department' },
  { by: 'location', label: 'Location' },
];

export interface PatternSelection {
  weeks: PatternWeeks;
  compare: CompareBy;
}

// The API warms exactly these (PatternWarmup): change them there too, through the contracts.
export const DEFAULT_PATTERN_SELECTION: PatternSelection = { weeks: DEFAULT_PATTERN_WEEKS, compare: DEFAULT_PATTERN_COMPARE };

export function parsePatternSearch(search: URLSearchParams): PatternSelection {
  const weeks = Number(search.get('weeks'));
  const compare = COMPARE_OPTIONS.find((o) => o.by === search.get('compare'))?.by ?? DEFAULT_PATTERN_SELECTION.compare;
  return { weeks: (PATTERN_WEEKS as readonly number[]).includes(weeks) ? (weeks as PatternWeeks) : DEFAULT_PATTERN_SELECTION.weeks, compare };
}

export function applyPatternSearch(current: URLSearchParams, selection: PatternSelection): URLSearchParams {
  const next = new URLSearchParams(current);
  next.set('weeks', String(selection.weeks));
  next.set('compare', selection.compare);
  return next;
}
