import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { GOAL_SCOPES, PURPOSE_DEFINITIONS, PURPOSES, type GoalLinkCreateInput, type GoalLinkDto, type GoalLinkKind, type GoalScope, type Purpose } from '@hubpulse/contracts';
import { isApiError } from '../../api/api.client';
import { groupScoresQuery } from '../../api/engagement.api';
import { createGoalLink, updateGoalLink } from '../../api/goals.api';
import { programmesQuery } from '../../api/programmes.api';
import { segmentsQuery } from '../../api/segments.api';
import { Segmented } from '../../charts/shared/segmented';
import { useRefreshGoals } from './use-strategy';

type Issues = Record<string, string[]>;

const KIND_LABELS: Record<GoalLinkKind, string> = { segment: 'A segment', programme: 'A programme', scope: 'Departments, locations or everyone' };
const SCOPE_LABELS: Record<GoalScope, string> = { organisation: 'Everyone', department: 'Departments', location: 'Locations' };

/** "field: message" lines of a 400 by field; the rest apart. */
function sortIssues(messages: readonly string[]): { fields: Issues; other: string[] } {
  const fields: Issues = {};
  const other: string[] = [];
  for (const line of messages) {
    const m = /^([a-z_]+)(?:\.\d+)?: (.+)$/s.exec(line);
    if (m) (fields[m[1]] ??= []).push(m[2]);
    else other.push(line);
  }
  return { fields, other };
}

function FieldError({ issues, name }: { issues: Issues; name: string }) {
  return issues[name] ? <span className="field-error">{issues[name].join('; ')}</span> : null;
}

function PurposeField({ value, onChange, issues }: { value: Purpose | ''; onChange: (p: Purpose | '') => void; issues: Issues }) {
  return (
    <label className="form-field">
      <span>Purpose it is about (optional)</span>
      <select value={value} onChange={(e) => onChange(e.target.value as Purpose | '')} aria-invalid={!!issues.purpose}>
        <option value="">Engagement overall</option>
        {PURPOSES.map((p) => (
          <option key={p} value={p}>
            {PURPOSE_DEFINITIONS[p].label}
          </option>
        ))}
      </select>
      <FieldError issues={issues} name="purpose" />
    </label>
  );
}

function HypothesisField({ value, onChange, issues }: { value: string; onChange: (v: string) => void; issues: Issues }) {
  return (
    <label className="form-field link-form__wide">
      <span>Hypothesis, in words</span>
      <textarea
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={2}
        maxLength={500}
        placeholder="Engagement of Sales with the vision content should lift Q3 revenue"
        aria-invalid={!!issues.hypothesis}
      />
      <FieldError issues={issues} name="hypothesis" />
    </label>
  );
}

function useLinkSave<T>(save: (input: T) => Promise<unknown>, onDone: () => void) {
  const refresh = useRefreshGoals();
  const [issues, setIssues] = useState<{ fields: Issues; other: string[] }>({ fields: {}, other: [] });
  const mutation = useMutation({
    mutationFn: save,
    onSuccess: async () => {
      await refresh();
      onDone();
    },
    onError: (e) => setIssues(isApiError(e) && e.status === 400 ? sortIssues(e.messages) : { fields: {}, other: [e instanceof Error ? e.message : 'Saving failed.'] }),
  });
  return { mutation, issues };
}

