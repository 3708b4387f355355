import type { ScheduleDto, ScheduleWebhookKind } from '@hubpulse/contracts';
import { SCHEDULE_ATTACHMENTS, SCHEDULE_WEBHOOK_KINDS, roleLabel } from '@hubpulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { savedViewsQuery } from '../../api/saved-views.api';
import { createSchedule, scheduleRecipientsQuery, updateSchedule } from '../../api/schedules.api';
import { FormProblems } from '../admin/use-create-form';
import { formErrors } from '../admin/form-errors.transform';
import { ATTACHMENT_LABELS, type ScheduleDraft, WEBHOOK_LABELS, WEEKDAYS, draftErrors, draftOf, draftToBody, emptyDraft, timeZones, toggle } from './schedules.transform';

const FIELDS = ['name', 'view_ids', 'frequency', 'weekday', 'day_of_month', 'time', 'time_zone', 'recipient_ids', 'webhooks', 'attachments'];

/** Create a schedule, or edit `editing`: saved views, when (time zone defaults to the browser's), who, webhooks, files. */
export function ScheduleForm({ editing, onDone }: { editing: ScheduleDto | null; onDone: () => void }) {
  const queryClient = useQueryClient();
  const views = useQuery(savedViewsQuery);
  const people = useQuery(scheduleRecipientsQuery);
  const [draft, setDraft] = useState<ScheduleDraft>(() => (editing ? draftOf(editing) : emptyDraft()));
  const [checked, setChecked] = useState(false);
  const set = (patch: Partial<ScheduleDraft>) => setDraft({ ...draft, ...patch });
  const zones = useMemo(() => timeZones(draft.timeZone), [draft.timeZone]);
  const save = useMutation({
    mutationFn: () => (editing ? updateSchedule(editing.id, draftToBody(draft, true)) : createSchedule(draftToBody(draft, false))),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['schedules'] });
      onDone();
    },
  });
  const local = checked ? draftErrors(draft, !!editing) : {};
  const server = formErrors(save.error, FIELDS);
  const error = (f: string) => local[f] ?? server.byField[f];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (Object.keys(draftErrors(draft, !!editing)).length === 0) save.mutate();
  };
  const help = (id: string, f: string, text: string) => (
    <span id={id} className={error(f) ? 'field-error' : 'field-help'}>
      {error(f) ?? text}
    </span>
  );

  return (
    <form className="admin-form schedule-form" noValidate onSubmit={submit} aria-label={editing ? `Edit ${editing.name}` : 'New schedule'}>
      <FormProblems messages={server.general} />
      <div className="form-field">
        <label htmlFor="schedule-name">Name</label>
        <input id="schedule-name" type="text" maxLength={120} placeholder="e.g. Monday engagement for the comms team" value={draft.name} aria-describedby="schedule-name-help" onChange={(e) => set({ name: e.target.value })} />
        {help('schedule-name-help', 'name', 'The mail’s subject starts with it.')}
      </div>
      <fieldset className="bare-fieldset form-field">
        <legend>Saved views</legend>
        <div className="check-list">
          {(views.data ?? []).map((v) => (
            <label key={v.id} className="check-list__item">
              <input type="checkbox" checked={draft.viewIds.includes(v.id)} onChange={() => set({ viewIds: toggle(draft.viewIds, v.id) })} /> {v.name} <span className="muted">({v.page_label})</span>
            </label>
          ))}
        </div>
        {help('schedule-views-help', 'view_ids', views.data?.length === 0 ? 'Save a view first (“Save view” at the top of a page).' : 'Each view’s numbers, a link back, and its tables as files.')}
      </fieldset>
      <div className="admin-form__row">
        <div className="form-field">
          <label htmlFor="schedule-frequency">Repeat</label>
          <select id="schedule-frequency" value={draft.frequency} onChange={(e) => set({ frequency: e.target.value as ScheduleDraft['frequency'] })}>
            <option value="daily">Every day</option>
            <option value="weekly">Every week</option>
            <option value="monthly">Every month</option>
          </select>
        </div>
        {draft.frequency === 'weekly' && (
          <div className="form-field">
            <label htmlFor="schedule-weekday">On</label>
            <select id="schedule-weekday" value={draft.weekday} onChange={(e) => set({ weekday: Number(e.target.value) })}>
              {WEEKDAYS.map((d, i) => (
                <option key={d} value={i + 1}>
                  {d}
                </option>
              ))}
            </select>
          </div>
        )}
        {draft.frequency === 'monthly' && (
          <div className="form-field">
            <label htmlFor="schedule-day">Day of the month</label>
            <input id="schedule-day" type="number" min={1} max={31} value={draft.dayOfMonth} aria-describedby="schedule-day-help" onChange={(e) => set({ dayOfMonth: Number(e.target.value) })} />
            {help('schedule-day-help', 'day_of_month', 'In shorter months, the last day.')}
          </div>
        )}
        <div className="form-field">
          <label htmlFor="schedule-time">Local time</label>
          <input id="schedule-time" type="time" value={draft.time} aria-describedby="schedule-time-help" onChange={(e) => set({ time: e.target.value })} />
          {help('schedule-time-help', 'time', 'Local time.')}
        </div>
        <div className="form-field form-field--grow">
          <label htmlFor="schedule-zone">Time zone</label>
          <select id="schedule-zone" value={draft.timeZone} aria-describedby="schedule-zone-help" onChange={(e) => set({ timeZone: e.target.value })}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
          {help('schedule-zone-help', 'time_zone', 'Runs at this local time all year, across daylight-saving changes.')}
        </div>
      </div>
      <fieldset className="bare-fieldset form-field">
        <legend>Mail to</legend>
        <div className="check-list">
          {(people.data ?? []).map((u) => (
            <label key={u.id} className="check-list__item">
              <input type="checkbox" checked={draft.recipientIds.includes(u.id)} onChange={() => set({ recipientIds: toggle(draft.recipientIds, u.id) })} /> {u.name || u.email} <span className="muted">({roleLabel(u.role)})</span>
            </label>
          ))}
        </div>
        {help('schedule-people-help', 'recipient_ids', 'Each person gets what their role may see, checked at every send; someone who loses access stops receiving.')}
      </fieldset>
      <fieldset className="bare-fieldset form-field">
        <legend>Webhooks</legend>
        {editing && editing.webhooks.length > 0 && (
          <label className="check">
            <input type="checkbox" checked={draft.replaceWebhooks} onChange={(e) => set({ replaceWebhooks: e.target.checked })} /> Replace the stored webhooks ({editing.webhooks.map((w) => `${WEBHOOK_LABELS[w.kind]} · ${w.host}`).join(', ')})
          </label>
        )}
        {draft.webhooks.map((w, i) => (
          <div key={i} className="schedule-form__hook">
            <select aria-label={`Webhook ${i + 1} kind`} value={w.kind} onChange={(e) => set({ webhooks: draft.webhooks.map((x, j) => (j === i ? { ...x, kind: e.target.value as ScheduleWebhookKind } : x)) })}>
              {SCHEDULE_WEBHOOK_KINDS.map((k) => (
                <option key={k} value={k}>
                  {WEBHOOK_LABELS[k]}
                </option>
              ))}
            </select>
            <input type="url" aria-label={`Webhook ${i + 1} address`} placeholder="https://hooks.slack.com/services/…" value={w.url} onChange={(e) => set({ webhooks: draft.webhooks.map((x, j) => (j === i ? { ...x, url: e.target.value } : x)) })} />
            <button type="button" className="button button--ghost button--small" onClick={() => set({ webhooks: draft.webhooks.filter((_, j) => j !== i) })}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" className="button button--ghost button--small" onClick={() => set({ webhooks: [...draft.webhooks, { kind: 'slack', url: '' }] })}>
          Add a webhook
        </button>
        {help('schedule-hooks-help', 'webhooks', 'Slack and Teams incoming webhooks get a card with the key figures (no files). The address is kept secret: lists show its host only.')}
      </fieldset>
      <fieldset className="bare-fieldset form-field">
        <legend>Files in the mail</legend>
        <div className="check-list">
          {SCHEDULE_ATTACHMENTS.map((a) => (
            <label key={a} className="check-list__item">
              <input type="checkbox" checked={draft.attachments.includes(a)} onChange={() => set({ attachments: toggle(draft.attachments, a) })} /> {ATTACHMENT_LABELS[a]}
            </label>
          ))}
        </div>
        {help('schedule-files-help', 'attachments', 'Made by the server exports with the reader’s role; the PDF is the page as printed, when the server has a Chromium.')}
      </fieldset>
      <div className="admin-form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : editing ? 'Save changes' : 'Create schedule'}
        </button>
        {editing && (
          <button type="button" className="button button--ghost" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
