import { useId } from 'react';
import { ScrollBox } from '../../charts/shared/scroll-box';
import type { CorrelationCell, CorrelationRow } from '../../charts/goal-links/link-analysis.transform';

/** Lags 0–3 × Pearson and Spearman, each with its interval, p-value and n — or the reason it was not computed. */
export function CorrelationTable({ rows, caption }: { rows: CorrelationRow[]; caption: string }) {
  const captionId = useId();
  return (
    <ScrollBox labelledBy={captionId}>
      <table className="data-table correlations">
        <caption id={captionId} className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Engagement month paired with
            </th>
            <th scope="colgroup" colSpan={4} className="correlations__method">
              Pearson r <span className="muted">(straight-line relation)</span>
            </th>
            <th scope="colgroup" colSpan={4} className="correlations__method">
              Spearman ρ <span className="muted">(same order, any shape)</span>
            </th>
          </tr>
          <tr>
            {[0, 1].map((i) => (
              <SubHeads key={i} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.lag}>
              <th scope="row">{r.lagLabel}</th>
              <Cells cell={r.pearson} />
              <Cells cell={r.spearman} />
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function SubHeads() {
  return (
    <>
      <th scope="col" className="num correlations__first">
        Estimate
      </th>
      <th scope="col" className="num">
        95% interval
      </th>
      <th scope="col" className="num">
        p
      </th>
      <th scope="col" className="num">
        n
      </th>
    </>
  );
}

function Cells({ cell }: { cell: CorrelationCell }) {
  if (cell.kind === 'refused') {
    return (
      <td colSpan={4} className="correlations__refused correlations__first">
        Not shown: {cell.reason}
      </td>
    );
  }
  return (
    <>
      <td className="num correlations__first">
        <strong>{cell.estimate}</strong>
      </td>
      <td className="num nowrap">{cell.ci}</td>
      <td className="num">{cell.p}</td>
      <td className="num">{cell.n}</td>
    </>
  );
}
