import { type ReactNode, useState } from 'react';
import {
  GOAL_METRIC_LABELS,
  GOAL_METRICS,
  GOAL_SCOPES,
  TARGET_TYPE_LABELS,
  TARGET_TYPES,
  type GoalMetric,
  type GoalScope,
  type TargetType,
  type UnitKind,
} from '@hubpulse/contracts';
import { formatMonth } from '../../lib/format';
import { type FieldIssues, type GoalDraft, monthlyTargetIssues, setMonthlyTarget, targetMonths } from './goal-form.transform';

const SCOPE_LABELS: Record<GoalScope, string> = { organisation: 'The whole organisation', department: 'One department', location: 'One location' };
const TARGET_TYPE_HELP: Record<TargetType, string> = {
  increase_to: 'Reach the target by the end of the period; expected values rise in a straight line from the baseline unless monthly targets say otherwise.',
  decrease_to: 'Come down to the target by the end of the period (costs, churn); expected values fall in a straight line from the baseline.',
  at_or_above: 'A floor to hold every month (savings of at least…).',
  at_or_below: 'A ceiling to hold every month (spend of at most…).',
};

interface Props {
  draft: GoalDraft;
  set: (patch: Partial<GoalDraft>) => void;
  replace: (update: (d: GoalDraft) => GoalDraft) => void;
  issues: FieldIssues;
}

function Field({ label, name, issues, help, children, wide }: { label: string; name: string; issues: FieldIssues; help?: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    // Help and errors sit outside the <label>, so the field's accessible name is the label alone.
    <div className={wide ? 'form-field goal-form__wide' : 'form-field'} data-field={name}>
      <label className="form-field">
        <span>{label}</span>
        {children}
      </label>
      {help && <span className="field-help">{help}</span>}
      {issues[name] && <span className="field-error">{issues[name].join('; ')}</span>}
    </div>
  );
}

