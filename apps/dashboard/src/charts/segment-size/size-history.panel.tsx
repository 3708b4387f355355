import { useState } from 'react';
import type { SegmentDetailDto } from '@hubpulse/contracts';
import { PeopleCount } from '../shared/people-count';
import { ChartPanel } from '../shared/chart-panel';
import { EmptyState } from '../shared/chart-states';
import { ExportMenu } from '../shared/export-menu';
import { CHURN_COLORS, ChurnChart, SizeHistoryChart } from './size-history-chart';
import { buildSizePoints, hasChurn } from './segment-size.transform';
import { DataTable } from '../shared/data-table';

export const SIZE_DEFINITION =
  'Size = people in the membership a run wrote. Entered = people in that membership who were not in the one before; left = people in the one before who are not in it. A failed run writes nothing: the previous membership stays current.';

const SHOWN_RUNS = 8;

/** Size over time and the people entering and leaving at each run, from the segment's recent runs. */
export function SizeHistoryPanel({ segment }: { segment: SegmentDetailDto }) {
  const points = buildSizePoints(segment.runs);
  const k = segment.min_group_size;
  // The table is the charts' text alternative: every run on request, the latest few by default.
  const [allRuns, setAllRuns] = useState(false);
  return (
    <ChartPanel
      title="Size over time"
      description={SIZE_DEFINITION}
      className="panel--wide"
      aside={
<ExportMenu view="segments.size-history" params={{ id: segment.id }} disabled={segment.runs.length === 0} what={`runs of ${segment.name}`} />
      }
    >
      {points.length === 0 ? (
        <EmptyState title="No runs yet" height={200}>
          The first computation is queued when a segment is saved; this fills in as runs finish.
        </EmptyState>
      ) : (
        <div className="runs">
          <div className="runs__charts">
            <p className="chart-caption">
              People in the segment after each run (UTC)
              {points.filter((p) => !p.failed).length === 1 && ' · one run so far: the line grows with each recompute'}
            </p>
            <SizeHistoryChart points={points} />
            <p className="chart-caption">
              <span className="swatch" style={{ background: CHURN_COLORS.entered }} /> entered (up) ·{' '}
              <span className="swatch" style={{ background: CHURN_COLORS.left }} /> left (down), against the run before
            </p>
            {hasChurn(points) ? <ChurnChart points={points} /> : <p className="muted runs__none">Nobody has entered or left between runs yet.</p>}
          </div>
          <div className="runs__side">
            <DataTable caption={allRuns ? 'All runs' : 'Latest runs'} captionClass="quantiles-table__caption" className="runs__table" columns={['Finished (UTC)', { num: 'Size' }, { num: 'In' }, { num: 'Out' }]} bare>
              {[...points]
                .reverse()
                .slice(0, allRuns ? undefined : SHOWN_RUNS)
                .map((p) =>
                  p.failed ? (
                    <tr key={p.key} className="runs__failed">
                      <th scope="row">{p.label}</th>
                      <td colSpan={3}>
                        <strong>Failed</strong> <span className="runs__error">{p.error ?? 'no reason recorded'}</span>
                      </td>
                    </tr>
                  ) : (
                    <tr key={p.key}>
                      <th scope="row" title={`membership v${p.version ?? '—'}, definition v${p.definitionVersion ?? '—'}`}>
                        {p.label}
                      </th>
                      <td className="num">
                        <PeopleCount value={p.size} reason={null} minGroupSize={k} variant="mark" />
                      </td>
                      <td className="num">
                        <PeopleCount value={p.entered} reason={null} minGroupSize={k} variant="mark" />
                      </td>
                      <td className="num">
                        <PeopleCount value={p.left} reason={null} minGroupSize={k} variant="mark" />
                      </td>
                    </tr>
                  ),
                )}
            </DataTable>
            {points.length > SHOWN_RUNS && (
              <button type="button" className="button button--ghost button--small" aria-pressed={allRuns} onClick={() => setAllRuns((v) => !v)}>
                Show all {points.length} runs
              </button>
            )}
          </div>
        </div>
      )}
    </ChartPanel>
  );
}
