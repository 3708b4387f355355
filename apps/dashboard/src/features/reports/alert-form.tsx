import {
  ALERT_KIND_LABELS,
  ALERT_KINDS,
  ALERT_WEBHOOK_KINDS,
  GOAL_STATUS_LABELS,
  GOAL_STATUSES,
  PATTERN_GROUP_BY,
  PURPOSE_DEFINITIONS,
  PURPOSES,
  type AlertDirection,
  type AlertDto,
  type AlertKind,
  type AlertOptionsDto,
  type AlertWebhookKind,
  type PatternGroupBy,
  type Purpose,
} from '@hubpulse/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { saveAlert } from '../../api/alerts.api';
import { queryKeys } from '../../api/query-keys';
import { formErrors } from '../admin/form-errors.transform';
import { FormProblems } from '../admin/use-create-form';
import { alertDraftErrors, draftFromAlert, draftToBody, EMPTY_ALERT_DRAFT, type AlertDraft } from './alerts.transform';

const FIELDS = ['name', 'kind', 'goal_id', 'statuses', 'level', 'direction', 'purpose', 'group_by', 'group', 'cooldown_hours', 'recipients', 'webhooks', 'enabled'] as const;
const GROUP_BY_LABELS: Record<PatternGroupBy, string> = { org: 'The organisation', department: 'A department', location: 'A location' };
const WEBHOOK_LABELS: Record<AlertWebhookKind, string> = { slack: 'Slack', teams: 'Teams', webhook: 'JSON' };

