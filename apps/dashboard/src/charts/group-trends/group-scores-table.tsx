import { useState } from 'react';
import { formatCount, formatShare } from '../../lib/format';
import { HiddenReasonValue } from '../shared/hidden-reason-value';
import { seriesColor } from '../shared/chart-theme';
import type { GroupTableRow } from '@hubpulse/contracts';
import { MAX_LINES } from './group-trends.transform';
import { DataTable } from '../shared/data-table';

interface GroupScoresTableProps {
  rows: GroupTableRow[];
  groupLabel: string;
  minGroupSize: number;
  /** Keys drawn in the chart, in colour order. */
  chartKeys: string[];
  onToggle: (key: string) => void;
}

const PAGE = 25;

/** Every group with its numbers; the checkbox puts a group's line in the chart above. */
export function GroupScoresTable({ rows, groupLabel, minGroupSize, chartKeys, onToggle }: GroupScoresTableProps) {
  const [filter, setFilter] = useState('');
  const [showAll, setShowAll] = useState(false);
  const needle = filter.trim().toLowerCase();
  const matching = needle ? rows.filter((r) => r.label.toLowerCase().includes(needle) || r.key.toLowerCase().includes(needle)) : rows;
  const shown = showAll || needle ? matching : matching.slice(0, PAGE);
  const full = chartKeys.length >= MAX_LINES;

  return (
    <div className="group-table">
      {rows.length > 12 && (
        <div className="group-table__tools">
          <label className="search-field">
            <span className="visually-hidden">Filter {groupLabel.toLowerCase()} groups</span>
            <input type="search" placeholder={`Filter by ${groupLabel.toLowerCase()}…`} value={filter} onChange={(e) => setFilter(e.target.value)} />
          </label>
          <span className="muted">
            {needle ? `${matching.length} of ${rows.length}` : `${rows.length}`} groups
          </span>
        </div>
      )}
      <DataTable caption={<>Engagement scores per {groupLabel.toLowerCase()}</>} columns={[{ th: <span className="visually-hidden">In chart</span>, className: 'check-cell' }, groupLabel, { num: 'People' }, { num: <abbr title="Mean of the 0–100 scores of the group's people on the last day of the range">Mean score</abbr> }, { num: <abbr title="Mean score on the last day minus on the first day of the range, in points">Change</abbr> }, { num: <abbr title="Share of the group with at least one action in the lookback window, on the last day">Active</abbr> }, <abbr title="The action type that earned the largest share of the group's points on the last day">Top action</abbr>]}>
        {shown.length === 0 && (
          <tr>
            <td colSpan={7} className="muted">
              No group matches “{filter}”.
            </td>
          </tr>
        )}
        {shown.map((r) => {
          const index = chartKeys.indexOf(r.key);
          const checked = index !== -1;
          return (
            <tr key={r.key}>
              <td className="check-cell">
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={!r.hasTrend || (!checked && full)}
                  title={!r.hasTrend ? 'No trend to draw' : !checked && full ? `At most ${MAX_LINES} lines` : undefined}
                  aria-label={`Show ${r.label} in the chart`}
                  onChange={() => onToggle(r.key)}
                  style={checked ? { accentColor: seriesColor(index) } : undefined}
                />
              </td>
              <th scope="row">
                {checked && <span className="swatch" style={{ background: seriesColor(index) }} aria-hidden="true" />}
                {r.label}
                {r.label !== r.key && <span className="group-key"> {r.key}</span>}
              </th>
              <td className="num">{r.people === null ? <HiddenReasonValue reason={r.hiddenReason} minGroupSize={minGroupSize} /> : formatCount(r.people)}</td>
              <td className="num">
                {r.meanScore === null ? (
                  <HiddenReasonValue reason={r.hiddenReason ?? r.meanHidden} minGroupSize={minGroupSize} />
                ) : (
                  <strong>{r.meanScore.toFixed(1)}</strong>
                )}
              </td>
              <td className="num">
                {r.change === null ? <span className="muted">—</span> : <Change value={r.change} />}
              </td>
              <td className="num">{r.activeShare === null ? <HiddenReasonValue reason={r.hiddenReason ?? r.activeHidden} minGroupSize={minGroupSize} /> : formatShare(r.activeShare)}</td>
              <td>
                {r.topAction ? (
                  <>
                    {r.topAction.label} <span className="muted">{formatShare(r.topAction.share)}</span>
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
      {!needle && matching.length > PAGE && (
        <button type="button" className="button button--ghost button--small group-table__more" onClick={() => setShowAll((v) => !v)}>
          {showAll ? `Show the first ${PAGE}` : `Show all ${matching.length} groups`}
        </button>
      )}
    </div>
  );
}

function Change({ value }: { value: number }) {
  const cls = value > 0 ? 'delta delta--up' : value < 0 ? 'delta delta--down' : 'delta';
  const text = value > 0 ? `+${value.toFixed(1)}` : value < 0 ? `−${Math.abs(value).toFixed(1)}` : '0.0';
  return <span className={cls}>{text}</span>;
}
