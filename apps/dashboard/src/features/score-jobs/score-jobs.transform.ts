// Shaping for the score jobs panel: what each recompute job is doing, in words, and whether any
// is still running (the panel polls while one is).

import type { ScoreJobDto, ScoreJobState } from '@hubpulse/contracts';
import { formatCount, formatDay } from '../../lib/format';
import { formatElapsed } from '../data-sources/data-sources.transform';

/**
 * Queued or running: worth watching closely. A delayed job is not — it is either the next
 * scheduled run or a retry waiting out its back-off, and nothing moves until then.
 */
const RUNNING: readonly ScoreJobState[] = ['waiting', 'active', 'prioritized', 'waiting-children'];

export function isRunning(job: Pick<ScoreJobDto, 'state'>): boolean {
  return RUNNING.includes(job.state);
}

export function hasRunningJob(jobs: readonly Pick<ScoreJobDto, 'state'>[] | undefined): boolean {
  return !!jobs?.some(isRunning);
}

/** Why a job exists, in words (the API's reasons: schedule, ingest, manual, model, import). */
const REASONS: Record<string, string> = {
  schedule: 'scheduled',
  ingest: 'new events',
  import: 'bulk import',
  manual: 'started by an admin',
  model: 'scoring model changed',
};

export function reasonLabel(reason: string): string {
  return REASONS[reason] ?? reason;
}

export type JobTone = 'running' | 'queued' | 'done' | 'failed' | 'unknown';

const STATES: Record<ScoreJobState, { label: string; tone: JobTone }> = {
  waiting: { label: 'Queued', tone: 'queued' },
  prioritized: { label: 'Queued', tone: 'queued' },
  'waiting-children': { label: 'Queued', tone: 'queued' },
  delayed: { label: 'Scheduled', tone: 'queued' },
  active: { label: 'Running', tone: 'running' },
  completed: { label: 'Done', tone: 'done' },
  failed: { label: 'Failed', tone: 'failed' },
  unknown: { label: 'Unknown', tone: 'unknown' },
};

/** "auto" recomputes the days new events touched, like "incremental"; the API reports both. */
export const JOB_KIND_LABELS: Record<ScoreJobDto['kind'], string> = {
  incremental: 'Changed days',
  full: 'Full recompute',
  auto: 'Changed days',
};

export interface JobView {
  id: string;
  kind: string;
  reason: string;
  state: string;
  tone: JobTone;
  /** 0–100, whole. */
  progress: number;
  running: boolean;
  phase: string | null;
  /** "Started 3 min ago", "Queued 12 s ago", "Finished 2 h ago". */
  when: string;
  /** Wall time of a finished job ("4.2 s"), or the time so far. */
  duration: string | null;
  failedReason: string | null;
  /** "12,345 person-days · Nov 1 – Nov 30, 2026 · model v3", or "Nothing to recompute". */
  result: string | null;
  attempts: number;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const min = Math.floor(s / 60);
  const rest = Math.round(s - min * 60);
  return rest ? `${min} min ${rest} s` : `${min} min`;
}

function resultText(result: ScoreJobDto['result']): string | null {
  if (!result) return null;
  if (result.mode === 'covered') return `Covered by a run that started after it was queued · model v${result.model_version}`;
  if (result.mode === 'none' || result.rows === 0) return `Nothing to recompute · model v${result.model_version}`;
  const days = result.from && result.to ? (result.from === result.to ? formatDay(result.from) : `${formatDay(result.from)} – ${formatDay(result.to)}`) : null;
  return [`${formatCount(result.rows)} person-days`, days, `model v${result.model_version}`].filter(Boolean).join(' · ');
}

export function buildJobView(job: ScoreJobDto, now: number): JobView {
  const known = STATES[job.state] ?? STATES.unknown;
  // A delayed job that already ran once is a retry after a failure, not the next scheduled run.
  const state = job.state === 'delayed' && job.attempts > 0 ? { label: 'Retrying soon', tone: 'queued' as const } : known;
  const started = job.started_at ? Date.parse(job.started_at) : null;
  const finished = job.finished_at ? Date.parse(job.finished_at) : null;
  const created = Date.parse(job.created_at);
  const when =
    finished !== null
      ? `Finished ${formatElapsed(now - finished)}`
      : started !== null
        ? `Started ${formatElapsed(now - started)}`
        : job.state === 'delayed'
          ? `Planned ${formatElapsed(now - created)}`
          : `Queued ${formatElapsed(now - created)}`;
  const duration =
    job.result && Number.isFinite(job.result.ms)
      ? formatDuration(job.result.ms)
      : started !== null
        ? formatDuration((finished ?? now) - started)
        : null;
  const progress = job.state === 'completed' ? 100 : Math.max(0, Math.min(100, Math.round(job.progress || 0)));
  return {
    id: job.id,
    // What a finished job did beats what it was asked: an automatic job may rebuild everything.
    kind: job.result?.mode === 'full' ? JOB_KIND_LABELS.full : (JOB_KIND_LABELS[job.kind] ?? job.kind),
    reason: reasonLabel(job.reason),
    state: state.label,
    tone: state.tone,
    progress,
    running: isRunning(job),
    phase: job.phase,
    when,
    duration,
    failedReason: job.state === 'failed' ? job.failed_reason || 'No reason was recorded.' : null,
    result: job.state === 'completed' ? resultText(job.result) : null,
    attempts: job.attempts,
  };
}

