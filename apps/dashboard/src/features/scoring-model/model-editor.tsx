import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { ScoringModelCreated, ScoringModelDto } from '@hubpulse/contracts';
import { isApiError } from '../../api/api.client';
import { createScoringModel } from '../../api/engagement.api';
import { queryKeys } from '../../api/query-keys';
import { LeavePrompt } from '../event-mappings/leave-prompt';
import { EVENT_TYPE_LABELS } from '@hubpulse/contracts';
import { useUnsavedGuard } from '../event-mappings/use-unsaved-guard';
import {
  ACTION_TYPES,
  type FieldErrors,
  type ModelDraft,
  type ModelErrors,
  MODEL_LIMITS,
  type PerTypeField,
  describePath,
  diffDraft,
  fieldPath,
  parseModelErrors,
  toDraft,
  toModelInput,
  validateDraft,
} from './scoring-model.transform';

const NO_ERRORS: ModelErrors = { byField: {}, general: [] };

interface ModelEditorProps {
  current: ScoringModelDto;
  /** A version to start from instead of the current one ("Use as starting point" in the history). */
  startFrom?: ScoringModelDto | null;
  onSaved: (created: ScoringModelCreated) => void;
}

const COLUMNS: { field: PerTypeField; label: string; hint: string; step: string }[] = [
  { field: 'weights', label: 'Weight', hint: `points per action, ${MODEL_LIMITS.weight.min}–${MODEL_LIMITS.weight.max}`, step: 'any' },
  { field: 'half_lives', label: 'Half-life (days)', hint: `after this many days an action counts half, ${MODEL_LIMITS.halfLife.min}–${MODEL_LIMITS.halfLife.max}`, step: 'any' },
  { field: 'daily_caps', label: 'Daily cap', hint: 'most actions counted per person per day; blank = no cap', step: '1' },
];

