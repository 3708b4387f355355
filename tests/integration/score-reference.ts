import { cohortOf, percentileRank, pointsByType, tenureBand, type DayActions, type ScoringModel } from '@hubpulse/analytics';
import { EVENT_TYPES, PASSIVE_EVENT_TYPES, type EventType } from '@hubpulse/contracts';

const DAY = 86_400_000;
const isoDay = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
const dayNum = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);

export interface Ev { event_id: string; type: EventType; actor_id: string; occurred_at: string }
export interface Person { person_id: string; name: string; department: string; hired_at: string | null; version: number }
export interface Row { day: string; person_id: string; raw: number; score: number; score_cohort: number; cohort: string; actions: number }

/**
 * The plain, independent reading of the definition (libs/analytics/src/scoring.ts): loops over the
 * deduplicated events, every person, every day. The SQL (both the full and the carried-forward
 * path) must give the same rows.
 */
export function reference(events: Ev[], people: Person[], model: ScoringModel, from: string, to: string): Row[] {
  const unique = new Map(events.map((e) => [e.event_id, e]));
  const counts = new Map<string, Map<string, DayActions>>();
  for (const e of unique.values()) {
    // a newsletter reaching an inbox is not something the person did: no points, not an action
    if ((PASSIVE_EVENT_TYPES as readonly string[]).includes(e.type)) continue;
    const d = dayNum(e.occurred_at);
    const byKey = counts.get(e.actor_id) ?? new Map<string, DayActions>();
    const k = `${d}|${e.type}`;
    const c = byKey.get(k) ?? { day: d, type: e.type, n: 0 };
    c.n++;
    byKey.set(k, c);
    counts.set(e.actor_id, byKey);
  }
  const dir = new Map(people.map((p) => [p.person_id, p]));
  const actsByPerson = [...counts].map(([person, byKey]) => [person, [...byKey.values()]] as const);
  const out: Row[] = [];
  for (let d = dayNum(from); d <= dayNum(to); d++) {
    const day = isoDay(d);
    const scored: { person_id: string; contrib: number[]; raw: number; actions: number; cohort: string; inDir: boolean }[] = [];
    for (const [person, all] of actsByPerson) {
      // only what can count today: the window (d − lookback, d]
      const acts = all.filter((a) => a.day <= d && a.day > d - model.lookbackDays);
      const pts = pointsByType(acts, d, model);
      const contrib = EVENT_TYPES.map((t) => pts[t]);
      const raw = contrib.reduce((s, v) => s + v, 0);
      if (raw <= 0) continue;
      const p = dir.get(person);
      scored.push({
        person_id: person, contrib, raw,
        actions: acts.filter((a) => a.day === d).reduce((s, a) => s + a.n, 0),
        cohort: cohortOf(p?.department, tenureBand(p?.hired_at, day)),
        inDir: !!p,
      });
    }
    const population = people.length + scored.filter((s) => !s.inDir).length;
    const dirCohorts = new Map<string, number>();
    for (const p of people) {
      const c = cohortOf(p.department, tenureBand(p.hired_at, day));
      dirCohorts.set(c, (dirCohorts.get(c) ?? 0) + 1);
    }
    const raws = scored.map((o) => o.raw);
    const byCohort = new Map<string, typeof scored>();
    for (const o of scored) byCohort.set(o.cohort, [...(byCohort.get(o.cohort) ?? []), o]);
    for (const s of scored) {
      const peers = byCohort.get(s.cohort)!;
      const cohortPop = (dirCohorts.get(s.cohort) ?? 0) + peers.filter((o) => !o.inDir).length;
      out.push({
        day, person_id: s.person_id, raw: s.raw, actions: s.actions, cohort: s.cohort,
        score: percentileRank(s.raw, raws, population),
        score_cohort: percentileRank(s.raw, peers.map((o) => o.raw), cohortPop),
      });
    }
  }
  return out.sort((a, b) => (a.day + a.person_id < b.day + b.person_id ? -1 : 1));
}


/** The stored rows must equal the reference rows (same people and days; numbers to 6 decimals). */
export function expectSameScores(got: Row[], want: Row[]): void {
  expect(got.length).toBe(want.length);
  // collected first, asserted once: a hundred thousand expect() calls would take longer than the scoring
  const close = (a: number, b: number) => Math.abs(a - b) < 5e-7 * Math.max(1, Math.abs(b));
  const wrong: string[] = [];
  got.forEach((g, i) => {
    const e = want[i];
    const ok =
      g.day === e.day && g.person_id === e.person_id && Number(g.actions) === e.actions && g.cohort === e.cohort &&
      close(g.raw, e.raw) && close(g.score, e.score) && close(g.score_cohort, e.score_cohort);
    if (!ok && wrong.length < 5) wrong.push(`row ${i}: got ${JSON.stringify(g)} want ${JSON.stringify(e)}`);
  });
  expect(wrong).toEqual([]);
}
