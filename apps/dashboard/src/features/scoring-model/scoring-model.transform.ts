// Shaping for the scoring model editor: the form's draft (text, as typed), checks that mirror the
// server's, the body to POST, what changed against the version in use, the server's 400 placed on
// fields.

import type { EventType, ScoringModelDto, ScoringModelInput } from '@hubpulse/contracts';
import type { ApiIssue } from '../../api/api.client';
import { ACTION_TYPES, EVENT_TYPE_LABELS } from '@hubpulse/contracts';

export { ACTION_TYPES };

/** The server's limits (libs/analytics MODEL_LIMITS): the form refuses what the server would. */
export const MODEL_LIMITS = {
  weight: { min: 0, max: 1000 },
  halfLife: { min: 1, max: 365 },
  dailyCap: { min: 1, max: 10_000 },
  lookback: { min: 7, max: 365 },
  note: { max: 500 },
} as const;

export type PerTypeField = 'weights' | 'half_lives' | 'daily_caps';

export interface ModelDraft {
  weights: Record<EventType, string>;
  half_lives: Record<EventType, string>;
  /** '' = no cap. */
  daily_caps: Record<EventType, string>;
  lookback_days: string;
  note: string;
}

/** A field's path as the server names it: "weights.view", "lookback_days", "note". */
export type FieldPath = string;
export type FieldErrors = Record<FieldPath, string>;

export function fieldPath(field: PerTypeField, type: EventType): FieldPath {
  return `${field}.${type}`;
}

const text = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? '' : String(n));

export function toDraft(model: ScoringModelDto): ModelDraft {
  const per = (pick: (t: EventType) => number | null | undefined) =>
    Object.fromEntries(ACTION_TYPES.map((t) => [t, text(pick(t))])) as Record<EventType, string>;
  return {
    weights: per((t) => model.weights[t]),
    half_lives: per((t) => model.half_lives[t]),
    daily_caps: per((t) => model.daily_caps[t]),
    lookback_days: text(model.lookback_days),
    // A note belongs to the version it explains; a new version starts without one.
    note: '',
  };
}

/** A number as typed: '' and anything that is not a plain decimal number → null. */
export function parseNumber(value: string): number | null {
  const v = value.trim();
  if (!/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v)) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function checkRange(value: string, lim: { min: number; max: number }, whole: boolean, unit = ''): string | null {
  const n = parseNumber(value);
  if (value.trim() === '') return 'enter a number';
  if (n === null) return value.trim().startsWith('-') ? `must be ${lim.min} or more` : 'enter a number';
  if (whole && !Number.isInteger(n)) return `enter a whole number${unit ? ` of${unit}` : ''}`;
  if (n < lim.min || n > lim.max) return `must be between ${lim.min} and ${lim.max}${unit}`;
  return null;
}

/** Everything the server would refuse, keyed by field path; empty when the draft can be saved. */
export function validateDraft(draft: ModelDraft): FieldErrors {
  const errors: FieldErrors = {};
  for (const t of ACTION_TYPES) {
    const w = checkRange(draft.weights[t], MODEL_LIMITS.weight, false);
    if (w) errors[fieldPath('weights', t)] = w;
    const h = checkRange(draft.half_lives[t], MODEL_LIMITS.halfLife, false, ' days');
    if (h) errors[fieldPath('half_lives', t)] = h;
    if (draft.daily_caps[t].trim() !== '') {
      const c = checkRange(draft.daily_caps[t], MODEL_LIMITS.dailyCap, true);
      if (c) errors[fieldPath('daily_caps', t)] = c;
    }
  }
  const lb = checkRange(draft.lookback_days, MODEL_LIMITS.lookback, true, ' days');
  if (lb) errors.lookback_days = lb;
  if (draft.note.trim().length > MODEL_LIMITS.note.max) errors.note = `keep it under ${MODEL_LIMITS.note.max} characters`;
  return errors;
}

