import { firstCommentBand } from '@hubpulse/contracts';
import { decayBars, listParamsFrom } from './content.transform';

describe('content transforms', () => {
  it('reads the list filters from the address, dropping values the API would refuse', () => {
    expect(listParamsFrom(new URLSearchParams('from=2026-03-01&channel=blog&purpose=nope&sort=reach&order=up&segment=s1'))).toEqual({ from: '2026-03-01', channel: 'blog', sort: 'reach', segment: 's1' });
    expect(listParamsFrom(new URLSearchParams(''))).toEqual({});
  });

  it('labels decay buckets by the days they cover', () => {
    expect(
      decayBars([
        { from_day: 0, to_day: 0, readers: 12, share: 0.4 },
        { from_day: 2, to_day: 5, readers: 18, share: 0.6 },
      ]),
    ).toEqual([
      { label: 'Day 0', readers: 12, percent: 40 },
      { label: 'Days 2–5', readers: 18, percent: 60 },
    ]);
  });

  it('puts a median time to first comment in its band, never shown itself', () => {
    expect([0.5, 1, 3.9, 4, 23.9, 24, 71.9, 72, 500].map(firstCommentBand)).toEqual(['under_1h', '1_4h', '1_4h', '4_24h', '4_24h', '1_3d', '1_3d', 'over_3d', 'over_3d']);
  });
});
