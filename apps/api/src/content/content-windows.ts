import { POPULATION, type HiddenReason, type WindowedNumber } from '@hubpulse/disclosure';
import type { ContentFigure, ContentItemRowDto, NewsletterIssueRowDto } from '@hubpulse/contracts';

/**
 * Content figures over time (periods.ts rule 3, the reader's ledger): an item's readers and reach
 * grow as people come to it, and a newsletter's openers and clickers as mail is opened, so the same
 * figure read on two days differs by the people in between. Each such count is a number over the
 * window [published (or first sent), today] that the reader's ledger checks against what they were
 * shown before; a difference of 1..k−1 people hides it ('earlier_release', or 'period' within one
 * answer), and with it what is computed from it. Pure: the service asks the ledger.
 */
export type ItemCount = 'readers' | 'reached' | 'everyone';
export type IssueCount = 'openers' | 'clickers';

const hide = (reason: HiddenReason): ContentFigure => ({ value: null, hidden: reason });

/** The counts of an item row the ledger checks: the audience's readers and reached, everyone's readers beside a segment. */
export function itemNumbers(row: ContentItemRowDto & { everyone?: { readers: ContentFigure } | null }, today: string): { count: ItemCount; n: WindowedNumber }[] {
  const group = row.audience.segment_id ? `segment:${row.audience.segment_id}` : POPULATION;
  const from = row.published_at.slice(0, 10);
  const to = today < from ? from : today;
  const out: { count: ItemCount; n: WindowedNumber }[] = [];
  if (row.readers.value !== null) out.push({ count: 'readers', n: { stat: `content_readers:${row.content_id}`, group, from, to, value: row.readers.value } });
  if (row.reached.value !== null) out.push({ count: 'reached', n: { stat: `content_reached:${row.content_id}`, group, from, to, value: row.reached.value } });
  const everyone = row.everyone?.readers.value;
  if (everyone !== null && everyone !== undefined) out.push({ count: 'everyone', n: { stat: `content_readers:${row.content_id}`, group: POPULATION, from, to, value: everyone } });
  return out;
}

/** The row with the counts the ledger refused hidden, and the rates and the decay computed from them. */
export function hideItemCounts<T extends ContentItemRowDto & { everyone?: { readers: ContentFigure; read_rate: ContentFigure } | null; decay?: unknown[]; decay_hidden?: HiddenReason | null }>(
  row: T,
  refused: ReadonlyMap<ItemCount, HiddenReason>,
): T {
  if (refused.size === 0) return row;
  const out = { ...row };
  const readers = refused.get('readers');
  if (readers) {
    Object.assign(out, { readers: hide(readers), read_rate: hide(readers) });
    if ('decay' in out) Object.assign(out, { decay: [], decay_hidden: readers });
  }
  const reached = refused.get('reached');
  if (reached) Object.assign(out, { reached: hide(reached), reach_rate: hide(reached) });
  const everyone = refused.get('everyone');
  if (everyone && out.everyone) out.everyone = { readers: hide(everyone), read_rate: hide(everyone) };
  return out;
}

/** An issue's openers and clickers (with or without machine opens: one statistic; releaseIssueRow hides counted openers that differ from the excluded ones by 1..k−1). */
export function issueNumbers(row: NewsletterIssueRowDto, today: string): { count: IssueCount; n: WindowedNumber }[] {
  const from = row.first_sent_at.slice(0, 10);
  const to = today < from ? from : today;
  const group = `recipients:${row.issue}`;
  const out: { count: IssueCount; n: WindowedNumber }[] = [];
  if (row.openers.value !== null) out.push({ count: 'openers', n: { stat: `newsletter_openers:${row.issue}`, group, from, to, value: row.openers.value } });
  if (row.clickers.value !== null) out.push({ count: 'clickers', n: { stat: `newsletter_clickers:${row.issue}`, group, from, to, value: row.clickers.value } });
  return out;
}

export function hideIssueCounts<T extends NewsletterIssueRowDto & { links?: unknown[]; breakdown?: unknown[] }>(row: T, refused: ReadonlyMap<IssueCount, HiddenReason>): T {
  if (refused.size === 0) return row;
  const out = { ...row };
  const openers = refused.get('openers');
  const clickers = refused.get('clickers') ?? openers;
  if (openers) {
    Object.assign(out, { openers: hide(openers), open_rate: hide(openers) });
    if ('breakdown' in out) Object.assign(out, { breakdown: [] });
  }
  if (clickers) {
    Object.assign(out, { clickers: hide(clickers), click_to_open: hide(clickers) });
    if ('links' in out) Object.assign(out, { links: [] });
  }
  return out;
}
