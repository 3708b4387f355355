import { formatCount, formatShare } from '../../lib/format';
import { HiddenReasonValue } from '../shared/hidden-reason-value';
import type { FunnelStage } from './ambassadors.transform';
import { DataTable } from '../shared/data-table';

/**
 * The pipeline as a funnel: each bar is the people who reached at least that rung, as a share of
 * the population; beside it the people on the rung and the conversion from the rung before.
 */
export function AmbassadorFunnel({ stages, population, minGroupSize }: { stages: FunnelStage[]; population: number | null; minGroupSize: number }) {
  const top = population ?? Math.max(1, ...stages.map((s) => s.reached));
  return (
    <DataTable caption="Ambassador pipeline" className="funnel" columns={['Rung', 'Reached at least this rung', { num: 'On this rung' }, { num: <abbr title="Of the people who reached the rung before, the share who reached this one">From the rung before</abbr> }]}>
      {stages.map((s) => (
        <tr key={s.key}>
          <th scope="row" className="funnel__stage">
            <span className="funnel__label">{s.label}</span>
            <span className="funnel__definition">{s.definition}</span>
          </th>
          <td className="funnel__bar-cell">
            <div className="funnel__bar">
              <span className="funnel__fill" style={{ width: `${Math.max(0.5, (s.reached / top) * 100)}%` }} />
              <span className="funnel__figure">
                {s.atLeast ? '≥ ' : ''}
                {formatCount(s.reached)}
                {s.share !== null && !s.atLeast && <span className="muted"> · {formatShare(s.share)}</span>}
              </span>
            </div>
          </td>
          <td className="num">{s.atStage === null ? <HiddenReasonValue reason={s.hidden} minGroupSize={minGroupSize} /> : formatCount(s.atStage)}</td>
          <td className="num">{s.conversion === null ? <span className="muted">—</span> : formatShare(s.conversion)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
