import type { DidDto } from '@hubpulse/contracts';
import { buildDid, pText } from '../../charts/goal-links/link-analysis.transform';
import { DidTrendChart } from '../../charts/goal-links/link-series-chart';
import { HiddenValue } from './hidden-value';
import { formatCount } from '../../lib/format';
import { DataTable } from '../../charts/shared/data-table';

/** Before/after for a launched programme: targeted against comparable untargeted people, with the method written out. */
export function DidSection({ did, reason, minGroupSize }: { did: DidDto | null; reason: string | null; minGroupSize: number }) {
  if (!did) {
    return (
      <div className="did">
        <h4 className="did__title">Before and after the programme (difference in differences)</h4>
        <p className="correlations__refused">Not shown: {reason ?? 'the programme has not been launched.'}</p>
      </div>
    );
  }
  const m = buildDid(did);
  return (
    <div className="did">
      <h4 className="did__title">Before and after the programme (difference in differences)</h4>
      <p className="definition">{m.windows}</p>
      <DataTable caption="Mean daily engagement score before and after launch" className="did__table" columns={['Group', { num: 'People' }, { num: 'Before' }, { num: 'After' }, { num: 'Change' }]}>
        {m.rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td className="num">{r.people === null ? <HiddenValue reason={did.people_hidden ?? did.hidden_reason ?? 'below_minimum'} minGroupSize={minGroupSize} /> : formatCount(r.people)}</td>
            <td className="num">{r.before}</td>
            <td className="num">{r.after}</td>
            <td className="num">{r.change}</td>
          </tr>
        ))}
      </DataTable>
      {m.estimate ? (
        <p className="did__estimate">
          Difference in differences: <strong>{m.estimate}</strong> of mean daily score
          {m.ci && <> (95% interval {m.ci}</>}
          {m.p && <>, {pText(m.p)}</>}
          {m.ci && ')'}.
        </p>
      ) : (
        <p className="correlations__refused">Not shown: {m.reason}</p>
      )}
      {m.monthly.length > 1 && (
        <figure className="small-multiple">
          <figcaption className="small-multiple__title">Monthly mean score of each group — did they move alike before launch?</figcaption>
          <DidTrendChart model={m} />
        </figure>
      )}
      <p className="definition">{did.method}</p>
    </div>
  );
}
