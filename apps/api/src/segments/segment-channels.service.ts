import { Injectable } from '@nestjs/common';
import { CHANNEL_PRIOR_STRENGTH } from '@hubpulse/analytics';
import { segmentChannelsQuerySchema, type CountSuppression, type SegmentChannelStatsDto } from '@hubpulse/contracts';
import { InvalidInputError } from '../common/errors';
import { parseOr400 } from '../common/zod';
import { CHANNEL_STAT_DEFINITIONS, channelStats } from './segment-channel-stats';
import { SegmentReadsRepository, type ReadCounts } from './segment-reads.repository';
import type { SegmentSizing } from './segment-sizes.service';
import { SegmentsService } from './segments.service';

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Default period of channel statistics and of the forecast's history: the 90 days up to the newest event. */
export const CHANNEL_PERIOD_DAYS = 90;

/** Why a segment has no numbers, in words. */
export function sizeReason(z: SegmentSizing, k: number): string | null {
  if (!z.current) return 'the segment has not been computed yet';
  const why: Record<CountSuppression, string> = {
    below_minimum: `the segment has fewer than ${k} members`,
    difference: `the segment's size is hidden: beside another segment it would reveal a difference of fewer than ${k} people`,
    remainder: `the segment's size is hidden: with another segment and the population it would reveal fewer than ${k} people`,
  };
  return z.suppressed ? why[z.suppressed] : null;
}

/** Channel and content statistics per segment (reach, read and interaction rates, shrunk, with intervals) and the ranking. */
@Injectable()
export class SegmentChannelsService {
  constructor(
    private readonly segments: SegmentsService,
    private readonly reads: SegmentReadsRepository,
  ) {}

  /** The period [from, to] asked for, or the 90 days up to the newest event. */
  async period(q: { from?: string; to?: string }): Promise<{ from: string; to: string }> {
    const to = q.to ?? (await this.reads.lastEventDay()) ?? isoDay(Date.now());
    const from = q.from ?? isoDay(Date.parse(to) - (CHANNEL_PERIOD_DAYS - 1) * DAY_MS);
    if (from > to) throw new InvalidInputError([`from: must not be after to (${from} > ${to})`]);
    if (Date.parse(to) - Date.parse(from) > 366 * DAY_MS) throw new InvalidInputError(['from: the period is limited to one year']);
    return { from, to };
  }

  async stats(id: string, query: unknown): Promise<SegmentChannelStatsDto> {
    const q = parseOr400(segmentChannelsQuerySchema, query);
    await this.segments.require(id);
    const { from, to } = await this.period(q);
    const snap = await this.segments.snapshot();
    const z = snap.segments.get(id)!;
    const base: SegmentChannelStatsDto = {
      segment_id: id,
      from,
      to,
      min_group_size: snap.k,
      members: z.size,
      reason: sizeReason(z, snap.k),
      prior_strength: CHANNEL_PRIOR_STRENGTH,
      definitions: CHANNEL_STAT_DEFINITIONS,
      channels: [],
      purposes: [],
      recommendations: { channels: [], purposes: [] },
    };
    if (!z.current || z.size === null) return base;
    const [counts, reads] = await Promise.all([this.reads.channelCounts(id, z.current.version, from, to), this.reads.readCounts(id, z.current.version, from, to)]);
    return { ...base, ...channelStats({ n: z.current.size, population: snap.population, k: snap.k, counts, reads }) };
  }

  /** What a programme forecast needs: the segment's sizing, the population and the read counts of the history window. */
  async forecastInputs(id: string): Promise<{ from: string; to: string; k: number; population: number; sizing: SegmentSizing; reads: ReadCounts[] }> {
    const { from, to } = await this.period({});
    const snap = await this.segments.snapshot();
    const sizing = snap.segments.get(id) ?? { current: null, last: null, size: null, suppressed: null, runs: [] };
    const reads = sizing.current && sizing.size !== null ? await this.reads.readCounts(id, sizing.current.version, from, to) : [];
    return { from, to, k: snap.k, population: snap.population, sizing, reads };
  }
}
