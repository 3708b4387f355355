import { internDecision, POPULATION, type HiddenReason, type StatDecision, type StatKind, type WindowedNumber } from '@hubpulse/disclosure';
import { CHANNELS, PURPOSES } from '@hubpulse/contracts';
import { pauseLoop } from '../common/event-loop';
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
/**
 * One statistic decided over every group of the plan (rule 1): per group (the plan's structure
 * order) the summed value and the decision, interned; and the population's. `reads` statistics also
 * carry the summed reads (the rate's numerator) under the readers' decision.
 */
export interface DecidedStat {
  value: Float64Array;
  decisions: readonly (StatDecision | undefined)[];
  population: number;
  org: StatDecision | undefined;
}

/** Rule 1 for every channel and purpose statistic, over all groups at once (see ActivityDecisions). */
export interface ActivityDecisions {
  channels: Map<string, { items: number; reached: DecidedStat; interacted: DecidedStat; notInteracted: DecidedStat; reads: DecidedStat }>;
  purposes: Map<string, { items: number; reads: DecidedStat }>;
}

const intern = (d: StatDecision | undefined) => (d ? internDecision(d) : undefined);

type ActivityRows = { channels: PersonChannelRow[]; reads: PersonReadRow[] };
type ItemCounts = { channel: string; purpose: string; items: number }[];

/** Per person, the sum of `value` over the rows `keep` admits. */
function perPerson<R extends { person_id: string }>(rows: readonly R[], keep: (r: R) => boolean, value: (r: R) => number): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) if (keep(r)) m.set(r.person_id, (m.get(r.person_id) ?? 0) + value(r));
  return m;
}
const indicator = (m: Map<string, number>) => new Map([...m].map(([p, v]) => [p, v > 0 ? 1 : 0]));
const itemsOf = (items: ItemCounts, keep: (i: { channel: string; purpose: string }) => boolean) => items.filter(keep).reduce((a, i) => a + i.items, 0);

function decideStat(disclosure: DisclosureService, plan: DisclosurePlan, kind: StatKind, valueOf: Map<string, number>): DecidedStat {
  const s = plan.plan.structure;
  const { perGroup, population } = s.sums(valueOf);
  const d = disclosure.stat(plan, kind, perGroup, population);
  return { value: Float64Array.from(s.groups, (g) => perGroup.get(g.key) ?? 0), decisions: s.groups.map((g) => intern(d.get(g.key))), population, org: intern(d.get(POPULATION)) };
}

/** Reads of the rows `keep` admits: their sums, under the decision on their readers (the share rule). */
function decideReads(disclosure: DisclosureService, plan: DisclosurePlan, activity: ActivityRows, keep: (r: PersonReadRow) => boolean): DecidedStat {
  const reads = perPerson(activity.reads, keep, (r) => r.reads);
  const readers = decideStat(disclosure, plan, 'share', indicator(reads));
  const s = plan.plan.structure;
  const { perGroup, population } = s.sums(reads);
  return { ...readers, value: Float64Array.from(s.groups, (g) => perGroup.get(g.key) ?? 0), population };
}

/**
 * Rule 1 of releaseActivity for every channel and purpose statistic, decided over every group of
 * the plan. It depends on the plan, the window's activity and nothing about the segment or reader,
 * so it is computed once per window, plan and data (the segments' read cache) and every segment's
 * request only picks its group's numbers (releaseActivity).
 */
export async function decideActivity(disclosure: DisclosureService, plan: DisclosurePlan, activity: ActivityRows, items: ItemCounts): Promise<ActivityDecisions> {
  // Each statistic is a planStat over every group (hundreds of milliseconds at 100,000 people): the
  // loop pauses before each, so the 38 of them do not hold other requests for seconds.
  const step = async <T>(decide: () => T): Promise<T> => {
    await pauseLoop();
    return decide();
  };
  const channels: ActivityDecisions['channels'] = new Map();
  for (const c of CHANNELS) {
    channels.set(c, {
      items: itemsOf(items, (i) => i.channel === c),
      reached: await step(() => decideStat(disclosure, plan, 'share', perPerson(activity.channels, (r) => r.channel === c, () => 1))),
      interacted: await step(() => decideStat(disclosure, plan, 'mean', perPerson(activity.channels, (r) => r.channel === c && r.interacted > 0, () => 1))),
      notInteracted: await step(() => decideStat(disclosure, plan, 'mean', perPerson(activity.channels, (r) => r.channel === c && r.interacted === 0, () => 1))),
      reads: await step(() => decideReads(disclosure, plan, activity, (r) => r.channel === c)),
    });
  }
  const purposes: ActivityDecisions['purposes'] = new Map();
  for (const p of PURPOSES) purposes.set(p, { items: itemsOf(items, (i) => i.purpose === p), reads: await step(() => decideReads(disclosure, plan, activity, (r) => r.purpose === p)) });
  return { channels, purposes };
}

export async function releaseActivity(
  disclosure: DisclosureService,
  plan: DisclosurePlan,
  userId: string,
  segmentKey: string,
  window: { from: string; to: string },
  decided: ActivityDecisions,
  /** Programmes: the pooled reads of the forecast's channels, with the rows they are summed from. */
  pooledOf?: { channels: readonly string[]; activity: ActivityRows; items: ItemCounts },
): Promise<ReleasedActivity> {
  const s = plan.plan.structure;
  const gi = s.index.get(segmentKey);
  const pair = (d: DecidedStat): PairRelease => {
    const seg = gi === undefined ? undefined : d.decisions[gi];
    const hidden = !seg ? 'below_minimum' : !seg.shown ? seg.reason : d.org && !d.org.shown ? d.org.reason : null;
    return { seg: gi === undefined ? 0 : d.value[gi], org: d.population, hidden };
  };
  const channels = new Map<string, ChannelRelease>();
  for (const [c, d] of decided.channels) {
    const reached = pair(d.reached);
    const interacted = pair(d.interacted);
    const interactionHidden = reached.hidden ?? interacted.hidden ?? pair(d.notInteracted).hidden;
    channels.set(c, { items: d.items, reached, interacted: { ...interacted, hidden: interactionHidden }, reads: pair(d.reads) });
  }
  const purposes = new Map([...decided.purposes].map(([p, d]) => [p, { items: d.items, reads: pair(d.reads) }]));
  const wanted = new Set(pooledOf?.channels ?? []);
  const pooled = pooledOf && wanted.size
    ? { ...pair(decideReads(disclosure, plan, pooledOf.activity, (r) => wanted.has(r.channel))), items: itemsOf(pooledOf.items, (i) => wanted.has(i.channel)) }
    : { seg: 0, org: 0, hidden: 'below_minimum' as HiddenReason, items: 0 };

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
