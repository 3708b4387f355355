import { DAY_MS } from '@hubpulse/contracts';
import { InvalidInputError } from './errors';

/** The longest range a read accepts on its own: ten years (and a leap day or two). */
export const TEN_YEARS_DAYS = 3660;

/**
 * Refuses a range longer than ten years unless the data covers it: "All" over a hub with 13 years
 * of history is the span from its first event (`dataFrom`) to `to`, and is accepted. `firstDay` is
 * only asked for when the range is longer than ten years.
 */
export async function checkRangeLength(from: string, to: string, firstDay: () => Promise<string | null>): Promise<void> {
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  if (days <= TEN_YEARS_DAYS) return;
  const dataFrom = await firstDay();
  if (dataFrom !== null && from >= dataFrom) return;
  throw new InvalidInputError([`from: a range over 10 years must start on or after the first event day${dataFrom ? ` (${dataFrom})` : ''}`]);
}
