import fc from 'fast-check';
import { INITIAL_ALERT_STATE, stepAlert, type AlertMachineState, type AlertNotification, type AlertObservation } from './alert-state';

const H = 3_600_000;
const obs = (breached: boolean | null, at: number, valueKey = ''): AlertObservation => ({ breached, at, valueKey });

/** Runs a sequence of observations from the initial state; returns every notification with its time. */
function run(observations: readonly AlertObservation[], cooldownMs: number) {
  let s: AlertMachineState = INITIAL_ALERT_STATE;
  const sent: { kind: AlertNotification; at: number }[] = [];
  const states = [s.state];
  for (const o of observations) {
    const step = stepAlert(s, o, cooldownMs);
    if (step.notify) sent.push({ kind: step.notify, at: o.at });
    if (step.transition) expect(step.transition.from).toBe(s.state);
    s = step.next;
    states.push(s.state);
  }
  return { sent, states, final: s };
}

describe('stepAlert', () => {
  it('fires once, stays quiet while the condition holds, and resolves once', () => {
    const { sent, states } = run([obs(false, 0), obs(true, H), obs(true, 2 * H), obs(false, 3 * H), obs(false, 4 * H)], 24 * H);
    expect(sent).toEqual([{ kind: 'firing', at: H }, { kind: 'resolved', at: 3 * H }]);
    expect(states).toEqual(['ok', 'ok', 'firing', 'firing', 'resolved', 'resolved']);
  });

  it('holds a re-fire inside the cooldown and sends it at the first evaluation after it', () => {
    const a = stepAlert(INITIAL_ALERT_STATE, obs(true, 0), 24 * H);
    const b = stepAlert(a.next, obs(false, H), 24 * H);
    const c = stepAlert(b.next, obs(true, 2 * H), 24 * H);
    expect([a.notify, b.notify, c.notify]).toEqual(['firing', 'resolved', null]);
    expect(c.heldForMs).toBe(22 * H);
    expect(c.next.state).toBe('resolved');
    const d = stepAlert(c.next, obs(true, 24 * H), 24 * H);
    expect(d).toMatchObject({ notify: 'firing', transition: { from: 'resolved', to: 'firing' }, heldForMs: null });
  });

  it('tells a change of value while firing (at risk → off track), under the cooldown', () => {
    const a = stepAlert(INITIAL_ALERT_STATE, obs(true, 0, 'at_risk'), H);
    const held = stepAlert(a.next, obs(true, H / 2, 'off_track'), H);
    expect(held).toMatchObject({ notify: null, heldForMs: H / 2 });
    const changed = stepAlert(held.next, obs(true, H, 'off_track'), H);
    expect(changed).toMatchObject({ notify: 'changed', transition: null, next: { state: 'firing', valueKey: 'off_track', lastFiredAt: H } });
  });

  it('an unknown (withheld) value neither fires nor resolves', () => {
    const firing = stepAlert(INITIAL_ALERT_STATE, obs(true, 0), 0).next;
    expect(stepAlert(INITIAL_ALERT_STATE, obs(null, 0), 0)).toMatchObject({ notify: null, transition: null, next: INITIAL_ALERT_STATE });
    expect(stepAlert(firing, obs(null, H), 0)).toMatchObject({ notify: null, transition: null, next: firing });
  });

  const sequences = fc.tuple(
    fc.array(fc.record({ breached: fc.constantFrom(true, false, null), gap: fc.integer({ min: 0, max: 48 * H }), key: fc.constantFrom('a', 'b', '') }), { maxLength: 60 }),
    fc.integer({ min: 0, max: 72 * H }),
  );
  const timed = (xs: { breached: boolean | null; gap: number; key: string }[]) => {
    let t = 0;
    return xs.map((x) => obs(x.breached, (t += x.gap), x.key));
  };

  it('never sends two firing notifications within a cooldown (property)', () => {
    fc.assert(
      fc.property(sequences, ([xs, cooldown]) => {
        const fired = run(timed(xs), cooldown).sent.filter((n) => n.kind !== 'resolved');
        for (let i = 1; i < fired.length; i++) expect(fired[i].at - fired[i - 1].at).toBeGreaterThanOrEqual(cooldown);
      }),
    );
  });

  it('resolves only after firing; firing and resolved alternate; never back to ok (property)', () => {
    fc.assert(
      fc.property(sequences, ([xs, cooldown]) => {
        const { sent, states } = run(timed(xs), cooldown);
        const edges = sent.filter((n) => n.kind !== 'changed').map((n) => n.kind);
        edges.forEach((k, i) => expect(k).toBe(i % 2 === 0 ? 'firing' : 'resolved'));
        const firstLeft = states.findIndex((s) => s !== 'ok');
        if (firstLeft >= 0) expect(states.slice(firstLeft)).not.toContain('ok');
        // "changed" only while firing, after a firing
        let firing = false;
        for (const n of sent) {
          if (n.kind === 'changed') expect(firing).toBe(true);
          firing = n.kind !== 'resolved';
        }
      }),
    );
  });

  it('is idempotent: the same observation twice sends at most once (property)', () => {
    fc.assert(
      fc.property(sequences, fc.constantFrom(true, false, null), ([xs, cooldown], last) => {
        const { final } = run(timed(xs), cooldown);
        const o = obs(last, 10_000 * H, 'a');
        const first = stepAlert(final, o, cooldown);
        const again = stepAlert(first.next, o, cooldown);
        expect(again.notify).toBeNull();
        expect(again.transition).toBeNull();
      }),
    );
  });
});
