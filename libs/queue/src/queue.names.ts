/** Queue names: one BullMQ queue per kind of work. */
export enum QueueName {
  Scores = 'scores',
}

/** Job names are `<queue>.<verb>`. */
export enum JobName {
  ScoresRecompute = 'scores.recompute',
}

/** Payloads carry ids and ranges, never data. */
export interface JobPayloads {
  [JobName.ScoresRecompute]: {
    /** Why the job runs: schedule, ingest (debounced), manual, model. */
    reason: 'schedule' | 'ingest' | 'manual' | 'model';
    /** Days to recompute (YYYY-MM-DD, inclusive); omitted = the model's lookback up to the newest event. */
    from?: string;
    to?: string;
  };
}

export const JOBS_BY_QUEUE: Record<QueueName, JobName[]> = {
  [QueueName.Scores]: [JobName.ScoresRecompute],
};

/** Deterministic ids where work must not pile up. */
export const SCORES_SCHEDULER_ID = 'scores.recompute:schedule';
export const SCORES_DEBOUNCE_ID = 'scores.recompute:ingest';
