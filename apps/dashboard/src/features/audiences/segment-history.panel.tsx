import { useQuery } from '@tanstack/react-query';
import { segmentHistoryQuery } from '../../api/segments.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { runLabel } from '../../charts/segment-size/segment-size.transform';
import { buildRevisionViews } from './segment-history.transform';
import { RuleOutline } from './rule-outline';
import { useSegmentNames } from './use-audiences';

const SHOWN = 10;

/** Every definition version: who, when, why, what changed, and the rule in words. */
export function SegmentHistoryPanel({ segmentId }: { segmentId: string }) {
  const query = useQuery(segmentHistoryQuery(segmentId));
  const names = useSegmentNames();
  return (
    <ChartPanel title="Edit history" description="Each save makes a new definition version; a changed rule recomputes a dynamic segment. Newest first." className="panel--wide">
      <QueryStates data={query.data} error={query.error} onRetry={() => void query.refetch()} height={120} empty={(d) => d.length === 0 && 'No history'}>
        {(revisions) => {
          const views = buildRevisionViews(revisions, { segments: names });
          return (
            <ol className="history">
              {views.slice(0, SHOWN).map((v) => (
                <li key={v.version} className="history__item">
                  <div className="history__head">
                    <span className="badge badge--no-data">v{v.version}</span>
                    <strong>{v.changes.join(' · ')}</strong>
                    <span className="muted">
                      by {v.by} · {runLabel(v.at)} UTC
                    </span>
                  </div>
                  {v.note && <p className="history__note">“{v.note}”</p>}
                  {v.ruleChanged && <RuleOutline lines={v.outline} />}
                </li>
              ))}
              {views.length > SHOWN && <li className="muted">and {views.length - SHOWN} older versions</li>}
            </ol>
          );
        }}
      </QueryStates>
    </ChartPanel>
  );
}
