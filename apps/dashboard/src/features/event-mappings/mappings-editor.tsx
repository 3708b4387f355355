import type { EventMapping } from '@hubpulse/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { isApiError } from '../../api/api.client';
import { saveEventMappings } from '../../api/ingestion.api';
import { queryKeys } from '../../api/query-keys';
import { ExportMenu } from '../../charts/shared/export-menu';
import {
  type DraftRow,
  type MappingField,
  type RowErrors,
  NO_ERRORS,
  adoptSavedRows,
  clearFieldError,
  describeDiff,
  diffMappings,
  emptyRow,
  hasErrors,
  parseServerErrors,
  toDraftRows,
  toMappingsBody,
  validateRows,
} from './event-mappings.transform';
import { LeavePrompt } from './leave-prompt';
import { fieldId } from './mapping-row';
import { MappingsTable } from './mappings-table';
import { ErrorSummary, SaveBar } from './save-bar';
import { useUnsavedGuard } from './use-unsaved-guard';

/** The whole mapping table, edited in place and saved at once (PUT replaces it). */
export function MappingsEditor({ initial }: { initial: readonly EventMapping[] }) {
  const queryClient = useQueryClient();
  const nextId = useRef(0);
  const newId = () => `n${++nextId.current}`;
  const [saved, setSaved] = useState<DraftRow[]>(() => toDraftRows(initial));
  const [rows, setRows] = useState<DraftRow[]>(saved);
  const [errors, setErrors] = useState<RowErrors>(NO_ERRORS);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const [savedOnce, setSavedOnce] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const diff = useMemo(() => diffMappings(saved, rows), [saved, rows]);
  const blocker = useUnsavedGuard(diff.dirty);

  const save = useMutation({
    mutationFn: ({ body }: { body: ReturnType<typeof toMappingsBody>; sent: DraftRow[] }) => saveEventMappings(body),
    onSuccess: (res, { sent }) => {
      queryClient.setQueryData(queryKeys.eventMappings, res);
      // The server answers in its own order (by source, then name); rows keep their ids.
      const next = adoptSavedRows(res.mappings, sent, newId);
      setSaved(next);
      setRows(next);
      setErrors(NO_ERRORS);
      setSavedOnce(true);
    },
    onError: (error, { sent }) => {
      if (isApiError(error) && error.status === 400) setErrors(parseServerErrors(error.messages, sent.map((r) => r.id)));
      else setErrors({ byRow: {}, general: [error instanceof Error ? error.message : 'Saving failed. Please try again.'] });
      setFocusTarget('summary');
    },
  });

  // Move focus where the user's next step is: a new row's name, or the summary of what is wrong.
  useEffect(() => {
    if (!focusTarget) return;
    const el = focusTarget === 'summary' ? summaryRef.current : focusTarget === 'add' ? addButton.current : document.getElementById(focusTarget);
    el?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const change = (id: string, field: MappingField, patch: Partial<DraftRow>) => {
    setRows((current) => current.map((r) => (r.id === id ? { ...r, ...patch } : r)));
    setErrors((current) => clearFieldError(current, id, field));
    setSavedOnce(false);
  };

  const add = () => {
    const id = newId();
    // A new row follows the source of the last one: mappings usually come in runs per SDK.
    setRows((current) => [...current, emptyRow(id, current.at(-1)?.source)]);
    setFocusTarget(fieldId(id, 'event'));
    setSavedOnce(false);
  };

  const remove = (id: string) => {
    const index = rows.findIndex((r) => r.id === id);
    const following = rows[index + 1] ?? rows[index - 1];
    setRows((current) => current.filter((r) => r.id !== id));
    setErrors((current) => clearFieldError(clearFieldError(current, id, 'event'), id, 'type'));
    setFocusTarget(following ? fieldId(following.id, 'event') : 'add');
    setSavedOnce(false);
  };

  const discard = () => {
    setRows(saved);
    setErrors(NO_ERRORS);
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (save.isPending) return;
    const problems = validateRows(rows);
    if (hasErrors(problems)) {
      setErrors(problems);
      setFocusTarget('summary');
      return;
    }
    setErrors(NO_ERRORS);
    save.mutate({ body: toMappingsBody(rows), sent: rows });
  };

  const badRows = rows.filter((r) => errors.byRow[r.id]?.length).length;

  return (
    <form className="mappings-form" onSubmit={onSubmit} noValidate>
      <SaveBar dirty={diff.dirty} status={diff.dirty ? describeDiff(diff) : savedOnce ? 'Saved' : `${rows.length} ${rows.length === 1 ? 'mapping' : 'mappings'}`}>
        {/* The server exports the saved table: with unsaved edits, save or discard them first. */}
        <ExportMenu view="ingestion.mappings" params={{}} what={diff.dirty ? 'saved event mappings (save or discard your changes first)' : 'event mappings'} disabled={diff.dirty || rows.length === 0} />
        <button type="button" className="button button--secondary" disabled={!diff.dirty || save.isPending} onClick={discard}>
          Discard changes
        </button>
        <button type="submit" className="button button--primary" disabled={!diff.dirty || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
      </SaveBar>

      {hasErrors(errors) && (
        <ErrorSummary
          ref={summaryRef}
          message={badRows > 0 ? `${badRows} ${badRows === 1 ? 'row needs' : 'rows need'} attention (marked below). Nothing was saved.` : 'Nothing was saved.'}
          items={errors.general.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        />
      )}

      <MappingsTable rows={rows} errors={errors} disabled={save.isPending} addRef={addButton} onChange={change} onDelete={remove} onAdd={add} />

      {blocker.state === 'blocked' && <LeavePrompt blocker={blocker} />}
    </form>
  );
}
