import { POPULATION, type HiddenReason, type StatKind, type WindowedNumber } from '@hubpulse/disclosure';
import { CHANNELS, PURPOSES } from '@hubpulse/contracts';
import type { DisclosurePlan, DisclosureService } from '../disclosure/disclosure.service';
import type { PersonChannelRow, PersonReadRow } from './segment-reads.repository';

/** A number of the segment and the same number of the organisation, released together or hidden together. */
export interface PairRelease {
  seg: number;
  org: number;
  hidden: HiddenReason | null;
}

interface ChannelRelease {
  items: number;
  /** People with any event on the channel (reach rate = reached / members). */
  reached: PairRelease;
  /** People who interacted, of those reached (interaction rate). */
  interacted: PairRelease;
  /** Distinct (person, item) views of the period's items (read rate = reads / (members × items)). */
  reads: PairRelease;
}

export interface ReleasedActivity {
  channels: Map<string, ChannelRelease>;
  purposes: Map<string, { items: number; reads: PairRelease }>;
  /** Programmes: reads pooled over a set of channels (a forecast's). */
  pooled: PairRelease & { items: number };
}

/**
 * Which channel statistics of one segment may be shown over [from, to], decided by the one layer:
 *
 * 1. The statistic's people, per person of the directory, are summed over EVERY group of the plan
 *    (GroupStructure.sums), and planStat decides over all of them at once — so this segment's rate
 *    cannot be subtracted from another segment's, a department's or a link audience's (decisions do
 *    not depend on which segment was asked for).
 *    - reach: a share of the members (reached ≥ k and not reached ≥ k), the organisation's too;
 *    - read rate: a share with x = readers (members who viewed ≥ 1 of the items): readers and
 *      non-readers ≥ k. The rate itself counts (member, item) views, a sum over the readers;
 *    - interaction rate: interacted of reached — both interacted and reached-but-not-interacted are
 *      checked as counted people ('mean' rule: ≥ k, and every nested difference ≥ k).
 *    The organisation's numbers are released only when the population's statistic passes the same
 *    rule (numerator and complement ≥ k), since the organisation's rate × population gives them.
 * 2. The period is chosen by the reader, so each released count (reached, reads, interacted; the
 *    segment's and the organisation's) is a number over a window: it goes through the reader's
 *    ledger (DisclosureService.windows), which hides it when it differs by 1..k−1 from a number over a
 *    nested window and a containing group this reader was shown before (a one-day window inside a
 *    90-day one, the same window a day later).
 * A rate is shown only when all its numbers are released.
 */
export async function releaseActivity(
  disclosure: DisclosureService,
  plan: DisclosurePlan,
  userId: string,
  segmentKey: string,
  window: { from: string; to: string },
  activity: { channels: PersonChannelRow[]; reads: PersonReadRow[] },
  items: { channel: string; purpose: string; items: number }[],
  pooledChannels: readonly string[] = [],
): Promise<ReleasedActivity> {
  const s = plan.plan.structure;
  const decide = (kind: StatKind, valueOf: Map<string, number>): PairRelease => {
    const { perGroup, population } = s.sums(valueOf);
    const d = disclosure.stat(plan, kind, perGroup, population);
    const seg = d.get(segmentKey);
    const org = d.get(POPULATION);
    const hidden = !seg ? 'below_minimum' : !seg.shown ? seg.reason : org && !org.shown ? org.reason : null;
    return { seg: perGroup.get(segmentKey) ?? 0, org: population, hidden };
  };
  const perPerson = <R>(rows: readonly R[], keep: (r: R) => boolean, value: (r: R) => number) => {
    const m = new Map<string, number>();
    for (const r of rows) if (keep(r)) m.set((r as { person_id: string }).person_id, (m.get((r as { person_id: string }).person_id) ?? 0) + value(r));
    return m;
  };
  const indicator = (m: Map<string, number>) => new Map([...m].map(([p, v]) => [p, v > 0 ? 1 : 0]));
  /** Reads of the rows `keep` admits, released when their readers pass the share rule. */
  const readsOf = (keep: (r: PersonReadRow) => boolean): PairRelease => {
    const reads = perPerson(activity.reads, keep, (r) => r.reads);
    const readers = decide('share', indicator(reads));
    const { perGroup, population } = s.sums(reads);
    return { seg: perGroup.get(segmentKey) ?? 0, org: population, hidden: readers.hidden };
  };
  const itemsOf = (keep: (i: { channel: string; purpose: string }) => boolean) => items.filter(keep).reduce((a, i) => a + i.items, 0);

  const channels = new Map<string, ChannelRelease>();
  for (const c of CHANNELS) {
    const reached = decide('share', perPerson(activity.channels, (r) => r.channel === c, () => 1));
    const interacted = decide('mean', perPerson(activity.channels, (r) => r.channel === c && r.interacted > 0, () => 1));
    const notInteracted = decide('mean', perPerson(activity.channels, (r) => r.channel === c && r.interacted === 0, () => 1));
    const interactionHidden = reached.hidden ?? interacted.hidden ?? notInteracted.hidden;
    channels.set(c, {
      items: itemsOf((i) => i.channel === c),
      reached,
      interacted: { ...interacted, hidden: interactionHidden },
      reads: readsOf((r) => r.channel === c),
    });
  }
  const purposes = new Map(PURPOSES.map((p) => [p, { items: itemsOf((i) => i.purpose === p), reads: readsOf((r) => r.purpose === p) }]));
  const wanted = new Set(pooledChannels);
  const pooled = { ...readsOf((r) => wanted.has(r.channel)), items: itemsOf((i) => wanted.has(i.channel)) };

  // Rule 2: every count still shown goes through the reader's ledger, the organisation's first.
  const numbers: { stat: string; pair: PairRelease }[] = [];
  for (const [c, r] of channels) {
    numbers.push({ stat: `segment_reach:${c}`, pair: r.reached }, { stat: `segment_interacted:${c}`, pair: r.interacted }, { stat: `segment_reads:${c}`, pair: r.reads });
  }
  for (const [p, r] of purposes) numbers.push({ stat: `segment_reads_purpose:${p}`, pair: r.reads });
  if (wanted.size) numbers.push({ stat: `segment_reads_pooled:${[...wanted].sort().join('+')}`, pair: pooled });
  const open = numbers.filter((n) => n.pair.hidden === null);
  const windowed: WindowedNumber[] = open.flatMap((n) => [
    { stat: n.stat, group: POPULATION, from: window.from, to: window.to, value: n.pair.org },
    { stat: n.stat, group: segmentKey, from: window.from, to: window.to, value: n.pair.seg },
  ]);
  const contains = (big: string, small: string): boolean => {
    if (big === small || big === POPULATION) return true;
    const b = s.index.get(big);
    const sm = s.index.get(small);
    return b !== undefined && sm !== undefined && s.containers[sm].includes(b);
  };
  const verdicts = windowed.length ? await disclosure.windows(userId, windowed, contains) : [];
  open.forEach((n, i) => {
    n.pair.hidden = verdicts[2 * i] ?? verdicts[2 * i + 1] ?? null;
  });
  return { channels, purposes, pooled };
}
