import type { ViewTable } from '../exports.types';
import type { HiddenReason } from '../privacy.types';
import { COMPOSITION_OTHER, SEGMENT_COMPOSITION_DIMENSIONS, type SegmentChannelStatsDto, type SegmentDetailDto, type ShrunkRateDto } from '../segments.types';
import { col, dayOf, finishTable, shown, utcTime, type DraftCell } from './view-table';

/**
 * Audiences → a segment's panels as tables, from the very DTOs the segment page draws: composition
 * of the current membership, channel rates, and size over time.
 */

export const SEGMENT_RATE_METRICS = ['reach_rate', 'read_rate', 'interaction_rate'] as const;
export type SegmentRateMetric = (typeof SEGMENT_RATE_METRICS)[number];

/** Whole 95% interval above / below the organisation's rate, or neither. */
export function rateVerdict(rate: Pick<ShrunkRateDto, 'lower' | 'upper' | 'org'>): 'above' | 'below' | 'similar' {
  if (rate.lower > rate.org) return 'above';
  if (rate.upper < rate.org) return 'below';
  return 'similar';
}

const SEGMENT_COLUMNS = [col('segment_id', 'string', 'Segment id'), col('segment', 'string', 'Segment name')];

/** Composition: people of the current membership per department, location, title and score band. */
export function segmentCompositionTable(dto: Pick<SegmentDetailDto, 'id' | 'name' | 'composition' | 'min_group_size'>): ViewTable {
  const rows: DraftCell[][] = [];
  const c = dto.composition;
  if (c) {
    for (const dim of SEGMENT_COMPOSITION_DIMENSIONS) {
      for (const cell of c.by[dim].cells) {
        rows.push([dto.id, dto.name, dim, cell.value === COMPOSITION_OTHER ? 'all others' : cell.value, shown(cell.count, cell.suppressed ?? 'below_minimum')]);
      }
    }
    for (const b of c.score.bins) rows.push([dto.id, dto.name, 'score', `${b.from}-${b.to}`, shown(b.count, b.suppressed ?? 'below_minimum')]);
    rows.push([dto.id, dto.name, 'score', 'no score', shown(c.score.unscored, c.score.unscored_suppressed ?? 'below_minimum')]);
  }
  return finishTable(
    [
      ...SEGMENT_COLUMNS,
      col('dimension', 'string', 'department, location, title, or score (organisation percentile band of the engagement score)'),
      col('value', 'string', 'The department, location, title or band ("" = not set in the directory; "all others" = the values past the largest)'),
      col('people', 'int', 'Members with that value'),
    ],
    rows,
    dto.min_group_size,
  );
}

/** Channel rates: every channel × rate with its shrunk estimate, 95% interval and the organisation's rate. */
export function segmentChannelsTable(dto: SegmentChannelStatsDto, segmentName: string): ViewTable {
  const rows: DraftCell[][] = [];
  for (const c of dto.channels) {
    const reasons: Record<SegmentRateMetric, HiddenReason | null> = { reach_rate: c.reached_suppressed, read_rate: c.read_rate_hidden, interaction_rate: c.interaction_rate_hidden };
    for (const m of SEGMENT_RATE_METRICS) {
      const r = c[m];
      // A rate hidden for privacy has every number empty and counted; one without a reason (nothing published) is simply empty.
      const blank: DraftCell = reasons[m] ? { hidden: reasons[m] } : null;
      const v = (x: number | undefined): DraftCell => (r ? (x as number) : blank);
      rows.push([
        dto.segment_id, segmentName, dayOf(dto.from), dayOf(dto.to), c.channel, c.items, shown(c.reached, c.reached_suppressed), m,
        r ? shown(r.observed, reasons[m] ?? 'below_minimum') : blank, v(r?.estimate), v(r?.lower), v(r?.upper), v(r?.org), v(r?.lift), v(r?.weight), r ? rateVerdict(r) : null,
      ]);
    }
  }
  return finishTable(
    [
      ...SEGMENT_COLUMNS,
      col('from', 'date', 'First day of the window'),
      col('to', 'date', 'Last day of the window'),
      col('channel', 'string', 'Hub channel'),
      col('items', 'int', 'Items published on the channel in the window'),
      col('members_reached', 'int', 'Members with at least one event on the channel in the window'),
      col('metric', 'string', 'reach_rate, read_rate or interaction_rate'),
      col('observed', 'float', "The segment's own rate, 0–1"),
      col('estimate', 'float', "The rate pulled towards the organisation's (shrinkage), 0–1"),
      col('lower_95', 'float', 'Lower end of the 95% interval'),
      col('upper_95', 'float', 'Upper end of the 95% interval'),
      col('organisation', 'float', "The organisation's rate on the channel in the window"),
      col('lift', 'float', "estimate / the organisation's rate"),
      col('own_data_weight', 'float', "Share of the estimate from the segment's own data, n / (n + m)"),
      col('verdict', 'string', "above / below: the whole interval is above / below the organisation's rate; else similar"),
    ],
    rows,
    dto.min_group_size,
  );
}

/** Size over time: every run of the segment, oldest first, with entered and left. */
export function segmentSizeHistoryTable(dto: Pick<SegmentDetailDto, 'id' | 'name' | 'runs' | 'min_group_size'>): ViewTable {
  const runs = [...dto.runs].sort((a, b) => a.finished_at.localeCompare(b.finished_at));
  return finishTable(
    [
      ...SEGMENT_COLUMNS,
      col('finished_at', 'datetime', 'When the run finished'),
      col('status', 'string', 'ok, or failed (the previous membership stayed current)'),
      col('membership_version', 'int', 'Membership version the run wrote'),
      col('definition_version', 'int', 'Definition (rule) version it ran'),
      col('size', 'int', 'Members after the run'),
      col('entered', 'int', 'Members who were not in the previous membership'),
      col('left', 'int', 'People of the previous membership no longer in it'),
      col('error', 'string', 'Why the run failed'),
    ],
    runs.map((r) => {
      const ok = r.status === 'ok';
      const n = (x: number | null) => (ok ? shown(x, 'below_minimum') : null);
      return [dto.id, dto.name, utcTime(r.finished_at), r.status, r.version, r.definition_version, n(r.size), n(r.entered), n(r.left), r.error];
    }),
    dto.min_group_size,
  );
}
