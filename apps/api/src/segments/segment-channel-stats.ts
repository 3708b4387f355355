import { rankByLift, readRateCounts, shrinkRate, type RankInput, type ShrunkRate } from '@hubpulse/analytics';
import { CHANNEL_FULL_NAMES, CHANNEL_STAT_DEFINITIONS, CHANNELS, PURPOSE_FULL_NAMES, PURPOSES, type Channel, type Purpose, round, type SegmentChannelRowDto, type SegmentChannelStatsDto, type SegmentPurposeRowDto, type ShrunkRateDto } from '@hubpulse/contracts';
import type { PairRelease, ReleasedActivity } from './segment-channel-release';

/** One sentence per number, in contracts so the Glossary reads the same. */
export { CHANNEL_STAT_DEFINITIONS };

const r4 = (x: number) => round(x, 4);
export function rateDto(r: ShrunkRate, showObserved = true): ShrunkRateDto {
  return {
    observed: showObserved && r.observed !== null ? r4(r.observed) : null,
    estimate: r4(r.estimate),
    lower: r4(r.lower),
    upper: r4(r.upper),
    org: r4(r.org),
    lift: Math.round(r.lift * 100) / 100,
    lift_lower: Math.round(r.lift_lower * 100) / 100,
    lift_upper: Math.round(r.lift_upper * 100) / 100,
    weight: r4(r.weight),
  };
}

interface ChannelStatsInput {
  /** Members as the plan counts them (the n of every rate; only called when the segment is shown) and the directory size. */
  n: number;
  population: number;
  /** What may be shown, decided by releaseActivity (segment-channel-release.ts). */
  released: ReleasedActivity;
}

/** The read rate of `reads` over `items`, shrunk towards the organisation's, or null when hidden or nothing was published. */
export function releasedReadRate(reads: PairRelease, items: number, n: number, N: number): ShrunkRate | null {
  if (reads.hidden) return null;
  const segCounts = readRateCounts(reads.seg, n, items);
  const orgCounts = readRateCounts(reads.org, N, items);
  return segCounts && orgCounts ? shrinkRate(segCounts, orgCounts) : null;
}

/**
 * Channel and purpose rows with shrunk rates, and the ranked recommendations. Every rate is shown
 * only when its numbers were released (releaseActivity); a hidden one is null with its reason in
 * `*_hidden` — the shrunk estimate and its interval give the segment's count back as surely as the
 * observed rate, so they are hidden with it.
 */
export function channelStats(input: ChannelStatsInput): Pick<SegmentChannelStatsDto, 'channels' | 'purposes' | 'recommendations'> {
  const { n, population: N, released } = input;
  const channelRows: { row: SegmentChannelRowDto; read: ShrunkRate | null; reach: ShrunkRate | null }[] = CHANNELS.map((channel) => {
    const c = released.channels.get(channel)!;
    const reach = c.reached.hidden ? null : shrinkRate({ successes: c.reached.seg, trials: n }, { successes: c.reached.org, trials: N });
    const i = c.interacted;
    const interaction = i.hidden ? null : shrinkRate({ successes: i.seg, trials: c.reached.seg }, { successes: i.org, trials: c.reached.org });
    const read = releasedReadRate(c.reads, c.items, n, N);
    return {
      row: {
        channel,
        items: c.items,
        reached: c.reached.hidden ? null : c.reached.seg,
        reached_suppressed: c.reached.hidden,
        reach_rate: reach ? rateDto(reach) : null,
        read_rate: read ? rateDto(read) : null,
        read_rate_hidden: c.items > 0 ? c.reads.hidden : null,
        interaction_rate: interaction ? rateDto(interaction) : null,
        interaction_rate_hidden: i.hidden,
      },
      read,
      reach,
    };
  });

  const purposeRows = PURPOSES.map((purpose) => {
    const p = released.purposes.get(purpose)!;
    const read = releasedReadRate(p.reads, p.items, n, N);
    return { row: { purpose, items: p.items, read_rate: read ? rateDto(read) : null, read_rate_hidden: p.items > 0 ? p.reads.hidden : null } as SegmentPurposeRowDto, read };
  });

  const channelRank: RankInput<Channel>[] = [];
  for (const c of channelRows) {
    if (c.read) channelRank.push({ key: c.row.channel, label: CHANNEL_FULL_NAMES[c.row.channel], metric: 'read_rate', rate: c.read });
    else if (c.reach && c.reach.org > 1e-6) channelRank.push({ key: c.row.channel, label: CHANNEL_FULL_NAMES[c.row.channel], metric: 'reach_rate', rate: c.reach });
  }
  const purposeRank: RankInput<Purpose>[] = purposeRows.filter((p) => p.read).map((p) => ({ key: p.row.purpose, label: PURPOSE_FULL_NAMES[p.row.purpose], metric: 'read_rate', rate: p.read! }));
  const rounded = <K extends string>(r: ReturnType<typeof rankByLift<K>>) => r.map((x) => ({ ...x, lift: round(x.lift) }));
  return {
    channels: channelRows.map((c) => c.row),
    purposes: purposeRows.map((p) => p.row),
    recommendations: { channels: rounded(rankByLift(channelRank)), purposes: rounded(rankByLift(purposeRank)) },
  };
}
