// Shaping for "Why this score": the explanation per action type with each type's share of the
// raw points, the day-by-day contributions, the person picker's labels, and CSV of both tables.

import type { EventType, ScoreExplanationDto, ScoredPersonDto } from '@hubpulse/contracts';
import { type CsvCell, toCsv } from '@hubpulse/contracts';
import { formatPoints, formatScore } from '../../lib/format';
import { EVENT_TYPE_LABELS } from '@hubpulse/contracts';

export interface TypeRow {
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

/** Biggest contribution first; types without actions last, in their usual order. */
export function buildTypeRows(dto: Pick<ScoreExplanationDto, 'by_type' | 'raw'>): TypeRow[] {
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

export interface ActionRow {
  day: string;
  type: EventType;
  label: string;
  actions: number;
  counted: number;
  decay: number;
  points: number;
}

/** Newest day first; within a day, the biggest contribution first. */
export function buildActionRows(dto: Pick<ScoreExplanationDto, 'actions'>): ActionRow[] {
  return dto.actions
    .map((a) => ({ ...a, day: a.day.slice(0, 10), label: EVENT_TYPE_LABELS[a.type] ?? a.type }))
    .sort((a, b) => b.day.localeCompare(a.day) || b.points - a.points);
}

/** "62 — higher than 62% of the organisation (2,400 people)". */
export function rankSentence(score: number, population: number, where: string): string {
  if (population <= 1) return `the only person in ${where}`;
  return `higher than ${formatScore(score)}% of ${where}`;
}

/** "Maria Lopez (p0042) · Sales · score 62 · raw 48". */
export function personOptionLabel(p: ScoredPersonDto): string {
  const name = p.name ? `${p.name} (${p.person_id})` : p.person_id;
  return [name, p.department, `score ${formatScore(p.score)}`, `raw ${formatPoints(p.raw)}`].filter(Boolean).join(' · ');
}

export function typeRowsCsv(dto: ScoreExplanationDto): string {
  const rows: CsvCell[][] = buildTypeRows(dto).map((r) => [
    dto.person_id,
    dto.day,
    dto.model_version,
    r.type,
    r.weight,
    r.halfLifeDays,
    r.dailyCap,
    r.actions,
    r.counted,
    r.points,
    r.share === null ? null : Math.round(r.share * 10_000) / 10_000,
  ]);
  return toCsv(['person_id', 'day', 'model_version', 'type', 'weight', 'half_life_days', 'daily_cap', 'actions', 'counted', 'points', 'share_of_raw'], rows);
}

export function actionRowsCsv(dto: ScoreExplanationDto): string {
  const rows: CsvCell[][] = buildActionRows(dto).map((r) => [dto.person_id, dto.day, r.day, r.type, r.actions, r.counted, r.decay, r.points]);
  return toCsv(['person_id', 'score_day', 'action_day', 'type', 'actions', 'counted', 'decay', 'points'], rows);
}
