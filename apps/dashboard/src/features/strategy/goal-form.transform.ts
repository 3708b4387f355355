import type { GoalCreateInput, GoalDto, GoalMetric, GoalScope, TargetType, UnitKind } from '@hubpulse/contracts';

// The goal form's state (text as typed, months as YYYY-MM) and its way to and from the API.
// The server's rules are the rules: the form only refuses what it cannot send (a number that is
// not a number), and shows every 400 message beside the field it names.

export interface MonthlyTargetDraft {
  /** YYYY-MM */
  period: string;
  target: string;
}

export interface GoalDraft {
  name: string;
  metric: GoalMetric;
  custom_metric_name: string;
  scope: GoalScope;
  scope_value: string;
  unit_kind: UnitKind;
  unit: string;
  baseline: string;
  target: string;
  target_type: TargetType;
  /** YYYY-MM: the period runs from the first day of this month… */
  start_month: string;
  /** …to the last day of this one. */
  end_month: string;
  monthly_targets: MonthlyTargetDraft[];
  owner: string;
}

/** Messages by field: top-level names, and `monthly_targets.<i>.<field>` for a row. */
export type FieldIssues = Record<string, string[]>;

const month = (day: string) => day.slice(0, 7);

/** The last day of a YYYY-MM month, as YYYY-MM-DD ('' for anything else). */
export function lastDayOf(yyyyMm: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(yyyyMm);
  if (!m) return '';
  return new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).toISOString().slice(0, 10);
}

/** A new goal: revenue for the organisation, this month to eleven months on. */
export function emptyDraft(today: string): GoalDraft {
  const [y, m] = today.split('-').map(Number);
  const end = new Date(Date.UTC(y, m - 1 + 11, 1)).toISOString().slice(0, 7);
  return {
    name: '',
    metric: 'revenue',
    custom_metric_name: '',
    scope: 'organisation',
    scope_value: '',
    unit_kind: 'currency',
    unit: 'USD',
    baseline: '',
    target: '',
    target_type: 'increase_to',
    start_month: today.slice(0, 7),
    end_month: end,
    monthly_targets: [],
    owner: '',
  };
}

export function draftFromGoal(goal: GoalDto): GoalDraft {
  return {
    name: goal.name,
    metric: goal.metric,
    custom_metric_name: goal.custom_metric_name ?? '',
    scope: goal.scope,
    scope_value: goal.scope_value ?? '',
    unit_kind: goal.unit_kind,
    unit: goal.unit,
    baseline: String(goal.baseline),
    target: String(goal.target),
    target_type: goal.target_type,
    start_month: month(goal.period_start),
    end_month: month(goal.period_end),
    monthly_targets: goal.monthly_targets.map((t) => ({ period: month(t.period), target: String(t.target) })),
    owner: goal.owner ?? '',
  };
}

/** "1,250,000" and "1 250 000" are read as 1250000; anything else that is not a number stays NaN. */
export function parseNumber(text: string): number {
  const t = text.trim().replace(/[\s,_]/g, '');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number.NaN;
  return Number(t);
}

/**
 * The monthly targets that are sent: those with something typed, in month order. A 400's
 * `monthly_targets.<i>` counts in this list, so `filledTargets(draft)[i].period` is the row it names.
 */
export function filledTargets(draft: Pick<GoalDraft, 'monthly_targets'>): MonthlyTargetDraft[] {
  return draft.monthly_targets.filter((t) => t.target.trim() !== '').sort((a, b) => a.period.localeCompare(b.period));
}

/** Issues keyed by the month they are about: `monthly_targets.<i>.<field>` → the i-th sent month. */
export function monthlyTargetIssues(draft: Pick<GoalDraft, 'monthly_targets'>, issues: FieldIssues): Record<string, string[]> {
  const sent = filledTargets(draft);
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(issues)) {
    const m = /^monthly_targets\.(\d+)\./.exec(key);
    const period = m ? sent[Number(m[1])]?.period : undefined;
    if (period) (out[period] ??= []).push(...messages);
  }
  return out;
}

