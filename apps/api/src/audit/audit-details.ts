/**
 * The "what" of an audit entry from a request body: each field as sent, so an admin can read what
 * was changed, without secrets and without letting one entry grow without bound.
 */

/** Field names whose values are never written down. */
const SECRET = /pass(word)?|secret|token|^key$|api_?key|authorization/i;
const TEXT_MAX = 200;
/** A nested value (a segment rule, a list of targets) kept as JSON up to this length. */
const JSON_MAX = 2000;
const FIELDS_MAX = 40;

export function summariseBody(body: unknown): Record<string, unknown> {
  if (body === null || body === undefined) return {};
  if (typeof body !== 'object' || Array.isArray(body)) return { body: summariseValue(body) };
  const entries = Object.entries(body as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries.slice(0, FIELDS_MAX)) out[k] = SECRET.test(k) ? '[not recorded]' : summariseValue(v);
  if (entries.length > FIELDS_MAX) out['…'] = `${entries.length - FIELDS_MAX} more fields`;
  return out;
}

export function summariseValue(v: unknown): unknown {
  if (v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean') return v ?? null;
  if (typeof v === 'string') return v.length > TEXT_MAX ? `${v.slice(0, TEXT_MAX)}… (${v.length} characters)` : v;
  const json = JSON.stringify(redact(v));
  if (json.length <= JSON_MAX) return JSON.parse(json) as unknown;
  return Array.isArray(v) ? `${v.length} items` : `${Object.keys(v as object).length} fields (${json.length} characters)`;
}

/** A deep copy with secret-named fields replaced. */
function redact(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(redact);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, SECRET.test(k) ? '[not recorded]' : redact(x)]));
  return v;
}

/** The named fields of a handler's answer (counts such as created / updated), those present. */
export function counts(result: unknown, ...keys: string[]): Record<string, unknown> {
  const r = (result ?? {}) as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => r[k] !== undefined).map((k) => [k, summariseValue(r[k])]));
}

/** The name of what a handler created or changed (`result.name`, or one level down as in {segment: {name}}), if it has one. */
export function resultName(result: unknown): string | undefined {
  if (!result || typeof result !== 'object') return undefined;
  const r = result as Record<string, unknown>;
  if (typeof r.name === 'string') return r.name;
  for (const v of Object.values(r)) if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return (v as { name: string }).name;
  return undefined;
}
