import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ScoreJobDto } from '@hubpulse/contracts';
import { sessionQuery } from '../../api/auth.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { EmptyState, ErrorState, LoadingState } from '../../charts/shared/chart-states';
import { ExportMenu } from '../../charts/shared/export-menu';
import { useNow } from '../../lib/use-now';
import { isAdmin, isForbidden } from '../admin/admin-gate';
import { type JobView, buildJobView, hasRunningJob } from './score-jobs.transform';
import { useScoreJobs, useStartScoreJob } from './use-score-jobs';

const SHOWN = 8;

/** Recent recompute jobs, with progress while they run, and (for admins) buttons to start one. */
export function ScoreJobsPanel({ highlightJobId }: { highlightJobId?: string | null }) {
  const { data: user } = useQuery(sessionQuery);
  const admin = isAdmin(user);
  const query = useScoreJobs();
  const start = useStartScoreJob();
  const { data, error } = query;
  const running = hasRunningJob(data);

  return (
    <ChartPanel
      title="Score recompute jobs"
      description={
        <>
          Scores are recomputed in the background. <strong>Changed days</strong> rescans only the days that new events touched;{' '}
          <strong>full recompute</strong> rebuilds all history with the current scoring model. One runs at a time; the list refreshes while
          one is running.
        </>
      }
      className="panel--wide"
      aside={
        <div className="panel__actions">
          {admin && (
            <>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={start.isPending}
                onClick={() => start.mutate('incremental')}
              >
                Recompute changed days
              </button>
              <button
                type="button"
                className="button button--primary button--small"
                disabled={start.isPending}
                onClick={() => start.mutate('full')}
              >
                Full recompute
              </button>
            </>
          )}
          {data && <ExportMenu view="engagement.score-jobs" params={{}} disabled={data.length === 0} what="score jobs" />}
        </div>
      }
    >
      {start.isError && (
        <p className="form__error" role="alert">
          Could not start the job: {start.error instanceof Error ? start.error.message : 'unknown error'}
        </p>
      )}
      {start.isSuccess && !running && !data?.some((j) => j.id === start.data.job_id) && (
        <p className="panel__note" role="status">
          Job {start.data.job_id} queued.
        </p>
      )}
      {isForbidden(error) ? (
        <p className="muted">Only administrators can see recompute jobs.</p>
      ) : !data && error ? (
        <ErrorState error={error} onRetry={() => void query.refetch()} height={120} />
      ) : !data ? (
        <LoadingState height={120} label="Loading jobs…" />
      ) : data.length === 0 ? (
        <EmptyState title="No recompute jobs yet" height={120}>
          {admin ? 'Start one with the buttons above, or send events: changed days are recomputed automatically.' : 'Jobs start when events arrive or the model changes.'}
        </EmptyState>
      ) : (
        <JobsList jobs={data} highlightJobId={highlightJobId ?? (start.isSuccess ? start.data.job_id : null)} />
      )}
    </ChartPanel>
  );
}

function JobsList({ jobs, highlightJobId }: { jobs: ScoreJobDto[]; highlightJobId: string | null }) {
  const running = hasRunningJob(jobs);
  // Elapsed times tick every second while a job runs; otherwise twice a minute is enough.
  const now = useNow(running ? 1000 : 30_000);
  const views = useMemo(() => jobs.slice(0, SHOWN).map((j) => buildJobView(j, now)), [jobs, now]);
  return (
    <ul className="jobs" aria-live="polite">
      {views.map((v) => (
        <JobItem key={v.id} job={v} highlighted={v.id === highlightJobId} />
      ))}
      {jobs.length > SHOWN && <li className="jobs__more muted">and {jobs.length - SHOWN} older (in the CSV)</li>}
    </ul>
  );
}

function JobItem({ job, highlighted }: { job: JobView; highlighted: boolean }) {
  return (
    <li className={`job job--${job.tone}${highlighted ? ' job--highlight' : ''}`}>
      <div className="job__head">
        <span className={`badge job__state job__state--${job.tone}`}>{job.state}</span>
        <span className="job__kind">{job.kind}</span>
        {job.reason && <span className="job__reason">{job.reason}</span>}
        <span className="job__when muted">
          {job.when}
          {job.duration && ` · ${job.duration}`}
          {job.attempts > 1 && ` · attempt ${job.attempts}`}
          {/^\w{1,12}$/.test(job.id) && ` · #${job.id}`}
        </span>
      </div>
      {(job.running || job.tone === 'failed') && (
        <div className="job__progress">
          <div
            className="progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={job.progress}
            aria-label={`${job.kind} progress`}
          >
            <div className={job.tone === 'failed' ? 'progress__bar progress__bar--failed' : 'progress__bar'} style={{ width: `${job.progress}%` }} />
          </div>
          <span className="job__percent">{job.progress}%</span>
        </div>
      )}
      {job.running && job.phase && <p className="job__phase">{job.phase}</p>}
      {job.failedReason && <p className="job__failure">{job.failedReason}</p>}
      {job.result && <p className="job__result muted">{job.result}</p>}
    </li>
  );
}
