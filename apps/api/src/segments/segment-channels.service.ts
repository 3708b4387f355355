import type { z } from 'zod';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CHANNEL_PRIOR_STRENGTH } from '@hubpulse/analytics';
import { ReadCache } from '../common/read-cache';
import { ReadWarmup, WARM_ORDER } from '../common/read-warmup';
import {
  DAY_MS,
  formatDayKey,
  hiddenReasonText,
  segmentChannelsQuerySchema,
  type SegmentChannelStatsDto,
} from '@hubpulse/contracts';
import { InvalidInputError } from '../common/errors';
import { DisclosureService } from '../disclosure/disclosure.service';
import { groupKey } from '../disclosure/group-registry.service';
import { decideActivity, releaseActivity, type ReleasedActivity } from './segment-channel-release';
import { CHANNEL_STAT_DEFINITIONS, channelStats } from './segment-channel-stats';
import { EventsRepository } from '@hubpulse/clickhouse';
import { SegmentReadsRepository } from './segment-reads.repository';
import type { SegmentSizing } from './segment-sizes.service';
import { SegmentsService } from './segments.service';

/** Default period of channel statistics and of the forecast's history: the 90 days up to the newest event. */
const CHANNEL_PERIOD_DAYS = 90;

/** Why a segment has no numbers, in words. */
export function sizeReason(z: SegmentSizing, k: number): string | null {
  if (!z.current) return 'the segment has not been computed yet';
  return z.suppressed ? hiddenReasonText(z.suppressed, k) : null;
}

/** Channel and content statistics per segment (reach, read and interaction rates, shrunk, with intervals) and the ranking. */
/** What a window's activity is read from. */
const ACTIVITY_TABLES = ['events', 'people', 'content'] as const;

@Injectable()
export class SegmentChannelsService implements OnModuleInit {
  constructor(
    private readonly segments: SegmentsService,
    private readonly reads: SegmentReadsRepository,
    private readonly events: EventsRepository,
    private readonly disclosure: DisclosureService,
    private readonly cache: ReadCache,
    private readonly warmup: ReadWarmup,
  ) {}

  onModuleInit(): void {
    // A segment page's channel statistics and a programme's forecast: the default period's activity
    // and its decisions, the same for every segment and reader (what each reader sees is released per request).
    this.warmup.register({ name: "the segments' channel statistics", order: WARM_ORDER.segments, read: async () => {
      const [window, snap] = await Promise.all([this.period({}), this.segments.snapshot()]);
      return this.decided(window, snap.plan);
    } });
  }

  /** The period [from, to] asked for, or the 90 days up to the newest event. */
  async period(q: { from?: string; to?: string }): Promise<{ from: string; to: string }> {
    const to = q.to ?? (await this.events.lastEventDay()) ?? formatDayKey(Date.now());
    const from = q.from ?? formatDayKey(Date.parse(to) - (CHANNEL_PERIOD_DAYS - 1) * DAY_MS);
    if (from > to) throw new InvalidInputError([`from: must not be after to (${from} > ${to})`]);
    if (Date.parse(to) - Date.parse(from) > 366 * DAY_MS) throw new InvalidInputError(['from: the period is limited to one year']);
    return { from, to };
  }

  async stats(id: string, q: z.output<typeof segmentChannelsQuerySchema>, userId: string): Promise<SegmentChannelStatsDto> {
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
      hidden_reason: z.current ? z.suppressed : null,
      prior_strength: CHANNEL_PRIOR_STRENGTH,
      definitions: CHANNEL_STAT_DEFINITIONS,
      channels: [],
      purposes: [],
      recommendations: { channels: [], purposes: [] },
    };
    if (!z.current || z.size === null) return base;
    const { n, released } = await this.release(id, snap, userId, { from, to });
    return { ...base, ...channelStats({ n, population: snap.population, released }) };
  }

  /** The segment's activity over [from, to] as the disclosure layer releases it to `userId`; n = members as the plan counts them. */
  private async release(id: string, snap: Awaited<ReturnType<SegmentsService['snapshot']>>, userId: string, window: { from: string; to: string }, pooled: readonly string[] = []) {
    const key = groupKey.segment(id);
    const decided = await this.decided(window, snap.plan);
    const pooledOf = pooled.length ? { channels: pooled, ...(await this.activity(window)) } : undefined;
    const released = await releaseActivity(this.disclosure, snap.plan, userId, key, window, decided, pooledOf);
    return { n: snap.plan.plan.get(key)?.size ?? 0, released };
  }

  /** Everyone's activity over the window, the same for every segment and user: through the read cache. */
  private activity(window: { from: string; to: string }) {
    return this.cache.get({
      name: 'segments.activity',
      params: window,
      tables: ACTIVITY_TABLES,
      compute: async () => {
        const [activity, items] = await Promise.all([this.reads.personActivity(window.from, window.to), this.reads.items(window.from, window.to)]);
        return { activity, items };
      },
    });
  }

  /** Rule 1 over every group of the plan, the same for every segment and user: cached with the plan's content. */
  private decided(window: { from: string; to: string }, dp: Awaited<ReturnType<SegmentsService['snapshot']>>['plan']) {
    return this.cache.get({
      name: 'segments.activity.decisions',
      params: { ...window, plan: dp.contentKey },
      tables: ACTIVITY_TABLES,
      compute: async () => {
        const { activity: rows, items } = await this.activity(window);
        return decideActivity(this.disclosure, dp, rows, items);
      },
    });
  }

  /** What a programme forecast needs: the segment's sizing, the population and its released activity of the history window. */
  async forecastInputs(
    id: string,
    channels: readonly string[],
    userId: string,
  ): Promise<{ from: string; to: string; k: number; population: number; sizing: SegmentSizing; n: number; released: ReleasedActivity | null }> {
    const { from, to } = await this.period({});
    const snap = await this.segments.snapshot();
    const sizing = snap.segments.get(id) ?? { current: null, last: null, size: null, suppressed: null, runs: [] };
    const r = sizing.current && sizing.size !== null ? await this.release(id, snap, userId, { from, to }, channels) : null;
    return { from, to, k: snap.k, population: snap.population, sizing, n: r?.n ?? 0, released: r?.released ?? null };
  }
}