/** Create an alert, or edit one (`alert`): what it watches, when it fires, who hears of it. */
export function AlertForm({ alert, options, onDone }: { alert: AlertDto | null; options: AlertOptionsDto; onDone: () => void }) {
  const queryClient = useQueryClient();
  const editing = alert !== null;
  const [draft, setDraft] = useState<AlertDraft>(() => (alert ? draftFromAlert(alert) : { ...EMPTY_ALERT_DRAFT, kind: options.can_watch_goals ? 'goal_status' : 'index' }));
  const [checked, setChecked] = useState(false);
  const set = (patch: Partial<AlertDraft>) => setDraft({ ...draft, ...patch });
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => saveAlert(alert?.id ?? null, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.alerts });
      onDone();
    },
  });
  const local = checked ? alertDraftErrors(draft, editing, alert?.webhooks.length ?? 0) : {};
  const server = formErrors(save.error, FIELDS);
  const error = (f: string) => local[f] ?? server.byField[f];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (Object.keys(alertDraftErrors(draft, editing, alert?.webhooks.length ?? 0)).length === 0) save.mutate(draftToBody(draft, editing));
  };
  const kinds = ALERT_KINDS.filter((k) => k === 'index' || options.can_watch_goals || k === alert?.kind);
  const groups = draft.groupBy === 'org' ? [] : options.groups[draft.groupBy];

  return (
    <form className="admin-form alert-form" noValidate onSubmit={submit} aria-label={editing ? `Edit ${alert.name}` : 'New alert'}>
      <FormProblems messages={server.general} />
      <div className="admin-form__row">
        <Field id="alert-name" label="Name" error={error('name')} help="What the message is called." grow>
          <input id="alert-name" type="text" maxLength={120} placeholder="e.g. Revenue goal slipping" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <Field id="alert-kind" label="Watch" error={error('kind')} help={options.can_watch_goals ? 'A goal, or an index of the Engagement page.' : 'Goal alerts are for leadership and admins.'}>
          <select id="alert-kind" value={draft.kind} onChange={(e) => set({ kind: e.target.value as AlertKind })}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {ALERT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
      </div>

      {draft.kind !== 'index' ? (
        <div className="admin-form__row">
          <Field id="alert-goal" label="Goal" error={error('goal_id')} help="As on the Strategy page." grow>
            <select id="alert-goal" value={draft.goalId} onChange={(e) => set({ goalId: e.target.value })}>
              <option value="">Pick a goal…</option>
              {options.goals.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </Field>
          {draft.kind === 'goal_status' ? (
            <fieldset className="form-field alert-form__statuses" aria-describedby="alert-statuses-help">
              <legend>Fires when the status is</legend>
              {GOAL_STATUSES.map((s) => (
                <label key={s} className="check">
                  <input type="checkbox" checked={draft.statuses.includes(s)} onChange={(e) => set({ statuses: e.target.checked ? [...draft.statuses, s] : draft.statuses.filter((x) => x !== s) })} />
                  <span>{GOAL_STATUS_LABELS[s]}</span>
                </label>
              ))}
              <span id="alert-statuses-help" className={error('statuses') ? 'field-error' : 'field-help'}>
                {error('statuses') ?? 'A change between these while firing is told too.'}
              </span>
            </fieldset>
          ) : (
            <Field id="alert-level" label="Chance below (%)" error={error('level')} help="The forecast’s chance of meeting the target.">
              <input id="alert-level" type="number" min={0} max={100} step="any" value={draft.level} onChange={(e) => set({ level: e.target.value })} />
            </Field>
          )}
        </div>
      ) : (
        <div className="admin-form__row">
          <Field id="alert-purpose" label="Index" error={error('purpose')} help="Purpose indices, 0–100.">
            <select id="alert-purpose" value={draft.purpose} onChange={(e) => set({ purpose: e.target.value as Purpose })}>
              {PURPOSES.map((p) => (
                <option key={p} value={p}>
                  {PURPOSE_DEFINITIONS[p].label}
                </option>
              ))}
            </select>
          </Field>
          <Field id="alert-group-by" label="Of" error={error('group_by')} help="Groups below the minimum size never fire.">
            <select id="alert-group-by" value={draft.groupBy} onChange={(e) => set({ groupBy: e.target.value as PatternGroupBy, group: '' })}>
              {PATTERN_GROUP_BY.map((g) => (
                <option key={g} value={g}>
                  {GROUP_BY_LABELS[g]}
                </option>
              ))}
            </select>
          </Field>
          {draft.groupBy !== 'org' && (
            <Field id="alert-group" label={draft.groupBy === 'department' ? 'Department' : 'Location'} error={error('group')} help="As the Engagement page lists them.">
              <select id="alert-group" value={draft.group} onChange={(e) => set({ group: e.target.value })}>
                <option value="">Pick one…</option>
                {groups.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field id="alert-direction" label="Fires when" error={error('direction')}>
            <select id="alert-direction" value={draft.direction} onChange={(e) => set({ direction: e.target.value as AlertDirection })}>
              <option value="below">below</option>
              <option value="above">above</option>
            </select>
          </Field>
          <Field id="alert-level" label="Level" error={error('level')} help="0–100.">
            <input id="alert-level" type="number" min={0} max={100} step="any" value={draft.level} onChange={(e) => set({ level: e.target.value })} />
          </Field>
        </div>
      )}

      <div className="admin-form__row">
        <Field id="alert-recipients" label="Recipients (email)" error={error('recipients')} help="Hubpulse users, separated by commas; each is checked against their role before every send." grow>
          <textarea id="alert-recipients" rows={2} value={draft.recipients} onChange={(e) => set({ recipients: e.target.value })} />
        </Field>
        <Field id="alert-cooldown" label="Cooldown (hours)" error={error('cooldown_hours')} help="No re-fire within it.">
          <input id="alert-cooldown" type="number" min={0} step={1} value={draft.cooldownHours} onChange={(e) => set({ cooldownHours: e.target.value })} />
        </Field>
      </div>

      <fieldset className="form-field alert-form__hooks">
        <legend>Webhooks</legend>
        {editing && alert.webhooks.length > 0 && (
          <label className="check">
            <input type="checkbox" checked={draft.removeWebhooks} onChange={(e) => set({ removeWebhooks: e.target.checked })} />
            <span>
              Remove {alert.webhooks.map((w) => `${WEBHOOK_LABELS[w.kind]} (${w.target})`).join(', ')}
              {draft.webhooks.some((w) => w.url.trim()) ? ' — replaced by the ones below' : ''}
            </span>
          </label>
        )}
        {draft.webhooks.map((w, i) => (
          <div key={i} className="alert-form__hook">
            <select aria-label={`Webhook ${i + 1} kind`} value={w.kind} onChange={(e) => set({ webhooks: draft.webhooks.map((x, j) => (j === i ? { ...x, kind: e.target.value as AlertWebhookKind } : x)) })}>
              {ALERT_WEBHOOK_KINDS.map((k) => (
                <option key={k} value={k}>
                  {WEBHOOK_LABELS[k]}
                </option>
              ))}
            </select>
            <input type="url" aria-label={`Webhook ${i + 1} URL`} placeholder="https://hooks.slack.com/services/…" value={w.url} onChange={(e) => set({ webhooks: draft.webhooks.map((x, j) => (j === i ? { ...x, url: e.target.value } : x)) })} />
            <button type="button" className="button button--ghost button--small" onClick={() => set({ webhooks: draft.webhooks.filter((_, j) => j !== i) })}>
              Remove
            </button>
          </div>
        ))}
        <div>
          <button type="button" className="button button--ghost button--small" onClick={() => set({ webhooks: [...draft.webhooks, { kind: 'slack', url: '' }] })}>
            Add a webhook
          </button>
        </div>
        <span className={error('webhooks') ? 'field-error' : 'field-help'}>
          {error('webhooks') ?? (editing ? 'Stored webhooks are shown by host only (their address is a secret); new ones replace them.' : 'Slack or Teams incoming webhooks, or any URL taking JSON.')}
        </span>
      </fieldset>

      <label className="check">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        <span>Enabled</span>
      </label>

      <div className="admin-form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : editing ? 'Save changes' : 'Create alert'}
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Field({ id, label, error, help, grow, children }: { id: string; label: string; error?: string; help?: string; grow?: boolean; children: React.ReactNode }) {
  return (
    <div className={grow ? 'form-field form-field--grow' : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {(error || help) && <span className={error ? 'field-error' : 'field-help'}>{error ?? help}</span>}
    </div>
  );
}
