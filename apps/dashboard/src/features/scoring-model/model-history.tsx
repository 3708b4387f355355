import { Fragment, useState } from 'react';
import type { ScoringModelDto } from '@hubpulse/contracts';
import { ExportMenu } from '../../charts/shared/export-menu';
import { formatPoints } from '../../lib/format';
import { EVENT_TYPE_LABELS } from '@hubpulse/contracts';
import { ACTION_TYPES, versionChanges } from './scoring-model.transform';
import { DataTable, TableHead } from '../../charts/shared/data-table';

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

function formatWhen(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${dateTime.format(t)} UTC`;
}

/** Every version, newest first, with what it changed; any can seed the editor. */
export function ModelHistory({ models, onStartFrom }: { models: ScoringModelDto[]; onStartFrom: (model: ScoringModelDto) => void }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <div className="table-toolbar">
        <h3 className="table-toolbar__title">
          {models.length} {models.length === 1 ? 'version' : 'versions'}
        </h3>
        <ExportMenu view="engagement.scoring-models" params={{}} what="scoring model versions" />
      </div>
      <DataTable caption="Scoring model versions, newest first" className="history-table" columns={['Version', 'Created', 'By', 'What changed', 'Note', <span className="visually-hidden">Actions</span>]}>
        {models.map((m, i) => {
          const changes = versionChanges(m, models[i + 1]);
          const expanded = open === m.version;
          return (
            <Fragment key={m.version}>
              <tr className={expanded ? 'is-expanded' : undefined}>
                <th scope="row">
                  <strong>v{m.version}</strong> {i === 0 && <span className="badge badge--on-track">in use</span>}
                </th>
                <td className="nowrap">{formatWhen(m.created_at)}</td>
                <td>{m.created_by ?? <span className="muted">system</span>}</td>
                <td>
                  {i === models.length - 1 ? (
                    <span className="muted">First version</span>
                  ) : changes.length === 0 ? (
                    <span className="muted">No number changed</span>
                  ) : (
                    <span className="history-changes">
                      {changes.slice(0, 4).map((c) => `${c.label} ${c.from} → ${c.to}`).join(' · ')}
                      {changes.length > 4 && ` · and ${changes.length - 4} more`}
                    </span>
                  )}
                </td>
                <td>{m.note ?? <span className="muted">—</span>}</td>
                <td className="actions-cell nowrap">
                  <button
                    type="button"
                    className="disclosure"
                    aria-expanded={expanded}
                    aria-controls={expanded ? `model-v${m.version}` : undefined}
                    onClick={() => setOpen(expanded ? null : m.version)}
                  >
                    <span className="disclosure__icon" aria-hidden="true" />
                    Numbers
                  </button>{' '}
                  {i > 0 && (
                    <button type="button" className="button button--ghost button--small" onClick={() => onStartFrom(m)}>
                      Edit from v{m.version}
                    </button>
                  )}
                </td>
              </tr>
              {expanded && (
                <tr className="data-table__detail" id={`model-v${m.version}`}>
                  <td colSpan={6}>
                    <VersionNumbers model={m} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </DataTable>
    </>
  );
}

function VersionNumbers({ model }: { model: ScoringModelDto }) {
  return (
    <table className="reasons-table">
      <caption>
        Version {model.version} · lookback {model.lookback_days} days
      </caption>
      <TableHead columns={['Action', { num: 'Weight' }, { num: 'Half-life (days)' }, { num: 'Daily cap' }]} />
      <tbody>
        {ACTION_TYPES.map((t) => (
          <tr key={t}>
            <td>{EVENT_TYPE_LABELS[t]}</td>
            <td className="num">{formatPoints(model.weights[t])}</td>
            <td className="num">{model.half_lives[t]}</td>
            <td className="num">{model.daily_caps[t] ?? <span className="muted">no cap</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
