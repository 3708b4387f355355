/**
 * A pause between two long synchronous steps of a computation (a day's or a month's decisions over
 * 12,500 groups takes a few hundred milliseconds of the event loop at 100,000 people): long enough
 * for a waiting request to go through the several turns of the loop it needs (its socket, its
 * ClickHouse reads, its reply), so that one computation run after a plan change does not hold every
 * other request for its whole length.
 */
export const PAUSE_MS = 10;

export function pauseLoop(ms = PAUSE_MS): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
