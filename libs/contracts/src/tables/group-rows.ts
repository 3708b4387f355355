import { round } from '../numbers';
import { EVENT_TYPE_LABELS } from '../labels';
import type { EventType } from '../enums';
import type { GroupScoreRow, GroupScoresDto } from '../engagement.types';
import type { HiddenReason } from '../privacy.types';

// Engagement → Groups as rows: the dashboard's table and the server's export read the same rows in the same order.

export interface GroupTableRow {
  key: string;
  label: string;
  people: number | null;
  meanScore: number | null;
  activeShare: number | null;
  /** Mean score on the last day minus on the first day with one, in points; null without two days. */
  change: number | null;
  /** The action type earning the largest share of the group's points, with that share. */
  topAction: { type: EventType; label: string; share: number } | null;
  /** Why the group, its mean score or its active share is hidden (the API's reasons). */
  hiddenReason: HiddenReason | null;
  meanHidden: HiddenReason | null;
  activeHidden: HiddenReason | null;
  suppressed: boolean;
  /** Whether the trend has at least one shown day. */
  hasTrend: boolean;
}

const TENURE_ORDER = ['under 1 year', '1–3 years', '3–10 years', '10+ years', 'unknown'];

function trendChange(trend: GroupScoreRow['trend']): number | null {
  const shown = [...trend].sort((a, b) => a.day.localeCompare(b.day)).filter((p) => p.mean_score !== null);
  if (shown.length < 2) return null;
  return round((shown[shown.length - 1].mean_score as number) - (shown[0].mean_score as number), 1);
}

function topAction(mix: GroupScoreRow['mix']): GroupTableRow['topAction'] {
  if (!mix) return null;
  let best: GroupTableRow['topAction'] = null;
  for (const [type, share] of Object.entries(mix) as [EventType, number][]) {
    if (typeof share === 'number' && share > 0 && (!best || share > best.share)) {
      best = { type, label: EVENT_TYPE_LABELS[type] ?? type, share };
    }
  }
  return best;
}

/**
 * One row per group. Tenure bands keep their natural order; other groupings put the highest mean
 * score first, hidden groups last (their order must not hint at their numbers).
 */
export function buildGroupRows(dto: Pick<GroupScoresDto, 'by' | 'groups'>): GroupTableRow[] {
  const rows = dto.groups.map<GroupTableRow>((g) => ({
    key: g.key,
    label: g.label || g.key,
    people: g.people,
    meanScore: g.mean_score,
    activeShare: g.active_share,
    change: g.suppressed ? null : trendChange(g.trend),
    topAction: g.suppressed ? null : topAction(g.mix),
    hiddenReason: g.hidden_reason ?? null,
    meanHidden: g.mean_score_hidden ?? null,
    activeHidden: g.active_share_hidden ?? null,
    suppressed: g.suppressed,
    hasTrend: !g.suppressed && g.trend.some((p) => p.mean_score !== null),
  }));
  if (dto.by === 'tenure') {
    const rank = (label: string) => {
      const i = TENURE_ORDER.indexOf(label);
      return i === -1 ? TENURE_ORDER.length : i;
    };
    return rows.sort((a, b) => rank(a.label) - rank(b.label) || a.label.localeCompare(b.label));
  }
  return rows.sort((a, b) => {
    if (a.suppressed !== b.suppressed) return a.suppressed ? 1 : -1;
    if (a.suppressed) return a.label.localeCompare(b.label);
    return (b.meanScore ?? -1) - (a.meanScore ?? -1) || a.label.localeCompare(b.label);
  });
}

