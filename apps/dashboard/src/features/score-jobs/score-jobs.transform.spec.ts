import type { ScoreJobDto } from '@hubpulse/contracts';
import { buildJobView, formatDuration, hasRunningJob, isRunning } from './score-jobs.transform';

const NOW = Date.parse('2026-11-25T10:00:00Z');

function job(overrides: Partial<ScoreJobDto> = {}): ScoreJobDto {
  return {
    id: '17',
    kind: 'full',
    reason: 'model v3',
    state: 'active',
    progress: 42.4,
    phase: 'scores 2026-10-01..2026-10-31',
    created_at: '2026-11-25T09:58:00Z',
    started_at: '2026-11-25T09:59:00Z',
    finished_at: null,
    attempts: 1,
    failed_reason: null,
    result: null,
    ...overrides,
  };
}

describe('running jobs', () => {
  it('counts queued and active jobs as running, not a delayed one', () => {
    expect(isRunning(job({ state: 'waiting' }))).toBe(true);
    expect(isRunning(job({ state: 'delayed' }))).toBe(false);
    expect(isRunning(job({ state: 'completed' }))).toBe(false);
    expect(hasRunningJob([job({ state: 'failed' }), job({ state: 'active' })])).toBe(true);
    expect(hasRunningJob([])).toBe(false);
    expect(hasRunningJob(undefined)).toBe(false);
  });
});

describe('buildJobView', () => {
  it('describes a running job', () => {
    expect(buildJobView(job(), NOW)).toMatchObject({
      kind: 'Full recompute',
      state: 'Running',
      tone: 'running',
      progress: 42,
      when: 'Started 1 min ago',
      duration: '1 min',
      failedReason: null,
      result: null,
    });
  });

  it('describes a finished job by what it wrote', () => {
    const view = buildJobView(
      job({
        kind: 'incremental',
        state: 'completed',
        progress: 99,
        finished_at: '2026-11-25T09:59:30Z',
        result: { mode: 'incremental', from: '2026-11-20', to: '2026-11-24', rows: 12_000, model_version: 3, ms: 2345 },
      }),
      NOW,
    );
    expect(view).toMatchObject({ kind: 'Changed days', state: 'Done', progress: 100, when: 'Finished 30 s ago', duration: '2.3 s' });
    expect(view.result).toBe('12,000 person-days · Nov 20, 2026 – Nov 24, 2026 · model v3');
  });

  it('says when there was nothing to do', () => {
    const view = buildJobView(job({ state: 'completed', result: { mode: 'none', from: null, to: null, rows: 0, model_version: 2, ms: 5 } }), NOW);
    expect(view.result).toBe('Nothing to recompute · model v2');
  });

  it('says when a later run already did the job', () => {
    const view = buildJobView(job({ state: 'completed', result: { mode: 'covered', from: null, to: null, rows: 0, model_version: 2, ms: 0 } }), NOW);
    expect(view.result).toBe('Covered by a run that started after it was queued · model v2');
  });

  it('shows why a job failed, even without a recorded reason', () => {
    expect(buildJobView(job({ state: 'failed', failed_reason: 'ClickHouse refused' }), NOW).failedReason).toBe('ClickHouse refused');
    expect(buildJobView(job({ state: 'failed', failed_reason: null }), NOW).failedReason).toBe('No reason was recorded.');
  });

  it('describes a queued job', () => {
    expect(buildJobView(job({ state: 'waiting', started_at: null, progress: 0 }), NOW)).toMatchObject({
      state: 'Queued',
      tone: 'queued',
      when: 'Queued 2 min ago',
      duration: null,
    });
  });
});

describe('scheduled and retried jobs', () => {
  it('tells the next scheduled run from a retry', () => {
    expect(buildJobView(job({ state: 'delayed', reason: 'schedule', attempts: 0, started_at: null }), NOW)).toMatchObject({
      state: 'Scheduled',
      reason: 'scheduled',
      kind: 'Full recompute',
    });
    expect(buildJobView(job({ state: 'delayed', attempts: 1, started_at: null }), NOW).state).toBe('Retrying soon');
  });

  it('names automatic jobs by what they do and why', () => {
    expect(buildJobView(job({ kind: 'auto', reason: 'ingest' }), NOW)).toMatchObject({ kind: 'Changed days', reason: 'new events' });
    expect(buildJobView(job({ reason: 'something new' }), NOW).reason).toBe('something new');
  });
});

describe('formatDuration', () => {
  it('reads well at every size', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(4200)).toBe('4.2 s');
    expect(formatDuration(26_000)).toBe('26 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });
});
