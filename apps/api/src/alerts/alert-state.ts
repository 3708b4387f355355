/**
 * An alert rule's state machine, as pure functions (no I/O): ok → firing → resolved → firing → …
 *
 * Each evaluation brings one observation: whether the condition holds (`breached`), or `null` when
 * nothing can be said — no value yet, no forecast, or a value the disclosure layer withheld. An
 * unknown observation never changes the state and never sends anything: a withheld number neither
 * fires nor resolves.
 *
 * - ok | resolved, breached → firing, and a "firing" notification — unless the last firing
 *   notification is younger than the cooldown: then nothing happens now, and a later evaluation
 *   fires once the cooldown is over (if the condition still holds).
 * - firing, breached with another value key (a goal moving from at risk to off track) → stays firing,
 *   with a "changed" notification, under the same cooldown.
 * - firing, not breached → resolved, with a "resolved" notification (always: it closes a firing the
 *   recipients were told about).
 * - anything else → no change.
 *
 * So firing ("firing" and "changed") notifications are at least a cooldown apart, every "resolved"
 * follows a "firing", and the two alternate.
 */

export type AlertState = 'ok' | 'firing' | 'resolved';
export type AlertNotification = 'firing' | 'changed' | 'resolved';

export interface AlertMachineState {
  state: AlertState;
  /** The value key the last notification described (e.g. the goal status); null before any. */
  valueKey: string | null;
  /** When the last "firing" or "changed" notification went out (ms), null if never. */
  lastFiredAt: number | null;
}

export interface AlertObservation {
  /** The condition holds; null: unknown (no value, or withheld by the disclosure layer). */
  breached: boolean | null;
  /** What the value is, coarsely, so a change while firing can be told (status name; '' for thresholds). */
  valueKey: string;
  at: number;
}

export interface AlertStep {
  next: AlertMachineState;
  /** The state changed (a history line is written). */
  transition: { from: AlertState; to: AlertState } | null;
  notify: AlertNotification | null;
  /** The condition holds but the cooldown held a notification back (ms left). */
  heldForMs: number | null;
}

export const INITIAL_ALERT_STATE: AlertMachineState = { state: 'ok', valueKey: null, lastFiredAt: null };

export function stepAlert(s: AlertMachineState, o: AlertObservation, cooldownMs: number): AlertStep {
  const none: AlertStep = { next: s, transition: null, notify: null, heldForMs: null };
  if (o.breached === null) return none;
  const left = s.lastFiredAt === null ? 0 : s.lastFiredAt + cooldownMs - o.at;
  if (o.breached) {
    if (s.state === 'firing' && o.valueKey === s.valueKey) return none;
    if (left > 0) return { ...none, heldForMs: left };
    const next = { state: 'firing' as const, valueKey: o.valueKey, lastFiredAt: o.at };
    if (s.state === 'firing') return { next, transition: null, notify: 'changed', heldForMs: null };
    return { next, transition: { from: s.state, to: 'firing' }, notify: 'firing', heldForMs: null };
  }
  if (s.state !== 'firing') return none;
  return { next: { ...s, state: 'resolved', valueKey: o.valueKey }, transition: { from: 'firing', to: 'resolved' }, notify: 'resolved', heldForMs: null };
}
