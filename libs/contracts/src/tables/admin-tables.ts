import type { ScoreExplanationDto, ScoreJobDto, ScoringModelDto } from '../engagement.types';
import type { EventType } from '../enums';
import type { ViewTable } from '../exports.types';
import type { EventMapping, IngestionSourcesResponse } from '../ingestion.types';
import { EVENT_TYPE_LABELS } from '../labels';
import { col, dayOf, plainTable, utcTime } from './view-table';

/**
 * Admin pages as tables (data sources, event mappings, scoring model, score jobs, why a score): records
 * and settings, or one person's own score for admins — no counts of groups, nothing hidden.
 */

/** Every action type, in the order the labels list them (the label map is complete by its type). */
export const ACTION_TYPES = Object.keys(EVENT_TYPE_LABELS) as EventType[];

const SOURCE_COLUMNS = [
  col('key_id', 'string', 'Write key id (or the internal source)'),
  col('key_name', 'string', "The key's name"),
  col('key_prefix', 'string', 'First characters of the key'),
  col('format', 'string', 'Wire format: native, segment, posthog, import'),
  col('window_minutes', 'int', 'Minutes up to now the numbers cover'),
];

/** Data sources: per write key and format over the window. */
export function ingestionSourcesTable(dto: IngestionSourcesResponse): ViewTable {
  return plainTable(
    [
      ...SOURCE_COLUMNS,
      col('events_per_minute', 'float', 'Mean accepted events per minute over the window'),
      col('accepted', 'int', 'Events accepted'),
      col('rejected', 'int', 'Events rejected'),
      col('last_event_at', 'datetime', 'When the newest event of the source was stored'),
      col('lag_p50_seconds', 'float', 'Median of stored time − occurred time, seconds'),
      col('lag_p95_seconds', 'float', '95th percentile of stored time − occurred time, seconds'),
    ],
    dto.sources.map((s) => [s.key_id, s.key_name, s.key_prefix, s.format, dto.window_minutes, s.events_per_minute, s.accepted, s.rejected, utcTime(s.last_event_at), s.lag_seconds?.p50 ?? null, s.lag_seconds?.p95 ?? null]),
  );
}

/** Data sources: every source's rejects by reason. */
export function ingestionRejectsTable(dto: IngestionSourcesResponse): ViewTable {
  return plainTable(
    [...SOURCE_COLUMNS, col('reason', 'string', 'Why the events were rejected'), col('count', 'int', 'Events rejected for it')],
    dto.sources.flatMap((s) => (s.rejects_by_reason ?? []).map((r) => [s.key_id, s.key_name, s.key_prefix, s.format, dto.window_minutes, r.reason, r.count])),
  );
}

/** Event mappings: SDK event name → hub action, as stored. */
export function eventMappingsTable(mappings: readonly EventMapping[]): ViewTable {
  return plainTable(
    [
      col('source', 'string', 'segment or posthog'),
      col('event', 'string', "The SDK's event name, matched exactly"),
      col('type', 'string', 'Hub action it becomes'),
      col('channel', 'string', 'Channel used when the properties carry none (empty: from the properties)'),
      col('purpose', 'string', 'Purpose used when the properties carry none (empty: from the properties)'),
    ],
    mappings.map((m) => [m.source, m.event, m.type, m.channel, m.purpose]),
  );
}

/** Scoring model: every version, newest first, with each action type's weight, half-life and cap. */
export function scoringModelsTable(models: readonly ScoringModelDto[]): ViewTable {
  return plainTable(
    [
      col('version', 'int', 'Model version'),
      col('created_at', 'datetime', 'When it was made'),
      col('created_by', 'string', 'Who made it'),
      col('lookback_days', 'int', 'Actions older than this many days do not count'),
      col('note', 'string', 'Why it was made'),
      ...ACTION_TYPES.map((t) => col(`weight_${t}`, 'float', `Points per ${t} action`)),
      ...ACTION_TYPES.map((t) => col(`half_life_days_${t}`, 'float', `Days after which a ${t} action counts half`)),
      ...ACTION_TYPES.map((t) => col(`daily_cap_${t}`, 'int', `Most ${t} actions counted per person per day (empty: no cap)`)),
    ],
    models.map((m) => [
      m.version, utcTime(m.created_at), m.created_by, m.lookback_days, m.note,
      ...ACTION_TYPES.map((t) => m.weights[t] ?? null),
      ...ACTION_TYPES.map((t) => m.half_lives[t] ?? null),
      ...ACTION_TYPES.map((t) => m.daily_caps[t] ?? null),
    ]),
  );
}