/** The goal's fields in four groups: what is measured, the target, the period with optional monthly targets, and the owner. */
export function GoalFormFields({ draft, set, replace, issues }: Props) {
  const [monthly, setMonthly] = useState(draft.monthly_targets.length > 0);
  const inv = (name: string) => !!issues[name];
  const byMonth = monthlyTargetIssues(draft, issues);
  const months = targetMonths(draft);
  return (
    <div className="goal-form__groups">
      <fieldset className="panel goal-form__group">
        <legend className="panel__title">What is measured</legend>
        <Field label="Goal name" name="name" issues={issues} wide help="Say the goal in words, e.g. “Grow monthly revenue to $48M”.">
          <input value={draft.name} onChange={(e) => set({ name: e.target.value })} maxLength={200} aria-invalid={inv('name')} />
        </Field>
        <Field label="Metric" name="metric" issues={issues}>
          <select value={draft.metric} onChange={(e) => set({ metric: e.target.value as GoalMetric })} aria-invalid={inv('metric')}>
            {GOAL_METRICS.map((m) => (
              <option key={m} value={m}>
                {GOAL_METRIC_LABELS[m]}
              </option>
            ))}
          </select>
        </Field>
        {draft.metric === 'custom' && (
          <Field label="Custom metric name" name="custom_metric_name" issues={issues} help="For example Employee NPS.">
            <input value={draft.custom_metric_name} onChange={(e) => set({ custom_metric_name: e.target.value })} maxLength={100} aria-invalid={inv('custom_metric_name')} />
          </Field>
        )}
        <Field label="Scope" name="scope" issues={issues}>
          <select value={draft.scope} onChange={(e) => set({ scope: e.target.value as GoalScope })} aria-invalid={inv('scope')}>
            {GOAL_SCOPES.map((s) => (
              <option key={s} value={s}>
                {SCOPE_LABELS[s]}
              </option>
            ))}
          </select>
        </Field>
        {draft.scope !== 'organisation' && (
          <Field label={draft.scope === 'department' ? 'Department' : 'Location'} name="scope_value" issues={issues}>
            <input value={draft.scope_value} onChange={(e) => set({ scope_value: e.target.value })} maxLength={200} aria-invalid={inv('scope_value')} />
          </Field>
        )}
        <Field label="Kind of unit" name="unit_kind" issues={issues}>
          <select value={draft.unit_kind} onChange={(e) => set({ unit_kind: e.target.value as UnitKind })} aria-invalid={inv('unit_kind')}>
            <option value="currency">Money</option>
            <option value="unit">Another unit</option>
          </select>
        </Field>
        <Field
          label={draft.unit_kind === 'currency' ? 'Currency' : 'Unit'}
          name="unit"
          issues={issues}
          help={draft.unit_kind === 'currency' ? 'A 3-letter code: USD, EUR, GBP…' : 'A short label: %, NPS points, tickets…'}
        >
          <input value={draft.unit} onChange={(e) => set({ unit: e.target.value })} maxLength={20} aria-invalid={inv('unit')} />
        </Field>
      </fieldset>

      <fieldset className="panel goal-form__group">
        <legend className="panel__title">Target</legend>
        <Field label="Baseline" name="baseline" issues={issues} help="Where the KPI stands at the start of the period.">
          <input value={draft.baseline} onChange={(e) => set({ baseline: e.target.value })} inputMode="decimal" aria-invalid={inv('baseline')} />
        </Field>
        <Field label="Target type" name="target_type" issues={issues} help={TARGET_TYPE_HELP[draft.target_type]}>
          <select value={draft.target_type} onChange={(e) => set({ target_type: e.target.value as TargetType })} aria-invalid={inv('target_type')}>
            {TARGET_TYPES.map((t) => (
              <option key={t} value={t}>
                {TARGET_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Target" name="target" issues={issues}>
          <input value={draft.target} onChange={(e) => set({ target: e.target.value })} inputMode="decimal" aria-invalid={inv('target')} />
        </Field>
        <Field label="Owner (optional)" name="owner" issues={issues} help="Who answers for the goal.">
          <input value={draft.owner} onChange={(e) => set({ owner: e.target.value })} maxLength={200} aria-invalid={inv('owner')} />
        </Field>
      </fieldset>

      <fieldset className="panel goal-form__group goal-form__group--wide">
        <legend className="panel__title">Period</legend>
        <Field label="First month" name="start_month" issues={issues}>
          <input type="month" value={draft.start_month} onChange={(e) => set({ start_month: e.target.value })} aria-invalid={inv('start_month')} />
        </Field>
        <Field label="Last month" name="end_month" issues={issues} help="The period ends on the last day of this month.">
          <input type="month" value={draft.end_month} onChange={(e) => set({ end_month: e.target.value })} aria-invalid={inv('end_month')} />
        </Field>
        <label className="check-list__item goal-form__wide">
          <input type="checkbox" checked={monthly} onChange={(e) => {
              setMonthly(e.target.checked);
              if (!e.target.checked) replace((d) => ({ ...d, monthly_targets: [] }));
            }}
          /> Set monthly targets (optional: a month with a target is
          measured against it instead of the straight line)
        </label>
        {issues.monthly_targets && <span className="field-error goal-form__wide">{issues.monthly_targets.join('; ')}</span>}
        {monthly && (
          <div className="monthly-targets goal-form__wide">
            {months.map((m) => {
              const t = draft.monthly_targets.find((x) => x.period === m);
              return (
                <label key={m} className="form-field">
                  <span>{formatMonth(`${m}-01`)}</span>
                  <input
                    value={t?.target ?? ''}
                    onChange={(e) => replace((d) => setMonthlyTarget(d, m, e.target.value))}
                    inputMode="decimal"
                    aria-invalid={!!byMonth[m]}
                    aria-label={`Target for ${formatMonth(`${m}-01`)}`}
                  />
                  {byMonth[m] && <span className="field-error">{byMonth[m].join('; ')}</span>}
                </label>
              );
            })}
          </div>
        )}
      </fieldset>
    </div>
  );
}
