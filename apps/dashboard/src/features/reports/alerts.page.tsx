import { ALERT_ROLES, ALERT_RULE_TEXT, roleLabel, roleMayOpen, type AlertDto, type AlertOptionsDto } from '@hubpulse/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { sessionQuery } from '../../api/auth.api';
import { alertHistoryQuery, alertOptionsQuery, alertsQuery, deleteAlert } from '../../api/alerts.api';
import { queryKeys } from '../../api/query-keys';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { DataTable } from '../../charts/shared/data-table';
import { formatDateTime } from '../../lib/format';
import { AlertForm } from './alert-form';
import { ALERT_STATE_LABELS, sortAlerts } from './alerts.transform';

/** Reports → Alerts: rules on goals and purpose indices, their state, and what they sent. */
export function AlertsPage() {
  const { data: user } = useQuery(sessionQuery);
  if (!roleMayOpen(user?.role, '/reports/alerts')) {
    return (
      <div className="notice" role="alert">
        <title>Alerts · Reports · Hubpulse</title>
        <p>Alerts are for {ALERT_ROLES.map(roleLabel).join(', ')}. Scheduled reports and exports are in the other tabs.</p>
      </div>
    );
  }
  return <Alerts />;
}

function Alerts() {
  const alerts = useQuery(alertsQuery);
  const options = useQuery(alertOptionsQuery);
  const [editing, setEditing] = useState<AlertDto | 'new' | null>(null);
  const rows = useMemo(() => alerts.data && sortAlerts(alerts.data), [alerts.data]);

  return (
    <>
      <title>Alerts · Reports · Hubpulse</title>
      <p className="reports-intro">Hear when a goal slips or an index crosses a line, by mail, Slack or Teams. {ALERT_RULE_TEXT}</p>

      <ChartPanel
        title={editing && editing !== 'new' ? `Edit “${editing.name}”` : 'New alert'}
        description="A goal’s status or chance of meeting its target (leadership and admins), or an engagement or purpose index of the organisation, a department or a location."
      >
        {editing && options.data ? (
          <AlertForm key={editing === 'new' ? 'new' : editing.id} alert={editing === 'new' ? null : editing} options={options.data} onDone={() => setEditing(null)} />
        ) : (
          <button type="button" className="button button--primary" disabled={!options.data} onClick={() => setEditing('new')}>
            New alert
          </button>
        )}
      </ChartPanel>

      <ChartPanel title="Alerts" description="Evaluated after every KPI write and every score run. Values are as the Strategy and Engagement pages show them; a hidden value is never sent.">
        <QueryStates data={rows} error={alerts.error} onRetry={() => void alerts.refetch()} loadingLabel="Loading alerts…" empty={(r) => r.length === 0 && 'No alerts yet'} emptyText="Create one above.">
          {(r) => <AlertsTable rows={r} options={options.data} onEdit={setEditing} />}
        </QueryStates>
      </ChartPanel>
    </>
  );
}

function AlertsTable({ rows, options, onEdit }: { rows: AlertDto[]; options: AlertOptionsDto | undefined; onEdit: (a: AlertDto) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <DataTable caption="Alerts" columns={['Alert', 'State', 'Last value', 'Sends to', 'Cooldown', '']}>
      {rows.map((a) => (
        <Fragment key={a.id}>
          <AlertRow alert={a} canEdit={a.can_edit && !!options} open={open === a.id} onToggle={() => setOpen(open === a.id ? null : a.id)} onEdit={() => onEdit(a)} />
          {open === a.id && (
            <tr className="alert-history-row">
              <td colSpan={6}>
                <AlertHistory id={a.id} />
              </td>
            </tr>
          )}
        </Fragment>
      ))}
    </DataTable>
  );
}

function AlertRow({ alert: a, canEdit, open, onToggle, onEdit }: { alert: AlertDto; canEdit: boolean; open: boolean; onToggle: () => void; onEdit: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({ mutationFn: () => deleteAlert(a.id), onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.alerts }) });
  const sendsTo = [...a.recipients.map((r) => r.email), ...a.webhooks.map((w) => `${w.kind} · ${w.target}`)];
  return (
    <tr data-testid="alert-row" className={a.enabled ? undefined : 'is-revoked'}>
      <td>
        <strong>{a.name}</strong>
        <div className="small">
          <Link to={a.page}>{a.condition}</Link>
        </div>
        <div className="muted small">by {a.owner.email}</div>
      </td>
      <td className="nowrap">
        <span className={`badge badge--alert badge--alert-${a.state}`}>{a.enabled ? ALERT_STATE_LABELS[a.state] : 'Disabled'}</span>
        <div className="muted small">since {formatDateTime(a.state_since)}</div>
      </td>
      <td>
        {a.last_value ?? <span className="muted">{a.last_reason ?? 'Not evaluated yet'}</span>}
        {a.last_evaluated_at && <div className="muted small">checked {formatDateTime(a.last_evaluated_at)}</div>}
      </td>
      <td className="small">{sendsTo.join(', ')}</td>
      <td className="nowrap">{a.cooldown_hours} h</td>
      <td>
        <div className="saved-views__actions">
          <button type="button" className="button button--ghost button--small" aria-expanded={open} aria-label={`History of ${a.name}`} onClick={onToggle}>
            History
          </button>
          {canEdit && (
            <button type="button" className="button button--ghost button--small" aria-label={`Edit ${a.name}`} onClick={onEdit}>
              Edit
            </button>
          )}
          {a.can_edit && (
            <button type="button" className="button button--danger button--small" aria-label={`Delete ${a.name}`} disabled={remove.isPending} onClick={() => window.confirm(`Delete the alert “${a.name}” and its history?`) && remove.mutate()}>
              Delete
            </button>
          )}
        </div>
        {remove.isError && (
          <span className="field-error" role="alert">
            {(remove.error as Error).message}
          </span>
        )}
      </td>
    </tr>
  );
}

const NOTIFICATION_LABELS = { firing: 'sent “firing”', changed: 'sent “changed”', resolved: 'sent “resolved”' } as const;

function AlertHistory({ id }: { id: string }) {
  const q = useQuery(alertHistoryQuery(id));
  return (
    <QueryStates data={q.data} error={q.error} onRetry={() => void q.refetch()} loadingLabel="Loading history…" empty={(h) => h.transitions.length === 0 && 'Nothing happened yet'} emptyText="It has not fired.">
      {(h) => (
        <div className="alert-history">
          <DataTable caption="Transitions" columns={['When (UTC)', 'Change', 'Value', 'Sent']}>
            {h.transitions.map((t) => {
              const sent = h.deliveries.filter((d) => d.run_key === t.id);
              return (
                <tr key={t.id}>
                  <td className="nowrap">{formatDateTime(t.at)}</td>
                  <td>
                    {ALERT_STATE_LABELS[t.from]} → {ALERT_STATE_LABELS[t.to]}
                    {t.notification && <div className="muted small">{NOTIFICATION_LABELS[t.notification]}</div>}
                  </td>
                  <td>{t.detail}</td>
                  <td className="small">
                    {sent.map((d) => (
                      <div key={d.id} className={d.status === 'failed' ? 'form__error' : undefined}>
                        {d.target}: {d.status}
                        {d.attempts > 1 ? ` after ${d.attempts} attempts` : ''}
                        {d.error ? ` (${d.error})` : ''}
                      </div>
                    ))}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </div>
      )}
    </QueryStates>
  );
}
