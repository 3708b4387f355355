// The programme editor's form: a draft of the six steps as the planner types them, turned into the
// API's input and checked with the same schema the API uses; problems placed on the fields they name.

import {
  programmeCreateSchema,
  type Channel,
  type EngagementTactic,
  type ProgrammeCreateInput,
  type ProgrammeDto,
  type ProgrammeGrouping,
  type ProgrammeMetric,
  type Purpose,
} from '@hubpulse/contracts';
import { addDays } from '@hubpulse/contracts';

export interface ProgrammeDraft {
  name: string;
  segment_id: string;
  grouping: ProgrammeGrouping;
  purposes: Purpose[];
  contentNotes: string;
  channels: Channel[];
  tactic: EngagementTactic;
  tacticNotes: string;
  metric: ProgrammeMetric;
  /** As typed: a percentage for rates ("35"), a 0–100 score for mean_score. */
  target: string;
  from: string;
  to: string;
  /** '' = no goal. */
  goal_id: string;
}

/** Rates are entered as percentages; mean_score is already on a 0–100 scale. */
export function isRateMetric(metric: ProgrammeMetric): boolean {
  return metric !== 'mean_score';
}

export function emptyDraft(today: string, segmentId = ''): ProgrammeDraft {
  return {
    name: '',
    segment_id: segmentId,
    grouping: 'none',
    purposes: [],
    contentNotes: '',
    channels: [],
    tactic: 'two_way',
    tacticNotes: '',
    metric: 'read_rate',
    target: '',
    from: today,
    to: addDays(today, 89),
    goal_id: '',
  };
}

/** "0.35" stored → "35" typed (rates); scores as they are. Rounded so 0.07 does not show as 7.000000000000001. */
export function targetToText(metric: ProgrammeMetric, target: number): string {
  const v = isRateMetric(metric) ? target * 100 : target;
  return String(Math.round(v * 1000) / 1000);
}

export function draftFromProgramme(p: ProgrammeDto): ProgrammeDraft {
  return {
    name: p.name,
    segment_id: p.segment_id,
    grouping: p.grouping,
    purposes: [...p.content.purposes],
    contentNotes: p.content.notes ?? '',
    channels: [...p.channels],
    tactic: p.tactic.kind,
    tacticNotes: p.tactic.notes ?? '',
    metric: p.measure.metric,
    target: targetToText(p.measure.metric, p.measure.target),
    from: p.measure.from,
    to: p.measure.to,
    goal_id: p.goal_id ?? '',
  };
}

/** The body of POST / PUT; `target` typed as a percentage becomes a fraction. */
export function draftToInput(d: ProgrammeDraft): ProgrammeCreateInput {
  const typed = d.target.trim() === '' ? Number.NaN : Number(d.target.replace(',', '.'));
  const target = isRateMetric(d.metric) ? typed / 100 : typed;
  return {
    name: d.name,
    segment_id: d.segment_id,
    grouping: d.grouping,
    content: { purposes: d.purposes, notes: d.contentNotes.trim() || null },
    channels: d.channels,
    tactic: { kind: d.tactic, notes: d.tacticNotes.trim() || null },
    measure: { metric: d.metric, target, from: d.from, to: d.to },
    goal_id: d.goal_id || null,
  };
}

/** Field → problems, keyed like the API's 400 lines (`measure.target`, `content.purposes`). */
export type FormIssues = Record<string, string[]>;

/** The schema's message for the target speaks in fractions; the form asks for percentages. */
function friendly(path: string, message: string, metric: ProgrammeMetric): string {
  if (path === 'measure.target' && /fraction/.test(message)) return isRateMetric(metric) ? 'must be a percentage from 0 to 100' : 'must be a score from 0 to 100';
  if (path === 'measure.target' && /number/.test(message)) return 'must be a number';
  if (path === 'segment_id') return 'choose the target segment';
  return message;
}

export function checkDraft(d: ProgrammeDraft): FormIssues {
  const r = programmeCreateSchema.safeParse(draftToInput(d));
  if (r.success) return {};
  const out: FormIssues = {};
  for (const issue of r.error.issues) {
    const path = issue.path.map(String).join('.');
    (out[path] ??= []).push(friendly(path, issue.message, d.metric));
  }
  return out;
}

/** A 400's "where: why" lines on the fields they name; the rest stay general. */
export function issuesFromLines(lines: readonly string[], metric: ProgrammeMetric): { fields: FormIssues; other: string[] } {
  const fields: FormIssues = {};
  const other: string[] = [];
  for (const line of lines) {
    const m = /^([a-z_]+(?:\.[a-z_]+)*(?:\[\d+\])?): (.+)$/s.exec(line);
    if (m) (fields[m[1].replace(/\[\d+\]$/, '')] ??= []).push(friendly(m[1], m[2], metric));
    else other.push(line);
  }
  return { fields, other };
}

/** Toggles one value in a list (channels, purposes), keeping the canonical order of `all`. */
export function toggleIn<T>(list: readonly T[], value: T, all: readonly T[]): T[] {
  const set = new Set(list);
  if (set.has(value)) set.delete(value);
  else set.add(value);
  return all.filter((v) => set.has(v));
}
