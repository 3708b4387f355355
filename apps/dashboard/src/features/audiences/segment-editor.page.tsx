import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { SEGMENT_MEMBER_ROLES, type SegmentDetailDto, type SegmentRule, type SegmentRuleIssue } from '@hubpulse/contracts';
import { isApiError } from '../../api/api.client';
import { queryKeys } from '../../api/query-keys';
import { createSegment, segmentQuery, updateSegment } from '../../api/segments.api';
import { QueryStates } from '../../charts/shared/chart-states';
import { LeavePrompt } from '../event-mappings/leave-prompt';
import { useUnsavedGuard } from '../event-mappings/use-unsaved-guard';
import { AudiencesOnlyForEditors } from './audiences-notices';
import { PreviewPanel } from './preview-panel';
import { RuleBuilder } from './rule-builder';
import { type DefinitionDraft, SegmentDefinition } from './segment-definition';
import { checkRule, nameSegmentIds, parseIssueLines } from './rule-tree.transform';
import { useAttributeSuggestions, useSegmentPreview } from './use-segment-preview';
import { useAudienceRights, useSegments } from './use-audiences';

const START_RULE: SegmentRule = { kind: 'and', children: [{ kind: 'behaviour', action: 'comment', min_count: 3, days: 30 }] };

interface Draft extends DefinitionDraft {
  rule: SegmentRule;
  changeNote: string;
}

/** New segment (/audiences/segments/new) or a segment's rule edited (/audiences/segments/:id/edit). */
export function SegmentEditorPage() {
  const { id } = useParams();
  const { canEdit } = useAudienceRights();
  const existing = useQuery({ ...segmentQuery(id ?? ''), enabled: !!id });
  if (!canEdit) return <AudiencesOnlyForEditors what="build segments" />;
  if (!id) return <SegmentEditor key="new" />;
  return (
    <QueryStates data={existing.data} error={existing.error} onRetry={() => void existing.refetch()} loadingLabel="Loading the segment…">
      {(s) => <SegmentEditor key={s.id} segment={s} />}
    </QueryStates>
  );
}

