import { CHANNEL_PRIOR_STRENGTH, rankByLift, readRateCounts, shrinkRate, type RankInput, type ShrunkRate } from '@hubpulse/analytics';
import { suppressTable } from '@hubpulse/disclosure';
import { CHANNELS, PURPOSES, type Channel, type Purpose, type SegmentChannelRowDto, type SegmentChannelStatsDto, type SegmentPurposeRowDto, type ShrunkRateDto } from '@hubpulse/contracts';
import type { ChannelCounts, ReadCounts } from './segment-reads.repository';

export const CHANNEL_LABELS: Record<Channel, string> = {
  blog: 'Blogs',
  newsletter: 'Department newsletters',
  microblog: 'Microblog',
  ceo_blog: "CEO's vision blog",
  documents: 'Document sharing',
  tasks: 'Task sync',
  qa: 'Q&A',
};
export const PURPOSE_LABELS: Record<Purpose, string> = {
  inform: 'Inform',
  vision: 'Shared vision',
  productivity: 'Productivity',
  engagement: 'Engagement',
  strategy: 'Strategy',
};

export const CHANNEL_STAT_DEFINITIONS: SegmentChannelStatsDto['definitions'] = {
  reach_rate: 'Members with at least one event on the channel in the period, divided by the members.',
  read_rate:
    'Distinct (member, item) views of items published on the channel in the period, divided by members × those items: the average member’s share of the new items read.',
  interaction_rate: 'Of the members reached on the channel, the share who reacted, commented, shared or answered there.',
  shrinkage: `Each rate is pulled towards the organisation’s rate on the same channel and period (the whole directory): estimate = (x + m·org) / (n + m) with a prior worth m = ${CHANNEL_PRIOR_STRENGTH} people, so small segments lean on the organisation and large ones on themselves. For the read rate, x counts members’ worth of reading (reads / items).`,
  interval: '95% interval: the 2.5% and 97.5% quantiles of the Beta posterior of the rate.',
  ranking:
    'Channels rank by lift = estimate / organisation rate of the read rate (of the reach rate where nothing was published); purposes by the read rate of their items. “Clearly above/below” = the whole interval is above/below the organisation.',
};

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
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

/** A people count `part` of a shown group `whole`: shown when neither it nor the rest is in 1..k−1 (rule 2 with two cells). */
export function partShown(part: number, whole: number, k: number): boolean {
  return !suppressTable([{ key: 'part', count: part }, { key: 'rest', count: whole - part }], whole, k).suppressed;
}

export interface ChannelStatsInput {
  /** Current members (exact; only called when the size may be shown) and the directory size. */
  n: number;
  population: number;
  k: number;
  counts: { seg: ChannelCounts[]; org: ChannelCounts[] };
  reads: ReadCounts[];
}

/**
 * Channel and purpose rows with shrunk rates, and the ranked recommendations. Privacy: `reached` and
 * the reach rate are hidden together when reached or not-reached members are 1..k−1 (the rate and n
 * would give the count back); the interaction rate likewise within the reached members.
 */
