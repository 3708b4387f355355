/** Queue names: one BullMQ queue per kind of work. */
export enum QueueName {
  Scores = 'scores',
  Imports = 'imports',
  Segments = 'segments',
  Exports = 'exports',
  Alerts = 'alerts',
}

/** Job names are `<queue>.<verb>`. */
export enum JobName {
  ScoresRecompute = 'scores.recompute',
  ImportsRun = 'imports.run',
  SegmentsRecompute = 'segments.recompute',
  SegmentsRefresh = 'segments.refresh',
  ExportsRun = 'exports.run',
  ExportsSweep = 'exports.sweep',
  AlertsEvaluate = 'alerts.evaluate',
}

/** Payloads carry ids and ranges, never data. */
export interface JobPayloads {
  [JobName.ScoresRecompute]: {
    /** Why the job runs: schedule, ingest (debounced), manual, model, import (after a bulk import of events). */
    reason: 'schedule' | 'ingest' | 'manual' | 'model' | 'import';
    /** Days to recompute (YYYY-MM-DD, inclusive); omitted = the model's lookback up to the newest event. */
    from?: string;
    to?: string;
    /** 'full' recomputes every day of the range from the events (after a model change); 'auto' (default)
     * recomputes only the days that new events touched, carrying yesterday's scores forward. */
    kind?: 'auto' | 'full';
  };
  [JobName.ImportsRun]: {
    /** Folder name under <data dir>/imports holding the upload and its meta.json. */
    importId: string;
  };
  [JobName.SegmentsRecompute]: {
    segmentId: string;
    /** definition: created or edited; freeze: a static segment takes its membership; reference: a segment it refers to changed. */
    reason: 'definition' | 'freeze' | 'manual' | 'reference';
  };
  [JobName.SegmentsRefresh]: {
    /** Every dynamic segment, referenced segments first. 'scores': after a score job changed scores and personas. */
    reason: 'schedule' | 'manual' | 'scores';
  };
  [JobName.ExportsRun]: {
    /** The exports row to fill. */
    exportId: string;
  };
  [JobName.ExportsSweep]: {
    /** Deletes the files of exports past their retention time. */
    reason: 'schedule';
  };
  [JobName.AlertsEvaluate]: {
    /** kpi: a goal's KPI values (or the goal) changed; scores: a score run changed scores and purpose indices; rule: an alert was created or edited. */
    reason: 'kpi' | 'scores' | 'rule';
    /** kpi: the goal whose alerts to evaluate. */
    goalId?: string;
    /** rule: the one alert to evaluate. */
    alertId?: string;
  };
}

export const JOBS_BY_QUEUE: Record<QueueName, JobName[]> = {
  [QueueName.Scores]: [JobName.ScoresRecompute],
  [QueueName.Imports]: [JobName.ImportsRun],
  [QueueName.Segments]: [JobName.SegmentsRecompute, JobName.SegmentsRefresh],
  [QueueName.Exports]: [JobName.ExportsRun, JobName.ExportsSweep],
  [QueueName.Alerts]: [JobName.AlertsEvaluate],
};

/** Deterministic ids where work must not pile up. */
export const SCORES_SCHEDULER_ID = 'scores.recompute:schedule';
export const SCORES_DEBOUNCE_ID = 'scores.recompute:ingest';

/** One job per import: a second enqueue of the same import is a no-op (BullMQ rejects ':' in job ids). */
export const importJobId = (importId: string) => `imports.run-${importId}`;

/** One pending recompute per segment: enqueueing again while one waits is a no-op. */
export const segmentRecomputeJobId = (segmentId: string) => `segments.recompute-${segmentId}`;
export const SEGMENTS_SCHEDULER_ID = 'segments.refresh-schedule';
/** The refresh a score job queues when it is done: one waiting at a time. */
export const SEGMENTS_AFTER_SCORES_ID = 'segments.refresh-after-scores';
/**
 * Options of every segment job. Completed jobs are removed at once so the deterministic id is free
 * for the next change; so are failed ones (after their retries): segment_runs records the failure.
 */
export const SEGMENT_JOB_OPTS = { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: true, removeOnFail: true } as const;

// The import's types are the API's DTO too, so they live in contracts (the dashboard reads them).
export type { ImportKind, ImportFormat, ImportStatus, ImportProgress, ImportMeta } from '@hubpulse/contracts';

/** One job per export (its row id); the retention sweep runs hourly under one scheduler id. */
export const exportJobId = (exportId: string) => `exports.run-${exportId}`;
export const EXPORTS_SWEEP_ID = 'exports.sweep-schedule';

/**
 * Alert evaluations: no deterministic id (a write made while an evaluation runs must still be seen);
 * an evaluation is idempotent (state compare-and-set), so a repeated one sends nothing twice.
 */
export const ALERT_JOB_OPTS = { attempts: 3, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: 100, removeOnFail: 500 } as const;
