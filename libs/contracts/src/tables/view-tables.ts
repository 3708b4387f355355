import type { GroupScoresDto } from '../engagement.types';
import type { ViewTable } from '../exports.types';
import type { OverviewResponse } from '../overview.types';
import type { ProgrammeScorecardDto } from '../programmes.types';
import type { SegmentListDto } from '../segments.types';
import { round } from '../numbers';
import { buildGroupRows } from './group-rows';
import { sortSegments } from './segment-rows';
import { col, finishTable, shown, type DraftCell } from './view-table';

/**
 * Views as tables, from the very DTO the dashboard draws: the server's exports and the dashboard's
 * panels read the same numbers, hidden ones empty with a note. One function per exportable panel.
 */

/** Overview → Engagement index: one row per day. */
export function overviewEngagementTable(dto: OverviewResponse): ViewTable {
  return finishTable(
    [
      col('day', 'date', 'Day (UTC)'),
      col('engagement_index', 'float', 'Share of the directory (0–100 %) who did anything on the hub in the 7 days ending that day'),
      col('active_people_7d', 'int', 'People of the directory active in the 7 days ending that day'),
    ],
    dto.engagement.map((p) => [p.day.slice(0, 10), shown(p.index, p.hidden_reason), shown(p.people, p.hidden_reason)]),
    dto.min_group_size,
  );
}

/** Overview → Channels: hub actions and active people per channel over the range, and the total. */
export function overviewChannelsTable(dto: OverviewResponse): ViewTable {
  const { from, to } = dto.range;
  return finishTable(
    [
      col('from', 'date', 'First day of the range'),
      col('to', 'date', 'Last day of the range'),
      col('channel', 'string', 'Hub channel, or "all" for the whole hub'),
      col('events', 'int', 'Hub actions in the range'),
      col('active_people', 'int', 'People of the directory who acted in the range'),
    ],
    [
      [from, to, 'all', shown(dto.totals.events, dto.totals.events_hidden), shown(dto.totals.active_people, dto.totals.active_people_hidden)],
      ...dto.by_channel.map((c) => [from, to, c.channel, shown(c.events, c.events_hidden), shown(c.active_people, c.active_people_hidden)]),
    ],
    dto.min_group_size,
  );
}

/** Engagement → Groups: one row per group in the table's order, the numbers of the last day of the range. */
export function engagementGroupsTable(dto: GroupScoresDto): ViewTable {
  return finishTable(
    [
      col('group_by', 'string', 'How people are grouped (department, location, team, manager, tenure)'),
      col('group_key', 'string', 'The group'),
      col('group', 'string', 'The group as the dashboard names it'),
      col('from', 'date', 'First day of the range'),
      col('to', 'date', 'Last day of the range (the day the numbers are of)'),
      col('people', 'int', 'People in the group (directory)'),
      col('mean_score', 'float', 'Mean 0–100 engagement score of the group on the last day'),
      col('active_share', 'float', 'Share of the group with an action inside the lookback window, 0–1'),
      col('change', 'float', 'Mean score on the last day minus on the first day with one, in points'),
      col('top_action', 'string', "The action type earning the largest share of the group's points"),
    ],
    buildGroupRows(dto).map((r) => {
      const hidden = r.hiddenReason ?? (r.suppressed ? 'below_minimum' : null);
      return [
        dto.by,
        r.key,
        r.label,
        dto.from,
        dto.to,
        shown(r.people, hidden),
        shown(r.meanScore === null ? null : round(r.meanScore, 1), r.meanHidden ?? hidden),
        shown(r.activeShare === null ? null : round(r.activeShare, 3), r.activeHidden ?? hidden),
        r.change,
        r.topAction?.type ?? null,
      ];
    }),
    dto.min_group_size,
  );
}

/** Engagement → Groups over time: each group's daily mean score, groups in the table's order. */
export function engagementGroupTrendsTable(dto: GroupScoresDto): ViewTable {
  const rows: DraftCell[][] = [];
  for (const r of buildGroupRows(dto)) {
    const g = dto.groups.find((x) => x.key === r.key);
    if (!g) continue;
    if (g.suppressed) {
      rows.push([dto.by, g.key, r.label, null, shown(null, g.hidden_reason ?? 'below_minimum')]);
      continue;
    }
    for (const p of [...g.trend].sort((a, b) => a.day.localeCompare(b.day))) {
      rows.push([dto.by, g.key, r.label, p.day.slice(0, 10), shown(p.mean_score === null ? null : round(p.mean_score, 1), p.hidden_reason)]);
    }
  }
  return finishTable(
    [
      col('group_by', 'string', 'How people are grouped'),
      col('group_key', 'string', 'The group'),
      col('group', 'string', 'The group as the dashboard names it'),
      col('day', 'date', 'Day (UTC)'),
      col('mean_score', 'float', 'Mean 0–100 engagement score of the group that day'),
    ],
    rows,
    dto.min_group_size,
  );
}

/** Audiences → Segments: each segment with its current size, in the list's order. */
export function segmentListTable(dto: SegmentListDto): ViewTable {
  return finishTable(
    [
      col('id', 'string', 'Segment id'),
      col('name', 'string', 'Segment name'),
      col('kind', 'string', 'dynamic (recomputed) or static (frozen)'),
      col('starter', 'bool', 'Shipped with Hubpulse'),
      col('size', 'int', 'People in the current membership'),
      col('status', 'string', 'ok, or failed (the last good membership is shown)'),
      col('computed_at', 'datetime', 'When the current membership was computed'),
      col('membership_version', 'int', 'Version of the current membership'),
      col('definition_version', 'int', 'Version of the definition (rule) now'),
      col('last_error', 'string', 'Why the newest run failed, if it did'),
    ],
    sortSegments(dto.segments).map((s) => [s.id, s.name, s.kind, s.starter, shown(s.size, s.size_suppressed), s.status, s.computed_at, s.membership_version, s.definition_version, s.last_error]),
    dto.min_group_size,
  );
}

/** A programme's scorecard: the measure per week, cumulative, against the target. */
export function programmeScorecardTable(dto: ProgrammeScorecardDto): ViewTable {
  return finishTable(
    [
      col('programme_id', 'string', 'Programme id'),
      col('metric', 'string', 'The measure'),
      col('week', 'date', 'ISO week (its Monday)'),
      col('value', 'float', 'The measure from the start of the period to the end of the week'),
      col('target', 'float', 'The target for the whole period'),
      col('members', 'int', 'People measured'),
    ],
    dto.series.map((w) => [dto.programme_id, dto.metric, w.week.slice(0, 10), shown(w.value, w.hidden), dto.target, shown(dto.members, dto.members_hidden)]),
    dto.min_group_size,
  );
}