/** The POST body. Call after `validateDraft` found nothing. Blank caps are left out (= no cap). */
export function toModelInput(draft: ModelDraft): ScoringModelInput {
  const per = (field: 'weights' | 'half_lives') =>
    Object.fromEntries(ACTION_TYPES.map((t) => [t, parseNumber(draft[field][t]) ?? 0])) as Record<EventType, number>;
  const caps: Partial<Record<EventType, number>> = {};
  for (const t of ACTION_TYPES) {
    const n = parseNumber(draft.daily_caps[t]);
    if (draft.daily_caps[t].trim() !== '' && n !== null) caps[t] = n;
  }
  const input: ScoringModelInput = {
    weights: per('weights'),
    half_lives: per('half_lives'),
    daily_caps: caps,
    lookback_days: parseNumber(draft.lookback_days) ?? 0,
  };
  const note = draft.note.trim();
  if (note) input.note = note;
  return input;
}

// ---------- What changed ----------

export interface ModelChange {
  path: FieldPath;
  /** "Comment weight", "View daily cap", "Lookback". */
  label: string;
  from: string;
  to: string;
}

const FIELD_NOUNS: Record<PerTypeField, string> = { weights: 'weight', half_lives: 'half-life', daily_caps: 'daily cap' };

function same(a: string, b: string): boolean {
  const x = parseNumber(a);
  const y = parseNumber(b);
  return x !== null && y !== null ? x === y : a.trim() === b.trim();
}

/** Number fields that differ from the version in use (a note alone is not a model change). */
export function diffDraft(current: ModelDraft, draft: ModelDraft): ModelChange[] {
  const changes: ModelChange[] = [];
  const show = (v: string, field?: PerTypeField) => (v.trim() === '' ? (field === 'daily_caps' ? 'no cap' : '—') : v.trim());
  for (const field of ['weights', 'half_lives', 'daily_caps'] as const) {
    for (const t of ACTION_TYPES) {
      if (!same(current[field][t], draft[field][t])) {
        changes.push({
          path: fieldPath(field, t),
          label: `${EVENT_TYPE_LABELS[t]} ${FIELD_NOUNS[field]}`,
          from: show(current[field][t], field),
          to: show(draft[field][t], field),
        });
      }
    }
  }
  if (!same(current.lookback_days, draft.lookback_days)) {
    changes.push({ path: 'lookback_days', label: 'Lookback', from: show(current.lookback_days), to: show(draft.lookback_days) });
  }
  return changes;
}

// ---------- Server errors ----------

export interface ModelErrors {
  byField: FieldErrors;
  /** Messages that name no field of the form. */
  general: string[];
}

const KNOWN_PATH = /^(?:(?:weights|half_lives|daily_caps)\.[a-z_]+|lookback_days|note)$/;

/**
 * A 400's problems placed on fields: `issues` when the server lists them, else its
 * "path: message" lines. Anything that names no field of the form stays general.
 */
export function parseModelErrors(messages: readonly string[], issues: readonly ApiIssue[] = []): ModelErrors {
  const byField: FieldErrors = {};
  const general: string[] = [];
  const place = (path: string, message: string, raw: string) => {
    const p = path.replace(/\[(\w+)\]/g, '.$1').replace(/^\./, '');
    if (KNOWN_PATH.test(p) && (!p.includes('.') || ACTION_TYPES.includes(p.split('.')[1] as EventType))) {
      byField[p] = byField[p] ? `${byField[p]}; ${message}` : message;
    } else general.push(raw);
  };
  if (issues.length) for (const i of issues) place(i.path, i.message, i.path ? `${i.path}: ${i.message}` : i.message);
  else
    for (const raw of messages) {
      const m = /^([\w.[\]]+)\s*:\s*([\s\S]+)$/.exec(raw.trim());
      if (m) place(m[1], m[2], raw);
      else general.push(raw);
    }
  return { byField, general };
}

/** Where a person reads an error: "Comment weight: must be between 0 and 1000". */
export function describePath(path: FieldPath): string {
  if (path === 'lookback_days') return 'Lookback';
  if (path === 'note') return 'Note';
  const [field, type] = path.split('.') as [PerTypeField, EventType];
  return `${EVENT_TYPE_LABELS[type] ?? type} ${FIELD_NOUNS[field] ?? field}`;
}

// ---------- History ----------

/** "Comment 4 → 6, Lookback 90 → 60": how a version differs from the one before it. */
export function versionChanges(model: ScoringModelDto, previous: ScoringModelDto | undefined): ModelChange[] {
  if (!previous) return [];
  return diffDraft(toDraft(previous), toDraft(model));
}
