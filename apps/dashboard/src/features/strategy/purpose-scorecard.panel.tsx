import { useState } from 'react';
import type { StrategyOverviewDto } from '@hubpulse/contracts';
import {
  type ChangeModel,
  buildDepartmentRows,
  buildScorecardRows,
} from '../../charts/purpose-scorecard/purpose-scorecard.transform';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { ExportMenu } from '../../charts/shared/export-menu';
import { HiddenValue } from './hidden-value';
import { formatDay } from '../../lib/format';
import { DataTable } from '../../charts/shared/data-table';

/** The five purposes of the hub for the organisation, with a drill-down to departments within the privacy threshold. */
export function PurposeScorecardPanel({ overview }: { overview: StrategyOverviewDto }) {
  const [open, setOpen] = useState(false);
  const { scorecard, min_group_size: k } = overview;
  const rows = buildScorecardRows(scorecard);
  const departments = buildDepartmentRows(scorecard);
  const hidden = departments.filter((d) => d.allHidden).length;
  const when = scorecard.day ? `on ${formatDay(scorecard.day)}` : 'not computed yet';

  return (
    <ChartPanel
      title="The five purposes"
      description={`What the hub is for, measured: the share of people who did what each purpose counts in the ${scorecard.window_days} days ending ${scorecard.day ? formatDay(scorecard.day) : 'the newest scored day'}, and the change against ${scorecard.window_days} days before.`}
      className="panel--wide"
      aside={<ExportMenu view="strategy.purposes" params={{}} what="five purposes scorecard" />}
    >
      <DataTable caption={<>The five purposes for the organisation, {when}</>} className="purposes-table" columns={['Purpose and what it counts', { num: 'Organisation' }, { num: 'Change' }]} bare>
        {rows.map((r) => (
          <tr key={r.purpose}>
            <th scope="row" className="purposes-table__purpose">
              <span className="purposes-table__label">{r.label}</span>
              <span className="definition">{r.definition}</span>
            </th>
            <td className="num purposes-table__value">
              {r.value === null ? (
                <span className="muted">{r.reason}</span>
              ) : (
                <>
                  <strong>{r.value}</strong>
                  <span className="purposes-table__bar" aria-hidden="true">
                    <span style={{ width: `${Math.round(r.share * 100)}%` }} />
                  </span>
                </>
              )}
            </td>
            <td className="num">
              <Change change={r.change} />
            </td>
          </tr>
        ))}
      </DataTable>

      <div className="table-toolbar">
        <h3 className="table-toolbar__title">By department</h3>
        <button type="button" className="button button--secondary button--small no-print" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide departments' : `Show ${departments.length} departments`}
        </button>
      </div>
      <p className="definition">
        A department’s value is hidden to protect privacy when fewer than {k} of its people did the purpose, or fewer than {k} did not — also when it would give that away by subtraction from the organisation or another department; hover a hidden cell for the reason. Never 0.
        {hidden > 0 && ` ${hidden} ${hidden === 1 ? 'department is' : 'departments are'} hidden for every purpose.`}
      </p>
      {open && (
        <DataTable caption={<>The five purposes by department, {when}</>} className="purposes-departments" columns={['Department', ...rows.map((r) => ({ num: <abbr title={r.definition}>{r.label}</abbr> }))]}>
          {departments.map((d) => (
            <tr key={d.department} className={d.allHidden ? 'is-hidden-group' : undefined}>
              <th scope="row">{d.department}</th>
              {rows.map((r) => {
                const c = d.cells[r.purpose];
                return (
                  <td className="num" key={r.purpose}>
                    {c.suppressed ? (
                      <HiddenValue reason={c.hidden_reason} minGroupSize={k} />
                    ) : (
                      <span className="heat" style={{ ['--heat' as string]: String(c.share) }}>
                        {c.value}
                        {c.change && <small className={`delta delta--${c.change.direction}`}> {c.change.text}</small>}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </DataTable>
      )}
    </ChartPanel>
  );
}

function Change({ change }: { change: ChangeModel | null }) {
  if (!change) return <span className="muted">—</span>;
  return <span className={`delta delta--${change.direction}`}>{change.text}</span>;
}
