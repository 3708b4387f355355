import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { ScoringModelCreated, ScoringModelDto } from '@hubpulse/contracts';
import { isApiError } from '../../api/api.client';
import { createScoringModel } from '../../api/engagement.api';
import { queryKeys } from '../../api/query-keys';
import { LeavePrompt } from '../event-mappings/leave-prompt';
import { ErrorSummary, SaveBar } from '../event-mappings/save-bar';
import { useUnsavedGuard } from '../event-mappings/use-unsaved-guard';
import { LookbackAndNote, PerTypeTable, modelFieldId } from './model-fields';
import {
  ACTION_TYPES,
  type FieldErrors,
  type ModelDraft,
  type ModelErrors,
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
  const changedPaths = new Set(changes.map((c) => c.path));

  return (
    <form className="model-form" onSubmit={onSubmit} noValidate aria-label="Scoring model editor">
      <SaveBar
        dirty={dirty}
        status={
          changes.length > 0
            ? `${changes.length} unsaved ${changes.length === 1 ? 'change' : 'changes'} to version ${current.version}`
            : noteChanged
              ? 'Only the note changed'
              : startFrom
                ? `Starting from version ${startFrom.version}`
                : `Editing a copy of version ${current.version}`
        }
      >
        <button type="button" className="button button--secondary" disabled={!dirty || save.isPending} onClick={reset}>
          Reset to v{current.version}
        </button>
        <button type="submit" className="button button--primary" disabled={changes.length === 0 || save.isPending}>
          {save.isPending ? 'Saving…' : `Save as version ${current.version + 1} and recompute`}
        </button>
      </SaveBar>

      {errorCount > 0 && (
        <ErrorSummary
          ref={summaryRef}
          message={<>Nothing was saved. {Object.keys(fieldErrors).length > 0 && 'Fix the marked fields:'}</>}
          items={[
            ...Object.entries(fieldErrors).map(([path, message]) => (
              <li key={path}>
                <a href={`#${modelFieldId(path)}`}>{describePath(path)}</a>: {message}
              </li>
            )),
            ...errors.general.map((m, i) => <li key={`g${i}`}>{m}</li>),
          ]}
        />
      )}

      <fieldset className="bare-fieldset" disabled={save.isPending}>
        <legend className="visually-hidden">Per action type</legend>
        <PerTypeTable draft={draft} base={base} changedPaths={changedPaths} errors={fieldErrors} onChange={setPerType} />
        <LookbackAndNote draft={draft} base={base} errors={fieldErrors} onChange={(field, value) => set(field, (d) => ({ ...d, [field]: value }))} />
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