function SegmentEditor({ segment }: { segment?: SegmentDetailDto }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useAudienceRights();
  const initial = useMemo<Draft>(
    () => ({
      name: segment?.name ?? '',
      description: segment?.description ?? '',
      kind: segment?.kind ?? 'dynamic',
      rule: segment?.rule ?? START_RULE,
      changeNote: '',
    }),
    [segment],
  );
  const [draft, setDraft] = useState<Draft>(initial);
  const [saveIssues, setSaveIssues] = useState<{ rule: SegmentRuleIssue[]; fields: Record<string, string[]>; other: string[] }>({ rule: [], fields: {}, other: [] });
  const [savedId, setSavedId] = useState<string | null>(null);
  const [peopleNames, setPeopleNames] = useState<Map<string, string>>(new Map());

  const clientIssues = useMemo(() => checkRule(draft.rule), [draft.rule]);
  const preview = useSegmentPreview(draft.rule, clientIssues.length === 0, true);
  const suggestions = useAttributeSuggestions(true);
  const segments = useSegments();

  const dirty = savedId === null && JSON.stringify(draft) !== JSON.stringify(initial);
  const blocker = useUnsavedGuard(dirty);
  // Leave for the detail page only once the guard knows nothing is unsaved.
  useEffect(() => {
    if (savedId) void navigate(`/audiences/segments/${savedId}`);
  }, [savedId, navigate]);

  const save = useMutation({
    mutationFn: () =>
      segment
        ? updateSegment(segment.id, {
            name: draft.name,
            description: draft.description.trim() || null,
            rule: draft.rule,
            change_note: draft.changeNote.trim() || undefined,
          })
        : createSegment({ name: draft.name, description: draft.description.trim() || null, kind: draft.kind, rule: draft.rule }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.segment(saved.segment.id), saved.segment);
      void queryClient.invalidateQueries({ queryKey: queryKeys.segmentsAll });
      setSavedId(saved.segment.id);
    },
    onError: (error) => {
      if (isApiError(error) && (error.status === 400 || error.status === 409)) {
        const { issues, other } = parseIssueLines(error.messages);
        const fields: Record<string, string[]> = {};
        for (const i of issues.filter((i) => !i.path.startsWith('rule'))) (fields[i.path] ??= []).push(i.message);
        setSaveIssues({ rule: issues.filter((i) => i.path.startsWith('rule')), fields, other });
      } else setSaveIssues({ rule: [], fields: {}, other: [error instanceof Error ? error.message : 'Saving failed.'] });
    },
  });

  const nameProblem = draft.name.trim() === '' ? 'must not be empty' : null;
  const segmentNames = useMemo(() => new Map((segments.data?.segments ?? []).map((s) => [s.id, s.name])), [segments.data]);
  const allIssues = nameSegmentIds([...clientIssues, ...preview.serverIssues, ...saveIssues.rule], segmentNames);
  const canSave = clientIssues.length === 0 && !nameProblem && !save.isPending;

  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (patch.rule) setSaveIssues((s) => ({ ...s, rule: [] }));
    if (patch.name !== undefined) setSaveIssues((s) => ({ ...s, fields: { ...s.fields, name: [] } }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (canSave) save.mutate();
  };

  const others = (segments.data?.segments ?? []).filter((s) => s.id !== segment?.id && !s.archived_at).map((s) => ({ id: s.id, name: s.name }));
  const nameProblems = [...(nameProblem && draft.name !== initial.name ? [nameProblem] : []), ...(saveIssues.fields.name ?? [])];

  return (
    <form className="segment-editor" onSubmit={submit} aria-label={segment ? `Edit segment ${segment.name}` : 'New segment'}>
      <title>{segment ? `Edit ${segment.name} · Hubpulse` : 'New segment · Hubpulse'}</title>
      <div className="segment-editor__main">
        <SegmentDefinition segment={segment} draft={draft} nameProblems={nameProblems} onChange={update} />
        <section className="panel" aria-label="Rule builder">
          <header className="panel__header">
            <div className="panel__heading">
              <h2 className="panel__title">Rule</h2>
              <p className="panel__description">People in the directory who match. Conditions on behaviour count days up to the newest event.</p>
            </div>
            <span className={allIssues.length ? 'badge badge--behind' : 'badge badge--met'}>{allIssues.length ? `${allIssues.length} problem${allIssues.length === 1 ? '' : 's'}` : 'Valid'}</span>
          </header>
          <RuleBuilder
            rule={draft.rule}
            onChange={(rule) => update({ rule })}
            issues={allIssues}
            ctx={{
              segments: others,
              suggestions,
              canSearchPeople: !!user && (SEGMENT_MEMBER_ROLES as readonly string[]).includes(user.role),
              peopleNames,
              onPersonNamed: (pid, name) => setPeopleNames((m) => new Map(m).set(pid, name)),
            }}
          />
        </section>
        {segment && (
          <label className="form-field">
            <span>Change note (kept in the edit history)</span>
            <input value={draft.changeNote} onChange={(e) => update({ changeNote: e.target.value })} maxLength={500} placeholder="Why the rule changed" />
          </label>
        )}
        {saveIssues.other.length > 0 && (
          <div className="form__error" role="alert">
            {saveIssues.other.join(' ')}
          </div>
        )}
        <div className="segment-editor__actions">
          <button type="submit" className="button button--primary" disabled={!canSave}>
            {save.isPending ? 'Saving…' : segment ? 'Save changes' : 'Save segment'}
          </button>
          <Link to={segment ? `/audiences/segments/${segment.id}` : '/audiences'} className="button button--ghost">
            Cancel
          </Link>
          {!canSave && !save.isPending && <span className="muted">{nameProblem ? 'Give it a name to save.' : 'Fix the problems in the rule to save.'}</span>}
        </div>
      </div>
      <aside className="segment-editor__preview">
        <PreviewPanel preview={preview} hasProblems={clientIssues.length > 0} />
      </aside>
      {blocker.state === 'blocked' && <LeavePrompt blocker={blocker} what="this segment" />}
    </form>
  );
}