/** Months the form shows for monthly targets: the period's, plus any set outside it (so an error about one can be seen). */
export function targetMonths(draft: Pick<GoalDraft, 'start_month' | 'end_month' | 'monthly_targets'>): string[] {
  const months = new Set(periodMonths(draft.start_month, draft.end_month));
  for (const t of draft.monthly_targets) if (t.target.trim() !== '') months.add(t.period);
  return [...months].sort();
}

/** Sets (or with '' clears) the target typed for one month. */
export function setMonthlyTarget(draft: GoalDraft, period: string, target: string): GoalDraft {
  const rest = draft.monthly_targets.filter((t) => t.period !== period);
  return { ...draft, monthly_targets: target === '' ? rest : [...rest, { period, target }].sort((a, b) => a.period.localeCompare(b.period)) };
}

/** What the form cannot send: numbers that are not numbers. Everything else is the server's to judge. */
export function checkDraft(draft: GoalDraft): FieldIssues {
  const issues: FieldIssues = {};
  const num = (key: string, text: string) => {
    if (text.trim() === '') issues[key] = ['required'];
    else if (Number.isNaN(parseNumber(text))) issues[key] = ['must be a number (dot as decimal separator)'];
  };
  num('baseline', draft.baseline);
  num('target', draft.target);
  filledTargets(draft).forEach((t, i) => num(`monthly_targets.${i}.target`, t.target));
  return issues;
}

export function draftToInput(draft: GoalDraft): GoalCreateInput {
  const custom = draft.metric === 'custom';
  const scoped = draft.scope !== 'organisation';
  return {
    name: draft.name,
    metric: draft.metric,
    custom_metric_name: custom ? draft.custom_metric_name : null,
    scope: draft.scope,
    scope_value: scoped ? draft.scope_value : null,
    unit_kind: draft.unit_kind,
    unit: draft.unit_kind === 'currency' ? draft.unit.trim().toUpperCase() : draft.unit,
    baseline: parseNumber(draft.baseline),
    target: parseNumber(draft.target),
    target_type: draft.target_type,
    period_start: draft.start_month ? `${draft.start_month}-01` : '',
    period_end: lastDayOf(draft.end_month),
    monthly_targets: filledTargets(draft).map((t) => ({ period: t.period, target: parseNumber(t.target) })),
    owner: draft.owner.trim() || null,
  };
}

/** Every month of the period, YYYY-MM, for the monthly targets (at most 120). */
export function periodMonths(startMonth: string, endMonth: string): string[] {
  const s = /^(\d{4})-(\d{2})$/.exec(startMonth);
  const e = /^(\d{4})-(\d{2})$/.exec(endMonth);
  if (!s || !e) return [];
  const out: string[] = [];
  for (let y = Number(s[1]), m = Number(s[2]); out.length < 120; m++) {
    if (m > 12) {
      y++;
      m = 1;
    }
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > endMonth) break;
    out.push(key);
  }
  return out;
}

/** Server field names as the form's: the period's days are chosen as months. */
const FIELD_ALIASES: Record<string, string> = { period_start: 'start_month', period_end: 'end_month' };
const FORM_FIELDS = new Set<string>([
  'name', 'metric', 'custom_metric_name', 'scope', 'scope_value', 'unit_kind', 'unit', 'baseline', 'target', 'target_type', 'start_month', 'end_month', 'monthly_targets', 'owner',
]);

/**
 * A 400's messages ("target: must be above baseline …", "monthly_targets.0.period: …") sorted to
 * the fields they name; the rest is shown above the buttons.
 */
export function issuesFromMessages(messages: readonly string[]): { fields: FieldIssues; other: string[] } {
  const fields: FieldIssues = {};
  const other: string[] = [];
  for (const line of messages) {
    const m = /^([a-z_]+)((?:\.\d+|\[\d+\])(?:\.[a-z_]+)?)?: (.+)$/s.exec(line);
    const key = m ? (FIELD_ALIASES[m[1]] ?? m[1]) : null;
    if (!m || !key || !FORM_FIELDS.has(key)) {
      other.push(line);
      continue;
    }
    const rest = (m[2] ?? '').replace(/\[(\d+)]/, '.$1');
    const full = `${key}${rest}`;
    (fields[full] ??= []).push(m[3]);
  }
  return { fields, other };
}
