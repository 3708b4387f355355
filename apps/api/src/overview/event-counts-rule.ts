import { additiveRange, type HiddenReason } from '@hubpulse/disclosure';

/** People per day and channel combination: bit i of `mask` is channel i. */
export interface DayMask {
  day: string;
  mask: number;
  n: number;
}

interface ReleasedEventCounts {
  total: HiddenReason | null;
  /** Per channel (in input order): null = shown. */
  channels: (HiddenReason | null)[];
}

/**
 * Event counts over a range are sums over days (periods.ts rule 2): a count is shown only when every
 * day of the range had at least k people behind it — overall for the total, on the channel for a
 * channel — so two ranges differ by days that each passed. The channels are disjoint cells of the
 * total: when the total is shown and some channels are hidden, the hidden ones together (total −
 * shown channels) must pass the same rule, else the channel with the fewest events (non-zero) is
 * hidden too ('complementary'), until they pass or nothing is left to hide.
 */
export function releaseEventCounts(days: readonly string[], channelEvents: readonly number[], masks: readonly DayMask[], k: number): ReleasedEventCounts {
  const byDay = new Map<string, DayMask[]>();
  for (const m of masks) byDay.set(m.day, [...(byDay.get(m.day) ?? []), m]);
  /** The range's rule for the events of the channels in `set` (a bit mask). */
  const rule = (set: number) => additiveRange(days.map((d) => (byDay.get(d) ?? []).reduce((s, m) => s + ((m.mask & set) !== 0 ? m.n : 0), 0)), k);
  const all = channelEvents.reduce((m, _, i) => m | (1 << i), 0);
  const total = days.length === 0 ? 'period' : rule(all);
  const channels = channelEvents.map((_, i) => rule(1 << i));
  if (total !== null) return { total, channels };
  const hiddenSet = () => channels.reduce<number>((m, r, i) => (r !== null ? m | (1 << i) : m), 0);
  while (hiddenSet() !== 0 && rule(hiddenSet()) !== null) {
    let pick = -1;
    channelEvents.forEach((e, i) => {
      if (channels[i] === null && e > 0 && (pick < 0 || e < channelEvents[pick])) pick = i;
    });
    if (pick < 0) break;
    channels[pick] = 'complementary';
  }
  return { total, channels };
}
