import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ScoringModelCreated, ScoringModelDto } from '@hubpulse/contracts';
import { scoringModelsQuery } from '../../api/engagement.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { EmptyState, ErrorState, LoadingState } from '../../charts/shared/chart-states';
import { formatDay } from '../../lib/format';
import { AdminOnlyNotice, isForbidden } from '../admin/admin-gate';
import { ScoreJobsPanel } from '../score-jobs/score-jobs.panel';
import { ModelEditor } from './model-editor';
import { ModelHistory } from './model-history';
import { PageHeader } from '../shell/page-header';

export function ScoringModelPage() {
  const query = useQuery(scoringModelsQuery);
  const { data: models, error } = query;
  const [created, setCreated] = useState<ScoringModelCreated | null>(null);
  const [startFrom, setStartFrom] = useState<ScoringModelDto | null>(null);
  const current = models?.[0];

  if (isForbidden(error)) return <AdminOnlyNotice />;

  return (
    <main className="page">
      <title>Scoring model · Hubpulse</title>
      <PageHeader title="Scoring model">
        <span>How each hub action counts toward the engagement score</span>
        {current && (
          <span>
            Version {current.version} in use since {formatDay(current.created_at.slice(0, 10))}
          </span>
        )}
      </PageHeader>

      <div className="page__grid">
        {created && (
          <div className="success-banner" role="status">
            <p>
              <strong>Saved version {created.model.version}.</strong>{' '}
              {created.job_id
                ? `Scores are being recomputed with it in the background (job #${created.job_id}, progress below); until it finishes, days not yet recomputed still show the previous version's scores.`
                : 'No recompute job was started; start one below to apply it to history.'}
            </p>
            <button type="button" className="button button--ghost button--small" onClick={() => setCreated(null)}>
              Dismiss
            </button>
          </div>
        )}

        <ChartPanel
          title="Edit the model"
          description={
            <>
              A person's raw score on a day is the sum, over the lookback window, of <em>weight × actions counted</em> (at most the daily cap per
              day) <em>× ½^(age in days ÷ half-life)</em>. The 0–100 score ranks raw scores across the organisation. Versions are never
              changed: saving makes a new one and recomputes history with it.
            </>
          }
          className="panel--wide"
        >
          {!models && error ? (
            <ErrorState error={error} onRetry={() => void query.refetch()} />
          ) : !models ? (
            <LoadingState label="Loading the scoring model…" />
          ) : !current ? (
            <EmptyState title="No scoring model yet">The first version is created when the server starts.</EmptyState>
          ) : (
            <ModelEditor
              key={`${current.version}:${startFrom?.version ?? ''}`}
              current={current}
              startFrom={startFrom}
              onSaved={(c) => {
                setCreated(c);
                setStartFrom(null);
                window.scrollTo({ top: 0, behavior: 'smooth' });
              }}
            />
          )}
        </ChartPanel>

        <ScoreJobsPanel highlightJobId={created?.job_id ?? null} />

        <ChartPanel title="Version history" description="Every version ever saved, newest first. Scores name the version that made them." className="panel--wide">
          {!models && error ? (
            <ErrorState error={error} onRetry={() => void query.refetch()} height={120} />
          ) : !models ? (
            <LoadingState height={120} />
          ) : models.length === 0 ? (
            <EmptyState title="No versions yet" height={120} />
          ) : (
            <ModelHistory
              models={models}
              onStartFrom={(m) => {
                setStartFrom(m);
                window.scrollTo({ top: 0, behavior: 'smooth' });
              }}
            />
          )}
        </ChartPanel>
      </div>
    </main>
  );
}
