/** Queue names: one BullMQ queue per kind of work. */
export enum QueueName {
  Scores = 'scores',
  Imports = 'imports',
  Segments = 'segments',
}

/** Job names are `<queue>.<verb>`. */
export enum JobName {
  ScoresRecompute = 'scores.recompute',
  ImportsRun = 'imports.run',
  SegmentsRecompute = 'segments.recompute',
  SegmentsRefresh = 'segments.refresh',
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
}

export const JOBS_BY_QUEUE: Record<QueueName, JobName[]> = {
  [QueueName.Scores]: [JobName.ScoresRecompute],
  [QueueName.Imports]: [JobName.ImportsRun],
  [QueueName.Segments]: [JobName.SegmentsRecompute, JobName.SegmentsRefresh],
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

export type ImportKind = 'events' | 'people';
export type ImportFormat = 'ndjson' | 'csv';
export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

/** Counters of an import; also the BullMQ job progress. */
export interface ImportProgress {
  /** Bytes of the (decompressed) file read so far, and its size. */
  bytes: number;
  total: number;
  /** Records read (NDJSON lines that are not blank, CSV records after the header). */
  rows: number;
  accepted: number;
  rejected: number;
}

/**
 * What the API and the import worker know about one import (meta.json beside the upload): the
 * API writes it on upload, the worker updates it while it runs.
 */
export interface ImportMeta {
  id: string;
  kind: ImportKind;
  format: ImportFormat;
  filename: string;
  /** Bytes stored (after gzip/deflate/br decoding of the upload). */
  size: number;
  created_by: { id: string; email: string };
  created_at: string;
  status: ImportStatus;
  progress: ImportProgress;
  /** Chunks written so far in the current attempt. */
  chunks: number;
  attempts: number;
  started_at: string | null;
  finished_at: string | null;
  /** Why the import failed (or why the last attempt failed, while a retry is queued). */
  error: string | null;
}