/** A new contribution hypothesis: which audience's engagement should move this goal, and why. */
export function LinkCreateForm({ goalId, onDone }: { goalId: string; onDone: () => void }) {
  const [kind, setKind] = useState<GoalLinkKind>('scope');
  const [segmentId, setSegmentId] = useState('');
  const [programmeId, setProgrammeId] = useState('');
  const [scope, setScope] = useState<GoalScope>('department');
  const [names, setNames] = useState<string[]>([]);
  const [purpose, setPurpose] = useState<Purpose | ''>('');
  const [hypothesis, setHypothesis] = useState('');
  const segments = useQuery({ ...segmentsQuery, enabled: kind === 'segment' });
  const programmes = useQuery({ ...programmesQuery, enabled: kind === 'programme' });
  const groupBy = scope === 'location' ? 'location' : 'department';
  const groups = useQuery({ ...groupScoresQuery({ by: groupBy }), enabled: kind === 'scope' && scope !== 'organisation' });
  const { mutation, issues } = useLinkSave((input: GoalLinkCreateInput) => createGoalLink(goalId, input), onDone);
  const f = issues.fields;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const common = { purpose: purpose || null, hypothesis };
    const input: GoalLinkCreateInput =
      kind === 'segment'
        ? { kind, segment_id: segmentId, ...common }
        : kind === 'programme'
          ? { kind, programme_id: programmeId, ...common }
          : { kind, scope, ...(scope === 'department' ? { departments: names } : scope === 'location' ? { locations: names } : {}), ...common };
    mutation.mutate(input);
  };
  const toggle = (name: string) => setNames((xs) => (xs.includes(name) ? xs.filter((x) => x !== name) : [...xs, name]));
  const nameField = scope === 'location' ? 'locations' : 'departments';

  return (
    <form className="link-form no-print" onSubmit={submit} aria-label="Link an audience to this goal" noValidate>
      <fieldset className="form-field link-form__wide">
        <legend>Whose engagement</legend>
        <Segmented label="Whose engagement" options={Object.keys(KIND_LABELS) as GoalLinkKind[]} isActive={(k) => k === kind} onSelect={setKind}>
          {(k) => KIND_LABELS[k]}
        </Segmented>
        <FieldError issues={f} name="kind" />
      </fieldset>
      {kind === 'segment' && (
        <label className="form-field">
          <span>Segment</span>
          <select value={segmentId} onChange={(e) => setSegmentId(e.target.value)} aria-invalid={!!f.segment_id}>
            <option value="">Choose a segment…</option>
            {(segments.data?.segments ?? []).filter((s) => !s.archived_at).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <FieldError issues={f} name="segment_id" />
        </label>
      )}
      {kind === 'programme' && (
        <label className="form-field">
          <span>Programme</span>
          <select value={programmeId} onChange={(e) => setProgrammeId(e.target.value)} aria-invalid={!!f.programme_id}>
            <option value="">{programmes.data?.length === 0 ? 'No programmes yet (plan one in Audiences)' : 'Choose a programme…'}</option>
            {(programmes.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.status === 'launched' ? 'launched' : 'draft'})
              </option>
            ))}
          </select>
          <FieldError issues={f} name="programme_id" />
        </label>
      )}
      {kind === 'scope' && (
        <>
          <label className="form-field">
            <span>Who</span>
            <select
              value={scope}
              onChange={(e) => {
                setScope(e.target.value as GoalScope);
                setNames([]);
              }}
              aria-invalid={!!f.scope}
            >
              {GOAL_SCOPES.map((s) => (
                <option key={s} value={s}>
                  {SCOPE_LABELS[s]}
                </option>
              ))}
            </select>
            <FieldError issues={f} name="scope" />
          </label>
          {scope !== 'organisation' && (
            <fieldset className="form-field link-form__wide">
              <legend>{scope === 'location' ? 'Locations' : 'Departments'}</legend>
              <div className="check-list">
                {(groups.data?.groups ?? []).map((g) => (
                  <label key={g.key} className="check-list__item">
                    <input type="checkbox" checked={names.includes(g.label)} onChange={() => toggle(g.label)} /> {g.label}
                  </label>
                ))}
                {groups.isPending && <span className="muted">Loading names…</span>}
              </div>
              <FieldError issues={f} name={nameField} />
            </fieldset>
          )}
        </>
      )}
      <PurposeField value={purpose} onChange={setPurpose} issues={f} />
      <HypothesisField value={hypothesis} onChange={setHypothesis} issues={f} />
      <LinkFormFooter problems={issues.other} saving={mutation.isPending} submitLabel="Add link" onCancel={onDone} />
    </form>
  );
}

/** A link's words and purpose; the audience is fixed (a new audience is a new link). */
export function LinkEditForm({ link, onDone }: { link: GoalLinkDto; onDone: () => void }) {
  const [purpose, setPurpose] = useState<Purpose | ''>(link.purpose ?? '');
  const [hypothesis, setHypothesis] = useState(link.hypothesis);
  const { mutation, issues } = useLinkSave(() => updateGoalLink(link.goal_id, link.id, { purpose: purpose || null, hypothesis }), onDone);
  return (
    <form
      className="link-form no-print"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate(undefined);
      }}
      aria-label={`Edit the link to ${link.audience_label}`}
      noValidate
    >
      <PurposeField value={purpose} onChange={setPurpose} issues={issues.fields} />
      <HypothesisField value={hypothesis} onChange={setHypothesis} issues={issues.fields} />
      <LinkFormFooter problems={issues.other} saving={mutation.isPending} submitLabel="Save link" onCancel={onDone} />
    </form>
  );
}

/** Problems not tied to a field, then Save and Cancel. */
function LinkFormFooter({ problems, saving, submitLabel, onCancel }: { problems: readonly string[]; saving: boolean; submitLabel: string; onCancel: () => void }) {
  return (
    <>
      {problems.length > 0 && (
        <div className="form__error link-form__wide" role="alert">
          {problems.join(' ')}
        </div>
      )}
      <div className="inline-form__actions link-form__wide">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
