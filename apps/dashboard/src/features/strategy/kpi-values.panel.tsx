import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { GoalDetailDto } from '@hubpulse/contracts';
import { isApiError } from '../../api/api.client';
import { deleteKpiValue, putKpiValue } from '../../api/goals.api';
import { formatGoalValue } from '../../charts/goals/goals.transform';
import { type KpiValueRow, kpiValueRows } from '../../charts/goals/kpi-target.transform';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { ExportMenu } from '../../charts/shared/export-menu';
import { type FieldIssues, parseNumber } from './goal-form.transform';
import { useRefreshGoals } from './use-strategy';
import { DataTable } from '../../charts/shared/data-table';

/** Every monthly value with who or what set it and when; admins and leaders edit a value in its row or add a month. */
export function KpiValuesPanel({ goal, canEdit }: { goal: GoalDetailDto; canEdit: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  // After Save, Cancel or Escape focus goes back to the row's Edit button (it is re-created with the row).
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const returnTo = useRef<string | null>(null);
  useEffect(() => {
    if (editing !== null || returnTo.current === null) return;
    editButtons.current.get(returnTo.current)?.focus();
    returnTo.current = null;
  });
  const stopEditing = (period: string) => {
    returnTo.current = period;
    setEditing(null);
  };
  const rows = kpiValueRows(goal);
  const fmt = (v: number) => formatGoalValue(v, goal, { compact: false });
  return (
    <ChartPanel
      title="KPI values"
      description={`One value per month, in ${goal.unit}. Each keeps who or what set it and when; a replaced value moves to the history below.`}
      className="panel--wide"
      aside={<ExportMenu view="goals.kpi-values" params={{ id: goal.id }} what="KPI values" disabled={rows.length === 0} />}
    >
      <DataTable caption={<>KPI values of {goal.name}</>} className="kpi-values" columns={['Month', { num: 'Value' }, { num: "Month's target" }, 'Set by', 'When', 'Note', ...(canEdit ? [{ th: <span className="visually-hidden">Actions</span>, className: 'no-print' }] : [])]}>
        {rows.length === 0 && (
          <tr>
            <td colSpan={canEdit ? 7 : 6} className="muted">
              No values yet.
            </td>
          </tr>
        )}
        {rows.map((r) =>
          editing === r.period ? (
            <EditRow key={r.period} goalId={goal.id} row={r} onDone={() => stopEditing(r.period)} />
          ) : (
            <tr key={r.period}>
              <th scope="row">{r.month}</th>
              <td className="num">{fmt(r.value)}</td>
              <td className="num muted">{r.monthTarget === null ? '—' : fmt(r.monthTarget)}</td>
              <td>
                {r.source}
                <span className="kpi-values__by">{r.setBy}</span>
              </td>
              <td className="nowrap">{r.setAt}</td>
              <td className="kpi-values__note">{r.note ?? ''}</td>
              {canEdit && (
                <td className="nowrap no-print">
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    ref={(el) => {
                      if (el) editButtons.current.set(r.period, el);
                      else editButtons.current.delete(r.period);
                    }}
                    onClick={() => setEditing(r.period)}
                    aria-label={`Edit ${r.month}`}
                  >
                    Edit
                  </button>
                </td>
              )}
            </tr>
          ),
        )}
      </DataTable>
      {canEdit && <AddValueForm goalId={goal.id} />}
    </ChartPanel>
  );
}

function useSaveValue(goalId: string, period: string, onSaved: () => void) {
  const refresh = useRefreshGoals();
  const [issues, setIssues] = useState<{ fields: FieldIssues; other: string[] }>({ fields: {}, other: [] });
  const save = useMutation({
    mutationFn: (input: { value: number; note: string | null }) => putKpiValue(goalId, period, input),
    onSuccess: async () => {
      setIssues({ fields: {}, other: [] });
      await refresh();
      onSaved();
    },
    onError: (e) => setIssues(isApiError(e) && e.status === 400 ? issuesFromValueMessages(e.messages) : { fields: {}, other: [e instanceof Error ? e.message : 'Saving failed.'] }),
  });
  return { save, issues, setIssues };
}

/** A value's 400 names value, note or period; the period is the row's (or the month field's). */
function issuesFromValueMessages(messages: string[]): { fields: FieldIssues; other: string[] } {
  const fields: FieldIssues = {};
  const other: string[] = [];
  for (const line of messages) {
    const m = /^(value|note|period): (.+)$/s.exec(line);
    if (m) (fields[m[1]] ??= []).push(m[2]);
    else other.push(line);
  }
  return { fields, other };
}

function EditRow({ goalId, row, onDone }: { goalId: string; row: KpiValueRow; onDone: () => void }) {
  const [value, setValue] = useState(String(row.value));
  const [note, setNote] = useState(row.note ?? '');
  const { save, issues, setIssues } = useSaveValue(goalId, row.period, onDone);
  const remove = useMutation({ mutationFn: () => deleteKpiValue(goalId, row.period), onSuccess: onDone });
  const refresh = useRefreshGoals();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = parseNumber(value);
    if (Number.isNaN(n)) return setIssues({ fields: { value: ['must be a number (dot as decimal separator)'] }, other: [] });
    save.mutate({ value: n, note: note.trim() || null });
  };
  const errors = [...(issues.fields.period ?? []), ...issues.other];
  return (
    <tr className="is-editing">
      <th scope="row">{row.month}</th>
      <td colSpan={5}>
        <form className="inline-form" onSubmit={submit} aria-label={`Edit the value of ${row.month}`} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
          <label className="form-field">
            <span>Value</span>
            <input value={value} onChange={(e) => setValue(e.target.value)} inputMode="decimal" aria-invalid={!!issues.fields.value} autoFocus />
            {issues.fields.value && <span className="field-error">{issues.fields.value.join('; ')}</span>}
          </label>
          <label className="form-field inline-form__grow">
            <span>Note (optional)</span>
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} aria-invalid={!!issues.fields.note} />
            {issues.fields.note && <span className="field-error">{issues.fields.note.join('; ')}</span>}
          </label>
          <div className="inline-form__actions">
            <button type="submit" className="button button--primary button--small" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
            <button type="button" className="button button--ghost button--small" onClick={onDone}>
              Cancel
            </button>
            <button
              type="button"
              className="button button--danger button--small"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(`Remove the value of ${row.month}? It stays in the history.`)) remove.mutate(undefined, { onSuccess: () => void refresh() });
              }}
            >
              Remove
            </button>
          </div>
          {errors.length > 0 && (
            <p className="field-error" role="alert">
              {errors.join(' ')}
            </p>
          )}
          {remove.error && (
            <p className="field-error" role="alert">
              {remove.error.message}
            </p>
          )}
        </form>
      </td>
    </tr>
  );
}

