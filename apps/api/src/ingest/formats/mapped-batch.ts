import type { EventMapping } from '@hubpulse/contracts';

/** A directory change carried by an SDK call (Segment identify/group, PostHog $identify/$set). */
interface PersonPatch {
  person_id: string;
  name?: string;
  email?: string | null;
  department?: string | null;
  location?: string | null;
  title?: string | null;
  manager_id?: string | null;
  hired_at?: string | null;
  is_leader?: boolean;
  attributes?: Record<string, string | number | boolean | null>;
}

/**
 * A directory change and where it came from: the SDK message's index and the call that carried it
 * (`identify`, `group`, `$set`, `$identify`, `$groupidentify`), which names it in a reject.
 */
export interface DirectoryPatch {
  index: number;
  call: string;
  patch: PersonPatch;
}

/** An SDK payload turned into native hub events and directory patches, with per-message rejects. */
export interface MappedBatch {
  /** Native-shaped events (validated afterwards like /v1/events). */
  events: unknown[];
  /** For each event, the index of the SDK message it came from (so rejects name the message). */
  origin: number[];
  /** Checked by the person schema and the key's directory scope before anything is written. */
  people: DirectoryPatch[];
  rejected: { index: number; errors: string[] }[];
  /** Messages in the payload. */
  total: number;
}

export type MappingLookup = (event: string) => EventMapping | undefined;

/**
 * How to read a payload. `browser`: it came with a browser key, from a page anyone can script: an
 * anonymous visitor is stored as `anon:<anonymous id>` (never taken for a person of the directory),
 * and an identify naming only the signed-in person (no traits) is accepted and changes nothing.
 */
export interface MapOptions {
  browser?: boolean;
}

/** The actor of an event sent without a person id: a browser's anonymous id, kept apart from person ids. */
export const anonymousActor = (id: string) => `anon:${id}`;

/** A directory patch that names a person and changes nothing (an identify without traits). */
export const changesNothing = (p: { person_id: string }) => Object.keys(p).length === 1;

export const emptyBatch = (): MappedBatch => ({ events: [], origin: [], people: [], rejected: [], total: 0 });

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export { isObj };

/** Scalar properties only (the hub keeps properties flat); nested values are dropped. */
export function flatScalars(v: unknown, skip: ReadonlySet<string>): Record<string, string | number | boolean | null> | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, string | number | boolean | null> = {};
  let any = false;
  for (const [k, x] of Object.entries(v)) {
    if (skip.has(k) || k.startsWith('$')) continue;
    if (x === null || typeof x === 'number' || typeof x === 'boolean') out[k] = x;
    else if (typeof x === 'string') out[k] = x.length > 2000 ? x.slice(0, 2000) : x;
    else continue;
    any = true;
  }
  return any ? out : undefined;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** First defined string among property names (snake_case and camelCase spellings). */
export function pick(props: Record<string, unknown> | undefined, ...names: string[]): string | undefined {
  if (!props) return undefined;
  for (const n of names) {
    const v = str(props[n]);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Directory fields from identify traits / PostHog $set. */
export function personPatch(personId: string, traits: Record<string, unknown>): PersonPatch {
  const patch: PersonPatch = { person_id: personId };
  const name = pick(traits, 'name') ?? [pick(traits, 'firstName', 'first_name'), pick(traits, 'lastName', 'last_name')].filter(Boolean).join(' ');
  if (name) patch.name = name;
  const fields: [keyof PersonPatch, string[]][] = [
    ['email', ['email']],
    ['department', ['department']],
    ['location', ['location', 'city', 'office']],
    ['title', ['title', 'job_title', 'jobTitle']],
    ['manager_id', ['manager_id', 'managerId', 'manager']],
    ['hired_at', ['hired_at', 'hiredAt', 'start_date', 'startDate']],
  ];
  for (const [field, names] of fields) {
    const v = pick(traits, ...names);
    if (v !== undefined) (patch as unknown as Record<string, unknown>)[field] = v;
  }
  const leader = traits.is_leader ?? traits.isLeader;
  if (typeof leader === 'boolean') patch.is_leader = leader;
  return patch;
}