export function channelStats(input: ChannelStatsInput): Pick<SegmentChannelStatsDto, 'channels' | 'purposes' | 'recommendations'> {
  const { n, population: N, k } = input;
  const seg = new Map(input.counts.seg.map((c) => [c.channel, c]));
  const org = new Map(input.counts.org.map((c) => [c.channel, c]));
  const sumBy = (key: 'channel' | 'purpose', value: string) =>
    input.reads
      .filter((r) => r[key] === value)
      .reduce((s, r) => ({ items: s.items + r.items, seg: s.seg + r.seg_reads, org: s.org + r.org_reads }), { items: 0, seg: 0, org: 0 });
  const readRate = (t: { items: number; seg: number; org: number }) => {
    const segCounts = readRateCounts(t.seg, n, t.items);
    const orgCounts = readRateCounts(t.org, N, t.items);
    return segCounts && orgCounts ? shrinkRate(segCounts, orgCounts) : null;
  };

  const channelRows: { row: SegmentChannelRowDto; read: ShrunkRate | null; reach: ShrunkRate | null }[] = CHANNELS.map((channel) => {
    const s = seg.get(channel) ?? { channel, reached: 0, interacted: 0 };
    const o = org.get(channel) ?? { channel, reached: 0, interacted: 0 };
    const t = sumBy('channel', channel);
    const reachShown = partShown(s.reached, n, k);
    const reach = reachShown ? shrinkRate({ successes: s.reached, trials: n }, { successes: o.reached, trials: N }) : null;
    const interactionShown = reachShown && s.reached >= k && partShown(s.interacted, s.reached, k);
    const interaction = interactionShown ? shrinkRate({ successes: s.interacted, trials: s.reached }, { successes: o.interacted, trials: o.reached }) : null;
    const read = readRate(t);
    return {
      row: {
        channel,
        items: t.items,
        reached: reachShown ? s.reached : null,
        reached_suppressed: reachShown ? null : s.reached < k ? 'below_minimum' : 'complementary',
        reach_rate: reach ? rateDto(reach) : null,
        read_rate: read ? rateDto(read) : null,
        interaction_rate: interaction ? rateDto(interaction) : null,
      },
      read,
      reach,
    };
  });

  const purposeRows = PURPOSES.map((purpose) => {
    const t = sumBy('purpose', purpose);
    const read = readRate(t);
    return { row: { purpose, items: t.items, read_rate: read ? rateDto(read) : null } as SegmentPurposeRowDto, read };
  });

  const channelRank: RankInput<Channel>[] = [];
  for (const c of channelRows) {
    if (c.read) channelRank.push({ key: c.row.channel, label: CHANNEL_LABELS[c.row.channel], metric: 'read_rate', rate: c.read });
    else if (c.reach && c.reach.org > 1e-6) channelRank.push({ key: c.row.channel, label: CHANNEL_LABELS[c.row.channel], metric: 'reach_rate', rate: c.reach });
  }
  const purposeRank: RankInput<Purpose>[] = purposeRows.filter((p) => p.read).map((p) => ({ key: p.row.purpose, label: PURPOSE_LABELS[p.row.purpose], metric: 'read_rate', rate: p.read! }));
  const round = <K extends string>(r: ReturnType<typeof rankByLift<K>>) => r.map((x) => ({ ...x, lift: Math.round(x.lift * 100) / 100 }));
  return {
    channels: channelRows.map((c) => c.row),
    purposes: purposeRows.map((p) => p.row),
    recommendations: { channels: round(rankByLift(channelRank)), purposes: round(rankByLift(purposeRank)) },
  };
}

/** The read rate pooled over `channels`: reads / items summed over them, of n members (the forecast's rate). */
export function pooledReadRate(reads: readonly ReadCounts[], channels: readonly string[], n: number, population: number): { rate: ShrunkRate | null; perChannel: Map<string, { items: number; rate: ShrunkRate | null }> } {
  const perChannel = new Map<string, { items: number; rate: ShrunkRate | null }>();
  let items = 0;
  let segReads = 0;
  let orgReads = 0;
  for (const c of channels) {
    const rows = reads.filter((r) => r.channel === c);
    const t = rows.reduce((s, r) => ({ items: s.items + r.items, seg: s.seg + r.seg_reads, org: s.org + r.org_reads }), { items: 0, seg: 0, org: 0 });
    const sc = readRateCounts(t.seg, n, t.items);
    const oc = readRateCounts(t.org, population, t.items);
    perChannel.set(c, { items: t.items, rate: sc && oc ? shrinkRate(sc, oc) : null });
    items += t.items;
    segReads += t.seg;
    orgReads += t.org;
  }
  const sc = readRateCounts(segReads, n, items);
  const oc = readRateCounts(orgReads, population, items);
  return { rate: sc && oc ? shrinkRate(sc, oc) : null, perChannel };
}
