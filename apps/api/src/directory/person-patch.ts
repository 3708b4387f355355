import { formatIssues, personSchema, type Person } from '@hubpulse/contracts';
import type { DirectoryPatch } from '../ingest/formats/mapped-batch';

type PatchResult = { ok: true; person: Person } | { ok: false; errors: string[] };

/**
 * Applies one partial directory change to a person and checks the result with the person schema —
 * the rules PUT /v1/people and the bulk import apply — so no route writes what they would refuse.
 * The merged person is checked (not the patch alone) so the record that reaches both stores is valid
 * as a whole. A problem in a field the patch sent is named under its call (`identify.hired_at: …`);
 * one in a stored field it left alone (data from before patches were checked) says so, since only a
 * change that also sends that field can be stored.
 */
export function applyPersonPatch(prev: Person, { call, patch }: DirectoryPatch): PatchResult {
  const sent = Object.entries(patch).filter(([k, v]) => v !== undefined && k !== 'attributes');
  const checked = personSchema.safeParse({ ...prev, ...Object.fromEntries(sent), attributes: { ...prev.attributes, ...patch.attributes } });
  if (checked.success) return { ok: true, person: checked.data };
  const touched = new Set([...sent.map(([k]) => k), ...(patch.attributes ? ['attributes'] : [])]);
  const errors = checked.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    if (touched.has(field)) return formatIssues([issue], call)[0];
    const path = issue.path.map(String).join('.');
    return `${call}: the stored ${path} of ${patch.person_id} is invalid (${issue.message}); send a valid ${path} with this change`;
  });
  return { ok: false, errors };
}

/** The directory's view of a person not stored yet: named by their id until a change names them. */
export function newPerson(id: string): Person {
  return { person_id: id, name: id, email: null, department: null, location: null, title: null, manager_id: null, hired_at: null, is_leader: false, attributes: {} };
}
