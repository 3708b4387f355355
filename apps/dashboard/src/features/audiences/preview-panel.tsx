import { CompositionView } from '../../charts/composition/composition-view';
import { ErrorState, LoadingState } from '../../charts/shared/chart-states';
import { formatCount, formatDay, formatShare } from '../../lib/format';
import { PeopleCount } from '../../charts/shared/people-count';
import type { PreviewState } from './use-segment-preview';

/** Size, composition and engagement of the rule as it stands, refreshed as it changes. */
export function PreviewPanel({ preview, hasProblems }: { preview: PreviewState; hasProblems: boolean }) {
  const { data } = preview;
  const share = data && data.size !== null && data.population !== null && data.population > 0 ? data.size / data.population : null;
  return (
    <section className={`panel preview${preview.stale ? ' is-stale' : ''}`} aria-label="Live preview" aria-busy={preview.fetching}>
      <header className="panel__header">
        <div className="panel__heading">
          <h2 className="panel__title">Live preview</h2>
          <p className="panel__description">
            The rule evaluated now against the directory and the newest scores and patterns; nothing is stored.
          </p>
        </div>
        <span className={`preview__state${preview.fetching ? ' is-busy' : ''}`} role="status">
          {hasProblems ? 'Fix the rule to preview' : preview.fetching ? 'Updating…' : preview.stale ? 'Waiting…' : data ? `Up to date · ${formatCount(data.ms)} ms` : ''}
        </span>
      </header>
      {preview.serverOther.length > 0 && (
        <ul className="rule-stray" role="alert">
          {preview.serverOther.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {!data ? (
        preview.error ? (
          <ErrorState error={preview.error} onRetry={preview.retry} height={200} />
        ) : hasProblems ? (
          <p className="muted preview__hint">The preview appears once the rule has no problems.</p>
        ) : (
          <LoadingState label="Counting people…" height={200} />
        )
      ) : (
        <div className="preview__body">
          {preview.error != null && <p className="field-error">Could not refresh the preview: {preview.error instanceof Error ? preview.error.message : 'unknown error'}</p>}
          <div className="preview__size">
            <span className="preview__size-label">People matching</span>
            <span className="preview__size-value" data-testid="preview-size">
              <PeopleCount value={data.size} reason={data.size_suppressed} minGroupSize={data.min_group_size} />
            </span>
            <span className="preview__size-meta">
              {share !== null && <>{formatShare(share)} of </>}
              {data.population === null ? 'the directory' : `${formatCount(data.population)} people in the directory`} · as of {formatDay(data.as_of)}
            </span>
          </div>
          <CompositionView composition={data.composition} minGroupSize={data.min_group_size} compact />
        </div>
      )}
    </section>
  );
}