/** Score jobs: recent runs with state, progress and result. */
export function scoreJobsTable(jobs: readonly ScoreJobDto[]): ViewTable {
  return plainTable(
    [
      col('job_id', 'string', 'Job id'),
      col('kind', 'string', 'incremental, full or auto'),
      col('reason', 'string', 'Why it ran'),
      col('state', 'string', 'Queue state'),
      col('progress', 'int', '0–100'),
      col('phase', 'string', 'What it was doing'),
      col('created_at', 'datetime', 'Queued at'),
      col('started_at', 'datetime', 'Started at'),
      col('finished_at', 'datetime', 'Finished at'),
      col('attempts', 'int', 'Attempts made'),
      col('failed_reason', 'string', 'Why it failed'),
      col('rows', 'int', 'Person-days written'),
      col('from', 'date', 'First day scored'),
      col('to', 'date', 'Last day scored'),
      col('model_version', 'int', 'Scoring model version used'),
      col('ms', 'int', 'Run time, milliseconds'),
    ],
    jobs.map((j) => [
      j.id, j.kind, j.reason, j.state, j.progress, j.phase, utcTime(j.created_at), utcTime(j.started_at), utcTime(j.finished_at), j.attempts, j.failed_reason,
      j.result?.rows ?? null, dayOf(j.result?.from), dayOf(j.result?.to), j.result?.model_version ?? null, j.result?.ms ?? null,
    ]),
  );
}

export interface ScoreTypeRow {
  type: EventType;
  label: string;
  weight: number;
  halfLifeDays: number;
  dailyCap: number | null;
  actions: number;
  counted: number;
  /** Actions the daily cap left out. */
  capped: number;
  points: number;
  /** Share of the raw score, 0–1; null when the raw score is 0. */
  share: number | null;
}

/** Why a score, per action type: biggest contribution first; types without actions last, in their usual order. */
export function buildScoreTypeRows(dto: Pick<ScoreExplanationDto, 'by_type' | 'raw'>): ScoreTypeRow[] {
  const total = dto.by_type.reduce((s, r) => s + r.points, 0) || dto.raw;
  return dto.by_type
    .map((r, i) => ({
      row: {
        type: r.type,
        label: EVENT_TYPE_LABELS[r.type] ?? r.type,
        weight: r.weight,
        halfLifeDays: r.half_life_days,
        dailyCap: r.daily_cap,
        actions: r.actions,
        counted: r.counted,
        capped: Math.max(0, r.actions - r.counted),
        points: r.points,
        share: total > 0 ? r.points / total : null,
      },
      i,
    }))
    .sort((a, b) => b.row.points - a.row.points || b.row.actions - a.row.actions || a.i - b.i)
    .map((x) => x.row);
}

export interface ScoreActionRow {
  day: string;
  type: EventType;
  label: string;
  actions: number;
  counted: number;
  decay: number;
  points: number;
}

/** Why a score, day by day: newest day first; within a day, the biggest contribution first. */
export function buildScoreActionRows(dto: Pick<ScoreExplanationDto, 'actions'>): ScoreActionRow[] {
  return dto.actions
    .map((a) => ({ ...a, day: a.day.slice(0, 10), label: EVENT_TYPE_LABELS[a.type] ?? a.type }))
    .sort((a, b) => b.day.localeCompare(a.day) || b.points - a.points);
}

const PERSON_DAY = [col('person_id', 'string', 'Person id'), col('day', 'date', 'The scored day')];

/** Why a score: points per action type, as the explanation's table lists them. */
export function scoreExplanationTypesTable(dto: ScoreExplanationDto): ViewTable {
  return plainTable(
    [
      ...PERSON_DAY,
      col('model_version', 'int', 'Scoring model version'),
      col('type', 'string', 'Action type'),
      col('weight', 'float', 'Points per action'),
      col('half_life_days', 'float', 'Days after which an action counts half'),
      col('daily_cap', 'int', 'Most actions counted per day (empty: no cap)'),
      col('actions', 'int', 'Actions inside the lookback window'),
      col('counted', 'int', 'Actions counted after the daily cap'),
      col('points', 'float', 'Points on the day'),
      col('share_of_raw', 'float', 'Share of the raw score, 0–1'),
    ],
    buildScoreTypeRows(dto).map((r) => [
      dto.person_id, dayOf(dto.day), dto.model_version, r.type, r.weight, r.halfLifeDays, r.dailyCap, r.actions, r.counted, r.points, r.share === null ? null : Math.round(r.share * 10_000) / 10_000,
    ]),
  );
}

/** Why a score: what each (day, action type) inside the window adds on the scored day. */
export function scoreExplanationDaysTable(dto: ScoreExplanationDto): ViewTable {
  return plainTable(
    [
      ...PERSON_DAY,
      col('action_day', 'date', 'Day of the actions'),
      col('type', 'string', 'Action type'),
      col('actions', 'int', 'Actions that day'),
      col('counted', 'int', 'Counted after the daily cap'),
      col('decay', 'float', 'Decay factor on the scored day (half-life)'),
      col('points', 'float', 'Points added on the scored day'),
    ],
    buildScoreActionRows(dto).map((r) => [dto.person_id, dayOf(dto.day), r.day, r.type, r.actions, r.counted, r.decay, r.points]),
  );
}
