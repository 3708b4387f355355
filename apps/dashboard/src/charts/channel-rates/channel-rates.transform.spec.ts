import type { SegmentChannelStatsDto, ShrunkRateDto } from '@hubpulse/contracts';
import { buildChannelRows, buildRecommendations, formatLift, formatRate, niceMax, shrinkageText, verdictOf } from './channel-rates.transform';

const rate = (o: Partial<ShrunkRateDto> = {}): ShrunkRateDto => ({
  observed: 0.12,
  estimate: 0.1,
  lower: 0.07,
  upper: 0.13,
  org: 0.06,
  lift: 1.67,
  lift_lower: 1.17,
  lift_upper: 2.17,
  weight: 0.34,
  ...o,
});

const dto: SegmentChannelStatsDto = {
  segment_id: 's1',
  from: '2026-08-28',
  to: '2026-11-25',
  min_group_size: 5,
  members: 80,
  reason: null,
  hidden_reason: null,
  prior_strength: 20,
  definitions: { reach_rate: 'r', read_rate: 'rr', interaction_rate: 'i', shrinkage: 's', interval: 'iv', ranking: 'rk' },
  channels: [
    { channel: 'blog', items: 12, reached: 60, reached_suppressed: null, reach_rate: rate({ estimate: 0.7, lower: 0.6, upper: 0.8, org: 0.5 }), read_rate: rate(), read_rate_hidden: null, interaction_rate: null, interaction_rate_hidden: null },
    { channel: 'qa', items: 0, reached: null, reached_suppressed: 'below_minimum', reach_rate: rate({ upper: 0.2, org: 0.3 }), read_rate: null, read_rate_hidden: null, interaction_rate: null, interaction_rate_hidden: 'numerator' },
  ],
  purposes: [],
  recommendations: {
    channels: [
      { key: 'qa', rank: 2, metric: 'reach_rate', lift: 0.5, verdict: 'below', reason: 'b' },
      { key: 'blog', rank: 1, metric: 'read_rate', lift: 1.67, verdict: 'above', reason: 'a' },
    ],
    purposes: [],
  },
};

describe('scales and verdicts', () => {
  it('rounds scales up', () => {
    expect([0.037, 0.13, 0.42, 0.9, 0, 1.3].map(niceMax)).toEqual([0.05, 0.2, 0.5, 1, 1, 1]);
  });

  it('calls a rate above or below only when the whole interval is', () => {
    expect(verdictOf(rate())).toBe('above');
    expect(verdictOf(rate({ lower: 0.01, upper: 0.05 }))).toBe('below');
    expect(verdictOf(rate({ lower: 0.05 }))).toBe('similar');
  });

  it('places intervals and the organisation on one scale per metric', () => {
    const { rows, scales } = buildChannelRows(dto);
    expect(scales).toEqual({ reach_rate: 1, read_rate: 0.2, interaction_rate: 1 });
    const read = rows[0].cells.read_rate!;
    expect([read.lowerPos, read.upperPos, read.estimatePos, read.orgPos].map((v) => Math.round(v * 1000) / 1000)).toEqual([0.35, 0.65, 0.5, 0.3]);
    expect(read.verdict).toBe('above');
    expect(rows[0].cells.interaction_rate).toBeNull();
    expect(rows[1]).toMatchObject({ reached: null, reachedSuppressed: 'below_minimum' });
  });
});

describe('words', () => {
  it('formats rates and lifts', () => {
    expect([0, 0.037, 0.42, 1].map(formatRate)).toEqual(['0%', '3.7%', '42%', '100%']);
    expect(formatLift(1.666)).toBe('1.67×');
    expect(formatLift(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('explains shrinkage, and says when the observed rate is hidden', () => {
    expect(shrinkageText(rate())).toBe('observed 12%, estimate 10% (95% interval 7%–13%), organisation 6%; 34% from this segment\'s own data.');
    expect(shrinkageText(rate({ observed: null }))).toMatch(/^observed rate hidden for privacy/);
  });

  it('ranks recommendations', () => {
    const recs = buildRecommendations(dto.recommendations.channels, (k) => k.toUpperCase());
    expect(recs.map((r) => [r.rank, r.label, r.lift, r.metric])).toEqual([
      [1, 'BLOG', '1.67×', 'read rate'],
      [2, 'QA', '0.5×', 'reach'],
    ]);
  });
});