/** The model as a form: a row per action type, then lookback and note. Saving makes a new version. */
export function ModelEditor({ current, startFrom, onSaved }: ModelEditorProps) {
  const queryClient = useQueryClient();
  const base = useMemo(() => toDraft(current), [current]);
  const [draft, setDraft] = useState<ModelDraft>(() => toDraft(startFrom ?? current));
  const [errors, setErrors] = useState<ModelErrors>(NO_ERRORS);
  const [focusSummary, setFocusSummary] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const changes = useMemo(() => diffDraft(base, draft), [base, draft]);
  const noteChanged = draft.note.trim() !== '';
  const dirty = changes.length > 0 || noteChanged;
  const blocker = useUnsavedGuard(dirty);

  useEffect(() => {
    if (!focusSummary) return;
    summaryRef.current?.focus();
    setFocusSummary(false);
  }, [focusSummary]);

  const save = useMutation({
    mutationFn: createScoringModel,
    onSuccess: (created) => {
      setErrors(NO_ERRORS);
      void queryClient.invalidateQueries({ queryKey: queryKeys.scoringModels });
      void queryClient.invalidateQueries({ queryKey: queryKeys.scoreJobs });
      onSaved(created);
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 400) setErrors(parseModelErrors(error.messages, error.issues));
      else setErrors({ byField: {}, general: [error instanceof Error ? error.message : 'Saving failed. Please try again.'] });
      setFocusSummary(true);
    },
  });

  const set = (path: string, apply: (d: ModelDraft) => ModelDraft) => {
    setDraft(apply);
    // The edited field's problem is stale until the next save; others stay.
    setErrors((e) => {
      if (!(path in e.byField)) return e;
      const byField = { ...e.byField };
      delete byField[path];
      return { ...e, byField };
    });
  };

  const setPerType = (field: PerTypeField, type: (typeof ACTION_TYPES)[number], value: string) =>
    set(fieldPath(field, type), (d) => ({ ...d, [field]: { ...d[field], [type]: value } }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const problems = validateDraft(draft);
    if (Object.keys(problems).length) {
      setErrors({ byField: problems, general: [] });
      setFocusSummary(true);
      return;
    }
    save.mutate(toModelInput(draft));
  };

  const reset = () => {
    setDraft(toDraft(current));
    setErrors(NO_ERRORS);
  };

  const fieldErrors: FieldErrors = errors.byField;
  const errorCount = Object.keys(fieldErrors).length + errors.general.length;

  return (
    <form className="model-form" onSubmit={onSubmit} noValidate aria-label="Scoring model editor">
      <div className="mappings-toolbar">
        <p className={dirty ? 'save-status save-status--dirty' : 'save-status'} role="status">
          {changes.length > 0
            ? `${changes.length} unsaved ${changes.length === 1 ? 'change' : 'changes'} to version ${current.version}`
            : noteChanged
              ? 'Only the note changed'
              : startFrom
                ? `Starting from version ${startFrom.version}`
                : `Editing a copy of version ${current.version}`}
        </p>
        <div className="mappings-toolbar__actions">
          <button type="button" className="button button--secondary" disabled={!dirty || save.isPending} onClick={reset}>
            Reset to v{current.version}
          </button>
          <button type="submit" className="button button--primary" disabled={changes.length === 0 || save.isPending}>
            {save.isPending ? 'Saving…' : `Save as version ${current.version + 1} and recompute`}
          </button>
        </div>
      </div>

      {errorCount > 0 && (
        <div className="form__error mappings-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>Nothing was saved. {Object.keys(fieldErrors).length > 0 && 'Fix the marked fields:'}</p>
          <ul>
            {Object.entries(fieldErrors).map(([path, message]) => (
              <li key={path}>
                <a href={`#model-${path.replace('.', '-')}`}>{describePath(path)}</a>: {message}
              </li>
            ))}
            {errors.general.map((m, i) => (
              <li key={`g${i}`}>{m}</li>
            ))}
          </ul>
        </div>
      )}

      <fieldset className="bare-fieldset" disabled={save.isPending}>
        <legend className="visually-hidden">Per action type</legend>
        <div className="table-wrap">
          <table className="data-table model-table">
            <thead>
              <tr>
                <th scope="col">Action</th>
                {COLUMNS.map((c) => (
                  <th scope="col" key={c.field}>
                    <abbr title={c.hint}>{c.label}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ACTION_TYPES.map((type) => (
                <tr key={type}>
                  <th scope="row">{EVENT_TYPE_LABELS[type]}</th>
                  {COLUMNS.map((c) => {
                    const path = fieldPath(c.field, type);
                    const id = `model-${path.replace('.', '-')}`;
                    const error = fieldErrors[path];
                    const was = base[c.field][type];
                    const changed = draft[c.field][type].trim() !== was.trim() && changes.some((ch) => ch.path === path);
                    return (
                      <td key={c.field}>
                        <label htmlFor={id} className="visually-hidden">
                          {EVENT_TYPE_LABELS[type]} {c.label.toLowerCase()}
                        </label>
                        <input
                          id={id}
                          type="number"
                          inputMode="decimal"
                          min={c.field === 'half_lives' ? MODEL_LIMITS.halfLife.min : c.field === 'daily_caps' ? MODEL_LIMITS.dailyCap.min : 0}
                          step={c.step}
                          className={changed ? 'num-input is-changed' : 'num-input'}
                          placeholder={c.field === 'daily_caps' ? 'no cap' : undefined}
                          value={draft[c.field][type]}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          onChange={(e) => setPerType(c.field, type, e.target.value)}
                        />
                        {changed && !error && <span className="field-was">was {was === '' ? 'no cap' : was}</span>}
                        {error && (
                          <span id={`${id}-error`} className="field-error">
                            {error}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <div className="model-form__row">
          <div className="form-field">
            <label htmlFor="model-lookback_days">Lookback (days)</label>
            <input
              id="model-lookback_days"
              type="number"
              min={MODEL_LIMITS.lookback.min}
              max={MODEL_LIMITS.lookback.max}
              step={1}
              className={draft.lookback_days.trim() !== base.lookback_days ? 'num-input is-changed' : 'num-input'}
              value={draft.lookback_days}
              aria-invalid={fieldErrors.lookback_days ? true : undefined}
              aria-describedby="model-lookback-help"
              onChange={(e) => {
                const value = e.target.value;
                set('lookback_days', (d) => ({ ...d, lookback_days: value }));
              }}
            />
            <span id="model-lookback-help" className={fieldErrors.lookback_days ? 'field-error' : 'field-help'}>
              {fieldErrors.lookback_days ?? `Actions older than this do not count at all (${MODEL_LIMITS.lookback.min}–${MODEL_LIMITS.lookback.max}).`}
            </span>
          </div>
          <div className="form-field form-field--grow">
            <label htmlFor="model-note">Note (why this change)</label>
            <input
              id="model-note"
              type="text"
              maxLength={MODEL_LIMITS.note.max + 50}
              placeholder="e.g. answers count more: Q&A is where the hub helps most"
              value={draft.note}
              aria-invalid={fieldErrors.note ? true : undefined}
              aria-describedby="model-note-help"
              onChange={(e) => {
                const value = e.target.value;
                set('note', (d) => ({ ...d, note: value }));
              }}
            />
            <span id="model-note-help" className={fieldErrors.note ? 'field-error' : 'field-help'}>
              {fieldErrors.note ?? 'Kept with the version, shown in the history.'}
            </span>
          </div>
        </div>
      </fieldset>

      {changes.length > 0 && (
        <div className="change-preview">
          <p className="change-preview__title">Saving creates version {current.version + 1} and recomputes all scores in the background:</p>
          <ul>
            {changes.map((c) => (
              <li key={c.path}>
                {c.label}: <span className="muted">{c.from}</span> → <strong>{c.to}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}

      {blocker.state === 'blocked' && <LeavePrompt blocker={blocker} what="the scoring model" />}
    </form>
  );
}
