import type { ScheduleDto } from '@hubpulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { deleteSchedule, scheduleDeliveriesQuery, schedulesQuery, sendScheduleNow, updateSchedule } from '../../api/schedules.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { DataTable } from '../../charts/shared/data-table';
import { formatDateTime } from '../../lib/format';
import { ScheduleForm } from './schedule-form';
import { DELIVERY_STATUS_LABELS, WEBHOOK_LABELS, deliveryTarget, lastRunText, whenText } from './schedules.transform';

/** Reports → Schedules: saved views mailed and posted on a schedule; create, edit, pause, send now, history. */
export function SchedulesPage() {
  const schedules = useQuery(schedulesQuery);
  const [editing, setEditing] = useState<ScheduleDto | null>(null);
  const [historyOf, setHistoryOf] = useState<ScheduleDto | null>(null);
  // a new key empties the form after a create
  const [formKey, setFormKey] = useState(0);
  return (
    <>
      <title>Schedules · Reports · Hubpulse</title>
      <p className="reports-intro">Saved views delivered by mail (a summary with the key figures, CSV, Excel or PDF files) and to Slack or Teams, daily, weekly or monthly. A run is skipped when nothing changed; “Send now” always sends.</p>
      <ChartPanel title="Scheduled reports" description="Yours (an admin sees everyone’s). Each recipient’s role is checked at every send.">
        <QueryStates data={schedules.data} error={schedules.error} onRetry={() => void schedules.refetch()} loadingLabel="Loading schedules…" empty={(s) => s.length === 0 && 'No schedules yet'} emptyText="Create one below from your saved views.">
          {(rows) => (
            <DataTable caption="Scheduled reports" columns={['Name', 'Views', 'When', 'To', 'Next run', 'Last run', '']}>
              {rows.map((s) => (
                <ScheduleRow key={s.id} schedule={s} onEdit={() => setEditing(s)} onHistory={() => setHistoryOf(s)} />
              ))}
            </DataTable>
          )}
        </QueryStates>
      </ChartPanel>
      {historyOf && <History schedule={historyOf} onClose={() => setHistoryOf(null)} />}
      <ChartPanel title={editing ? `Edit “${editing.name}”` : 'New schedule'}>
        <ScheduleForm key={editing?.id ?? `new-${formKey}`} editing={editing} onDone={() => (setEditing(null), setFormKey((k) => k + 1))} />
      </ChartPanel>
    </>
  );
}

function ScheduleRow({ schedule: s, onEdit, onHistory }: { schedule: ScheduleDto; onEdit: () => void; onHistory: () => void }) {
  const queryClient = useQueryClient();
  const done = () => queryClient.invalidateQueries({ queryKey: ['schedules'] });
  const send = useMutation({ mutationFn: () => sendScheduleNow(s.id), onSettled: done });
  const pause = useMutation({ mutationFn: () => updateSchedule(s.id, { paused: !s.paused }), onSettled: done });
  const remove = useMutation({ mutationFn: () => deleteSchedule(s.id), onSettled: done });
  const error = send.error ?? pause.error ?? remove.error;
  const sent = send.data?.deliveries;
  const to = [...s.recipients.map((r) => r.name || r.email), ...s.webhooks.map((w) => `${WEBHOOK_LABELS[w.kind]} · ${w.host}`)];
  return (
    <tr data-testid="schedule-row" className={s.paused ? 'is-revoked' : undefined}>
      <th scope="row">
        {s.name}
        {!s.mine && <div className="muted">{s.owner.email}</div>}
      </th>
      <td>{s.views.map((v) => (v.missing ? <s key={v.id}>{v.name}</s> : <div key={v.id}>{v.name}</div>))}</td>
      <td>{whenText(s)}</td>
      <td>{to.join(', ')}</td>
      <td className="nowrap">{s.paused ? <span className="muted">Paused</span> : formatDateTime(s.next_run_at)}</td>
      <td>
        <span className={s.last_status === 'failed' || s.last_status === 'partial' ? 'field-error' : undefined}>{lastRunText(s)}</span>
        {s.last_run_at && <div className="muted nowrap">{formatDateTime(s.last_run_at)}</div>}
      </td>
      <td>
        <div className="saved-views__actions">
          {s.mine && (
            <button type="button" className="button button--primary button--small" disabled={send.isPending} onClick={() => send.mutate()}>
              {send.isPending ? 'Sending…' : 'Send now'}
            </button>
          )}
          <button type="button" className="button button--ghost button--small" onClick={onHistory}>
            History
          </button>
          {s.mine && (
            <>
              <button type="button" className="button button--ghost button--small" disabled={pause.isPending} onClick={() => pause.mutate()}>
                {s.paused ? 'Resume' : 'Pause'}
              </button>
              <button type="button" className="button button--ghost button--small" onClick={onEdit}>
                Edit
              </button>
            </>
          )}
          <button type="button" className="button button--danger button--small" disabled={remove.isPending} onClick={() => window.confirm(`Delete the schedule “${s.name}” and its history?`) && remove.mutate()}>
            Delete
          </button>
        </div>
        {sent && <span className="field-help" role="status">{`${sent.filter((d) => d.status === 'sent').length} sent, ${sent.filter((d) => d.status === 'failed').length} failed, ${sent.filter((d) => d.status === 'skipped').length} skipped`}</span>}
        {error && (
          <span className="field-error" role="alert">
            {error.message}
          </span>
        )}
      </td>
    </tr>
  );
}

function History({ schedule, onClose }: { schedule: ScheduleDto; onClose: () => void }) {
  const rows = useQuery(scheduleDeliveriesQuery(schedule.id));
  return (
    <ChartPanel
      title={`History of “${schedule.name}”`}
      description="Every mail and webhook post, newest first, with its attempts; failed ones were retried."
      aside={
        <button type="button" className="button button--ghost button--small" onClick={onClose}>
          Close
        </button>
      }
    >
      <QueryStates data={rows.data} error={rows.error} onRetry={() => void rows.refetch()} loadingLabel="Loading history…" empty={(r) => r.length === 0 && 'Nothing sent yet'} emptyText="Runs appear here, including skipped ones.">
        {(r) => (
          <DataTable caption={`Deliveries of ${schedule.name}`} columns={['When', 'Run', 'To', 'Status', 'Attempts', 'Why']}>
            {r.map((d) => (
              <tr key={d.id} data-testid="delivery-row">
                <td className="nowrap">{formatDateTime(d.created_at)}</td>
                <td className="nowrap muted">{d.run.startsWith('now:') ? 'Sent now' : formatDateTime(d.run)}</td>
                <td>{deliveryTarget(d)}</td>
                <td className={d.status === 'failed' ? 'field-error' : undefined}>{DELIVERY_STATUS_LABELS[d.status]}</td>
                <td>{d.attempts}</td>
                <td className="muted">{d.error ?? ''}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryStates>
    </ChartPanel>
  );
}
