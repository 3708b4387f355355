import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ProgrammeDto } from '@hubpulse/contracts';
import { isApiError } from '../../api/api.client';
import { createProgramme, programmeQuery, updateProgramme } from '../../api/programmes.api';
import { queryKeys } from '../../api/query-keys';
import { QueryStates } from '../../charts/shared/chart-states';
import { formatDayKey } from '@hubpulse/contracts';
import { LeavePrompt } from '../event-mappings/leave-prompt';
import { useUnsavedGuard } from '../event-mappings/use-unsaved-guard';
import { AudiencesOnlyForEditors } from './audiences-notices';
import { type FormIssues, type ProgrammeDraft, checkDraft, draftFromProgramme, draftToInput, emptyDraft, issuesFromLines } from './programme-form.transform';
import { ProgrammeSteps } from './programme-steps';
import { useAudienceRights, useSegments } from './use-audiences';

/** A new programme (/audiences/programmes/new?segment=…) or a draft edited (/audiences/programmes/:id/edit). */
export function ProgrammeEditorPage() {
  const { id } = useParams();
  const { canEdit } = useAudienceRights();
  const existing = useQuery({ ...programmeQuery(id ?? ''), enabled: !!id });
  if (!canEdit) return <AudiencesOnlyForEditors what="plan programmes" />;
  if (!id) return <ProgrammeEditor key="new" />;
  return (
    <QueryStates data={existing.data} error={existing.error} onRetry={() => void existing.refetch()} loadingLabel="Loading the programme…">
      {(p) => (p.status === 'draft' ? <ProgrammeEditor key={p.id} programme={p} /> : <p className="notice">A launched programme is not edited; its scorecard is on its page.</p>)}
    </QueryStates>
  );
}

function ProgrammeEditor({ programme }: { programme?: ProgrammeDto }) {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const segments = useSegments();
  const initial = useMemo(
    () => (programme ? draftFromProgramme(programme) : emptyDraft(formatDayKey(Date.now()), search.get('segment') ?? '')),
    [programme, search],
  );
  const [draft, setDraft] = useState<ProgrammeDraft>(initial);
  const [shown, setShown] = useState(false);
  const [server, setServer] = useState<{ fields: FormIssues; other: string[] }>({ fields: {}, other: [] });
  const [savedId, setSavedId] = useState<string | null>(null);

  const client = useMemo(() => checkDraft(draft), [draft]);
  const issues: FormIssues = { ...(shown ? client : {}), ...server.fields };
  const dirty = savedId === null && JSON.stringify(draft) !== JSON.stringify(initial);
  const blocker = useUnsavedGuard(dirty);
  useEffect(() => {
    if (savedId) void navigate(`/audiences/programmes/${savedId}`);
  }, [savedId, navigate]);

  const save = useMutation({
    mutationFn: () => (programme ? updateProgramme(programme.id, draftToInput(draft)) : createProgramme(draftToInput(draft))),
    onSuccess: (p) => {
      queryClient.setQueryData(queryKeys.programme(p.id), p);
      void queryClient.invalidateQueries({ queryKey: queryKeys.programmesAll });
      setSavedId(p.id);
    },
    onError: (e) => {
      if (isApiError(e) && (e.status === 400 || e.status === 409)) setServer(issuesFromLines(e.messages, draft.metric));
      else setServer({ fields: {}, other: [e instanceof Error ? e.message : 'Saving failed.'] });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    if (Object.keys(client).length === 0) save.mutate();
  };
  const count = Object.keys(issues).length;

  return (
    <form className="programme-editor" onSubmit={submit} aria-label={programme ? `Edit programme ${programme.name}` : 'New programme'} noValidate>
      <title>{programme ? `Edit ${programme.name} · Hubpulse` : 'New programme · Hubpulse'}</title>
      <section className="panel">
        <header className="panel__header">
          <div className="panel__heading">
            <h2 className="panel__title">{programme ? `Edit “${programme.name}”` : 'New programme'}</h2>
            <p className="panel__description">A draft until launched. Save it to see the reach forecast; launching keeps that forecast beside the scorecard.</p>
          </div>
        </header>
        <label className="form-field programme-editor__name">
          <span>Name</span>
          <input value={draft.name} onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))} maxLength={200} aria-invalid={!!issues.name} />
          {issues.name && <span className="field-error">{issues.name.join('; ')}</span>}
        </label>
        <ProgrammeSteps draft={draft} set={(patch) => setDraft((d) => ({ ...d, ...patch }))} issues={issues} segments={segments.data} />
        {server.other.length > 0 && (
          <div className="form__error" role="alert">
            {server.other.join(' ')}
          </div>
        )}
        <div className="segment-editor__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : programme ? 'Save draft' : 'Save as draft'}
          </button>
          <Link to={programme ? `/audiences/programmes/${programme.id}` : '/audiences/programmes'} className="button button--ghost">
            Cancel
          </Link>
          {shown && count > 0 && (
            <span className="field-error" role="alert">
              {count === 1 ? '1 field needs' : `${count} fields need`} attention.
            </span>
          )}
        </div>
      </section>
      {blocker.state === 'blocked' && <LeavePrompt blocker={blocker} what="this programme" />}
    </form>
  );
}
