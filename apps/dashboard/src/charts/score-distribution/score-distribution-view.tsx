import { RAW_SCORE_DEFINITION, type ScoreDistributionDto } from '@hubpulse/contracts';
import { formatCount, formatDay, formatPoints, formatShare } from '../../lib/format';
import { EmptyState } from '../shared/chart-states';
import { HiddenReasonValue } from '../shared/hidden-reason-value';
import { SuppressedValue } from '../shared/suppressed-value';
import { ScoreHistogramChart } from './score-histogram-chart';
import { activeShare, buildHistogramBars, buildQuantileStats, hasHistogramData } from './score-histogram.transform';
import { DataTable } from '../shared/data-table';

/** One day's distribution: people per band of raw score, the population and the quantiles. */
export function ScoreDistributionView({ data, height }: { data: ScoreDistributionDto; height: number }) {
  const bars = buildHistogramBars(data);
  const quantiles = buildQuantileStats(data.quantiles, data.quantiles_hidden);
  const share = activeShare(data);
  const hidden = bars.filter((b) => b.suppressed).length;

  if (!data.day) {
    return (
      <EmptyState title="No scores yet" height={height}>
        Scores appear once events arrive and the first recompute job has run (see Score recompute jobs below).
      </EmptyState>
    );
  }
  if (data.suppressed && !hasHistogramData(bars)) {
    return (
      <EmptyState title="Hidden for privacy" height={height}>
        Fewer than {data.min_group_size} people had a score on {formatDay(data.day)}, so the distribution is not shown.
      </EmptyState>
    );
  }

  return (
    <div className="distribution">
      <div className="distribution__chart">
        <p className="chart-caption">
          People per band of raw score on <strong>{formatDay(data.day)}</strong>
          {data.model_version !== null && <> · scoring model v{data.model_version}</>} · active people only, bands widen to the right
        </p>
        {hasHistogramData(bars) ? (
          <ScoreHistogramChart bars={bars} minGroupSize={data.min_group_size} active={data.active} height={height} />
        ) : (
          <EmptyState title="Nobody was active in the lookback window" height={height}>
            Everyone's raw score is 0 on this day.
          </EmptyState>
        )}
        {hidden > 0 && (
          <p className="panel__note">
            {hidden === 1 ? '1 band has' : `${hidden} bands have`} <SuppressedValue minGroupSize={data.min_group_size} /> people and{' '}
            {hidden === 1 ? 'is' : 'are'} not drawn.
          </p>
        )}
      </div>
      <div className="distribution__facts">
        <dl className="facts">
          <div>
            <dt>Population</dt>
            <dd>{data.population === null ? <SuppressedValue minGroupSize={data.min_group_size} /> : formatCount(data.population)}</dd>
          </div>
          <div>
            <dt>Active (raw above 0)</dt>
            <dd>
              {data.active === null ? <HiddenReasonValue reason={data.active_hidden} minGroupSize={data.min_group_size} /> : formatCount(data.active)}
              {share !== null && <span className="facts__sub"> {formatShare(share)}</span>}
            </dd>
          </div>
        </dl>
        {quantiles.length > 0 ? (
          <DataTable caption="Raw score at each point of the population" captionClass="quantiles-table__caption" className="quantiles-table" columns={['Point', { num: 'Score' }, { num: 'Raw score' }]} bare>
            {quantiles.map((q) => (
              <tr key={q.key}>
                <th scope="row">{q.label}</th>
                <td className="num">{q.score}</td>
                <td className="num">{q.raw === null ? <HiddenReasonValue reason={q.hiddenReason} minGroupSize={data.min_group_size} /> : formatPoints(q.raw)}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="muted">Quantiles are hidden: fewer than {data.min_group_size} people.</p>
        )}
        <p className="definition">{RAW_SCORE_DEFINITION}</p>
      </div>
    </div>
  );
}
