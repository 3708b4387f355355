// Shaping for leader responsiveness: the organisation's headline numbers, the unanswered queue by
// age, the daily answered share, the table per group and kind (ordered by contracts' sortLeaderRows, as the export).

import type { LeaderItemKind, LeaderResponsivenessResponse, LeaderResponsivenessRow } from '@hubpulse/contracts';
import { round } from '@hubpulse/contracts';

export const KIND_LABELS: Record<LeaderItemKind | 'all', string> = {
  all: 'All',
  qa: 'Q&A questions',
  ceo_feedback: 'CEO blog feedback',
};

/** "45 min", "5.2 h", "3.1 d". */
export function formatHours(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return '—';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} h`;
  const d = hours / 24;
  return `${d < 10 ? d.toFixed(1) : Math.round(d)} d`;
}

/** The row for all kinds of the first group (the organisation, when grouped by org). */
export function headlineRow(resp: LeaderResponsivenessResponse, group?: string): LeaderResponsivenessRow | null {
  const rows = resp.groups.filter((r) => (group === undefined ? true : r.group === group));
  return rows.find((r) => r.kind === 'all') ?? rows[0] ?? null;
}

export interface QueueBar {
  key: string;
  label: string;
  items: number | null;
}

export function buildQueueBars(resp: LeaderResponsivenessResponse, row: LeaderResponsivenessRow | null): QueueBar[] {
  return resp.queue_bands.map((b) => ({ key: b.key, label: b.label, items: row ? (row.queue[b.key] ?? null) : null }));
}

/** Daily share answered (0–100) by day raised, oldest first. */
export function buildAnsweredTrend(resp: LeaderResponsivenessResponse) {
  return [...resp.days]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((d) => ({ day: d.day.slice(0, 10), answered: d.answered_share === null ? null : round(d.answered_share, 1) }));
}