function AddValueForm({ goalId }: { goalId: string }) {
  const [period, setPeriod] = useState('');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const { save, issues, setIssues } = useSaveValue(goalId, period, () => {
    setSaved(period);
    setValue('');
    setNote('');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const fields: FieldIssues = {};
    if (!/^\d{4}-\d{2}$/.test(period)) fields.period = ['choose a month'];
    if (Number.isNaN(parseNumber(value))) fields.value = ['must be a number (dot as decimal separator)'];
    if (Object.keys(fields).length) return setIssues({ fields, other: [] });
    save.mutate({ value: parseNumber(value), note: note.trim() || null });
  };
  return (
    <form className="inline-form inline-form--add no-print" onSubmit={submit} aria-label="Enter a month's value">
      <label className="form-field">
        <span>Month</span>
        <input type="month" value={period} onChange={(e) => setPeriod(e.target.value)} aria-invalid={!!issues.fields.period} />
        {issues.fields.period && <span className="field-error">{issues.fields.period.join('; ')}</span>}
      </label>
      <label className="form-field">
        <span>Value</span>
        <input value={value} onChange={(e) => setValue(e.target.value)} inputMode="decimal" aria-invalid={!!issues.fields.value} />
        {issues.fields.value && <span className="field-error">{issues.fields.value.join('; ')}</span>}
      </label>
      <label className="form-field inline-form__grow">
        <span>Note (optional)</span>
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </label>
      <div className="inline-form__actions">
        <button type="submit" className="button button--secondary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Enter value'}
        </button>
      </div>
      {issues.other.length > 0 && (
        <p className="field-error" role="alert">
          {issues.other.join(' ')}
        </p>
      )}
      {saved && !save.isPending && (
        <p className="updated-note" role="status">
          Saved the value for {saved}.
        </p>
      )}
    </form>
  );
}
