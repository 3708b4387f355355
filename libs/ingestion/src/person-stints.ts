import type { Person } from '@hubpulse/contracts';

/** What the directory keeps the history of: the fields that decide a person's groups. */
export interface StintValues {
  department: string | null;
  location: string | null;
  manager_id: string | null;
  title: string | null;
}

/**
 * One period a person held the same department, location, manager and title: from `valid_from`
 * (a day, YYYY-MM-DD, inclusive) to `valid_to` (exclusive; null: still holds). A person's stints are
 * contiguous and ordered. Days before a person's first stint count under the first one: nothing
 * earlier is known (a directory loaded today describes the past as well as anything can).
 */
export interface Stint extends StintValues {
  person_id: string;
  valid_from: string;
  valid_to: string | null;
}

export const stintValues = (p: Pick<Person, 'department' | 'location' | 'manager_id' | 'title'>): StintValues => ({
  department: p.department ?? null,
  location: p.location ?? null,
  manager_id: p.manager_id ?? null,
  title: p.title ?? null,
});

const sameValues = (a: StintValues, b: StintValues) => a.department === b.department && a.location === b.location && a.manager_id === b.manager_id && a.title === b.title;

/**
 * `valid_from` of a person's first stint when nobody said from when it holds (a person first written
 * without `effective_at`, or stored before the directory kept history): since always, so that a
 * back-dated change sent later splits it instead of ending before it.
 */
export const SINCE_ALWAYS = '1900-01-01';

/** The day (UTC) of an ISO date or date-time. */
export const effectiveDay = (at: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(at) ? at : new Date(at).toISOString().slice(0, 10));

/**
 * A person's stints after `values` took effect on `day` (null: nobody said; for a person not yet
 * known that is SINCE_ALWAYS, the caller passes today otherwise). The change holds from `day` until the next
 * change already recorded after it (a back-dated change does not overwrite later ones): the stint
 * holding on `day` is split there, or — before the first stint — a stint is added up to it.
 * Neighbours with the same values are merged, so re-sending an unchanged person changes nothing.
 */
export function applyChange(stints: readonly Stint[], personId: string, day: string | null, values: StintValues): Stint[] {
  const out = stints.map((s) => ({ ...s }));
  if (out.length === 0) return [{ person_id: personId, ...values, valid_from: day ?? SINCE_ALWAYS, valid_to: null }];
  if (day === null) throw new Error('applyChange: a change to a known person needs its day');
  if (day < out[0].valid_from) {
    out.unshift({ person_id: personId, ...values, valid_from: day, valid_to: out[0].valid_from });
  } else {
    const i = out.findIndex((s) => s.valid_from <= day && (s.valid_to === null || day < s.valid_to));
    const s = out[i];
    if (s.valid_from === day) Object.assign(s, values);
    else {
      out.splice(i + 1, 0, { person_id: personId, ...values, valid_from: day, valid_to: s.valid_to });
      s.valid_to = day;
    }
  }
  const merged: Stint[] = [];
  for (const s of out) {
    const prev = merged[merged.length - 1];
    if (prev && sameValues(prev, s)) prev.valid_to = s.valid_to;
    else merged.push(s);
  }
  return merged;
}

/** The stint holding on `day` (before the first one: the first). */
export function stintOn(stints: readonly Stint[], day: string): Stint | undefined {
  return stints.find((s) => s.valid_from <= day && (s.valid_to === null || day < s.valid_to)) ?? stints[0];
}
