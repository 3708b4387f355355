import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { GoalDetailDto } from '@hubpulse/contracts';
import { isApiError } from '../../api/api.client';
import { createGoal, goalQuery, updateGoal } from '../../api/goals.api';
import { queryKeys } from '../../api/query-keys';
import { QueryStates } from '../../charts/shared/chart-states';
import { formatDayKey } from '@hubpulse/contracts';
import { LeavePrompt } from '../event-mappings/leave-prompt';
import { useUnsavedGuard } from '../event-mappings/use-unsaved-guard';
import { GoalFormFields } from './goal-form-fields';
import { type FieldIssues, type GoalDraft, checkDraft, draftFromGoal, draftToInput, emptyDraft, issuesFromMessages } from './goal-form.transform';
import { useGoalRights } from './use-strategy';
import { PageHeader } from '../shell/page-header';

/** /strategy/goals/new and /strategy/goals/:id/edit: admins and leaders set a goal; 400s show beside the fields they name. */
export function GoalEditorPage() {
  const { id } = useParams();
  const { canEdit } = useGoalRights();
  const existing = useQuery({ ...goalQuery(id ?? ''), enabled: !!id });
  return (
    <main className="page strategy">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/strategy">Strategy</Link> / {id ? (existing.data ? <Link to={`/strategy/goals/${id}`}>{existing.data.name}</Link> : 'Goal') : 'New goal'}
        {id && ' / Edit'}
      </nav>
      {!canEdit ? (
        <div className="notice" role="alert">
          <h1 className="notice__title">Only admins and leaders set goals</h1>
          <p>You can read every goal on the Strategy page. Ask an admin or a leader to change one.</p>
        </div>
      ) : !id ? (
        <GoalEditor key="new" />
      ) : (
        <QueryStates data={existing.data} error={existing.error} onRetry={() => void existing.refetch()} loadingLabel="Loading the goal…">
          {(g) => <GoalEditor key={g.id} goal={g} />}
        </QueryStates>
      )}
    </main>
  );
}

function GoalEditor({ goal }: { goal?: GoalDetailDto }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const initial = useMemo(() => (goal ? draftFromGoal(goal) : emptyDraft(formatDayKey(Date.now()))), [goal]);
  const [draft, setDraft] = useState<GoalDraft>(initial);
  const [shown, setShown] = useState(false);
  const [server, setServer] = useState<{ fields: FieldIssues; other: string[] }>({ fields: {}, other: [] });
  const [savedId, setSavedId] = useState<string | null>(null);
  const client = useMemo(() => checkDraft(draft), [draft]);
  const issues: FieldIssues = { ...(shown ? client : {}), ...server.fields };
  const dirty = savedId === null && JSON.stringify(draft) !== JSON.stringify(initial);
  const blocker = useUnsavedGuard(dirty);
  useEffect(() => {
    if (savedId) void navigate(`/strategy/goals/${savedId}`);
  }, [savedId, navigate]);

  const save = useMutation({
    mutationFn: () => (goal ? updateGoal(goal.id, draftToInput(draft)) : createGoal(draftToInput(draft))),
    onSuccess: (g) => {
      queryClient.setQueryData(queryKeys.goal(g.id), g);
      void queryClient.invalidateQueries({ queryKey: queryKeys.goalsAll });
      setSavedId(g.id);
    },
    onError: (e) => {
      if (isApiError(e) && e.status === 400) setServer(issuesFromMessages(e.messages));
      else setServer({ fields: {}, other: [e instanceof Error ? e.message : 'Saving failed.'] });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    setServer({ fields: {}, other: [] });
    if (Object.keys(client).length === 0) save.mutate();
  };
  const count = Object.keys(issues).length;

  return (
    <form className="goal-form" onSubmit={submit} aria-label={goal ? `Edit goal ${goal.name}` : 'New goal'} noValidate>
      <title>{goal ? `Edit ${goal.name} · Hubpulse` : 'New goal · Hubpulse'}</title>
      <PageHeader title={goal ? `Edit “${goal.name}”` : 'New goal'}>
        <span>A KPI with its baseline, target and period. Status and forecast follow from the monthly values entered later.</span>
      </PageHeader>
      <GoalFormFields draft={draft} set={(patch) => setDraft((d) => ({ ...d, ...patch }))} replace={setDraft} issues={issues} />
      {server.other.length > 0 && (
        <div className="form__error" role="alert">
          {server.other.join(' ')}
        </div>
      )}
      <div className="goal-form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : goal ? 'Save goal' : 'Create goal'}
        </button>
        <Link to={goal ? `/strategy/goals/${goal.id}` : '/strategy'} className="button button--ghost">
          Cancel
        </Link>
        {count > 0 && (
          <span className="field-error" role="alert">
            {count === 1 ? '1 field needs' : `${count} fields need`} attention.
          </span>
        )}
      </div>
      {blocker.state === 'blocked' && <LeavePrompt blocker={blocker} what="this goal" />}
    </form>
  );
}
