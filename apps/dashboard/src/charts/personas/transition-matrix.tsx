import { useId } from 'react';
import { ScrollBox } from '../shared/scroll-box';
import { formatCount, formatShortDay } from '../../lib/format';
import { HiddenReasonValue } from '../shared/hidden-reason-value';
import type { TransitionMatrix } from './personas.transform';

/** Rows: persona in the week before; columns: persona this week. The diagonal is who stayed. */
export function TransitionMatrixTable({ matrix, minGroupSize }: { matrix: TransitionMatrix; minGroupSize: number }) {
  const captionId = useId();
  return (
    <ScrollBox labelledBy={captionId}>
      <table className="data-table matrix">
        <caption id={captionId} className="visually-hidden">
          People by persona in the week of {formatShortDay(matrix.fromWeek)} (rows) and the week of {formatShortDay(matrix.week)} (columns)
        </caption>
        <thead>
          <tr>
            <th scope="col" className="matrix__corner">
              From ↓ · to →
            </th>
            {matrix.personas.map((p) => (
              <th scope="col" className="num" key={p.key}>
                <abbr title={p.definition}>{p.label}</abbr>
              </th>
            ))}
            <th scope="col" className="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {matrix.personas.map((from) => (
            <tr key={from.key}>
              <th scope="row">
                <abbr title={from.definition}>{from.label}</abbr>
              </th>
              {matrix.personas.map((to) => {
                // null = hidden for privacy; only a cell the server did not send at all is a real 0.
                const raw = matrix.cells[from.key]?.[to.key];
                const n = raw === undefined ? 0 : raw;
                const heat = n !== null && matrix.max > 0 ? n / matrix.max : 0;
                return (
                  <td
                    key={to.key}
                    className={from.key === to.key ? 'num matrix__cell matrix__cell--stay' : 'num matrix__cell'}
                    style={{ ['--heat' as string]: String(heat) }}
                  >
                    {n === null ? <HiddenReasonValue reason={matrix.reasons[from.key]?.[to.key]} minGroupSize={minGroupSize} /> : n === 0 ? <span className="muted">0</span> : formatCount(n)}
                  </td>
                );
              })}
              <td className="num">
                {matrix.rowTotals[from.key] === null ? <span className="muted">—</span> : formatCount(matrix.rowTotals[from.key] as number)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
