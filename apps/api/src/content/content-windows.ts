import { POPULATION, type HiddenReason, type WindowedNumber } from '@hubpulse/disclosure';
import {
  addDays,
  type ContentAuthorRowDto,
  type ContentFigure,
  type ContentItemRowDto,
  type NewsletterBreakdownRowDto,
  type NewsletterIssueRowDto,
  type NewsletterLinkRowDto,
} from '@hubpulse/contracts';

/**
 * Content figures over time (periods.ts rule 3, the reader's ledger): an item's readers and reach
 * grow as people come to it, and a newsletter's openers and clickers as mail is opened, so the same
 * figure read on two days differs by the people in between. Each such count is a number over the
 * window [published (or first sent), today] that the reader's ledger checks against what they were
 * shown before; a difference of 1..k−1 people hides it ('earlier_release', or 'period' within one
 * answer), and with it what is computed from it. Pure: the service asks the ledger.
 */
export type ItemCount = 'readers' | 'reached' | 'everyone' | 'decay' | 'interactions' | 'comments' | 'leader_replies';
/** An issue's totals, its breakdown's cells (one count per column: see hideIssueCounts) and each link's clickers. */
export type IssueCount = 'openers' | 'clickers' | 'breakdown_openers' | 'breakdown_clickers' | `link:${string}`;
export type AuthorCount = 'readers' | 'reads' | 'interactions' | 'comments';

const hide = (reason: HiddenReason): ContentFigure => ({ value: null, hidden: reason });

/** The group of an author's union of readers when it is compared with one of their items' readers (under the item's statistic). */
const authorGroup = (authorId: string) => `author:${authorId}`;

/**
 * Which group's people include which, for the content numbers: everyone's include a segment's; an
 * author's readers include the readers of each of their items (everyone's and its audience's), and
 * are included in no item's; an issue's recipients include those of each department, segment and
 * link of its breakdown and link table (each under the issue's own statistics). Segments nested in
 * each other are the caller's to add (their members change).
 */
export const contentContains = (big: string, small: string): boolean =>
  big === small || big.startsWith('author:') || ((big === POPULATION || big.startsWith('recipients:')) && !small.startsWith('author:'));

/** [published (or the period's start), today]: the window of a count that grows until today. */
const window = (from: string, today: string) => ({ from, to: today < from ? from : today });

/**
 * The counts of an item row the ledger checks: the audience's readers and reached, everyone's readers
 * beside a segment, and the interactions, comments and leader replies (each a count of actions by
 * ≥ k people, that grows: a comment more tomorrow would be one person's — so each goes with its
 * `actors`, and a changed count passes only when ≥ k more people acted). The decay's buckets are
 * cut afresh each day (a short tail joins the last), so their edges move: each bucket's running
 * total is the audience's readers over [published, published + its last day], checked as such
 * (day 1 [0:10][3–9:6], day 2 [0:10][3–4:5][9–10:6]: 15 by day 4 against 16 by day 9 is refused).
 */
export function itemNumbers(
  row: ContentItemRowDto & { everyone?: { readers: ContentFigure } | null; decay?: readonly { to_day: number; readers: number }[] },
  today: string,
  actors?: ItemActors,
): { count: ItemCount; n: WindowedNumber }[] {
  const group = row.audience.segment_id ? `segment:${row.audience.segment_id}` : POPULATION;
  const { from, to } = window(row.published_at.slice(0, 10), today);
  const out: { count: ItemCount; n: WindowedNumber }[] = [];
  if (row.readers.value !== null) out.push({ count: 'readers', n: { stat: `content_readers:${row.content_id}`, group, from, to, value: row.readers.value } });
  if (row.reached.value !== null) out.push({ count: 'reached', n: { stat: `content_reached:${row.content_id}`, group, from, to, value: row.reached.value } });
  const everyone = row.everyone?.readers.value;
  if (everyone !== null && everyone !== undefined) out.push({ count: 'everyone', n: { stat: `content_readers:${row.content_id}`, group: POPULATION, from, to, value: everyone } });
  let running = 0;
  for (const b of row.decay ?? []) {
    running += b.readers;
    out.push({ count: 'decay', n: { stat: `content_readers:${row.content_id}`, group, from, to: addDays(from, b.to_day), value: running } });
  }
  for (const count of ['interactions', 'comments', 'leader_replies'] as const) {
    const value = row[count].value;
    if (value !== null) out.push({ count, n: { stat: `content_${count}:${row.content_id}`, group: POPULATION, from, to, value, actors: actors?.[count] ?? null } });
  }
  return out;
}

/** The distinct people behind an item's counts of actions (never shown: the ledger compares them, periods.ts). */
export interface ItemActors {
  interactions: number;
  comments: number;
  leader_replies: number;
}

export const itemActors = (r: { interactors: number; commenters: number; leader_repliers: number }): ItemActors => ({ interactions: r.interactors, comments: r.commenters, leader_replies: r.leader_repliers });

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
  const decay = refused.get('decay');
  if (decay && 'decay' in out) Object.assign(out, { decay: [], decay_hidden: decay });
  const reached = refused.get('reached');
  if (reached) Object.assign(out, { reached: hide(reached), reach_rate: hide(reached) });
  const everyone = refused.get('everyone');
  if (everyone && out.everyone) out.everyone = { readers: hide(everyone), read_rate: hide(everyone) };
  for (const count of ['interactions', 'comments', 'leader_replies'] as const) {
    const reason = refused.get(count);
    if (reason) Object.assign(out, { [count]: hide(reason) });
  }
  return out;
}

/** What the ledger needs of an author beyond the shown row: the period's start, their reads (behind the read rate) and their items. */
export interface AuthorLedger {
  from: string;
  reads: number;
  itemIds: readonly string[];
}

/**
 * An author's counts over [the period's start, today]: readers, reads, interactions and comments
 * each under the author's own statistic (the same period read on two days, or a wider one, differ by
 * the people in between), and the readers also under each item's readers statistic as a group
 * containing the item's: the author's readers today minus an item's readers shown yesterday (or the
 * other way) would be the people who read only the author's other items, or came since.
 */
export function authorNumbers(row: ContentAuthorRowDto, a: AuthorLedger, today: string): { count: AuthorCount; n: WindowedNumber }[] {
  const { from, to } = window(a.from, today);
  const own = (count: AuthorCount, value: number) => ({ count, n: { stat: `content_author_${count}:${row.author_id}`, group: POPULATION, from, to, value } });
  const out: { count: AuthorCount; n: WindowedNumber }[] = [];
  const readers = row.readers.value;
  if (readers !== null) {
    out.push(own('readers', readers));
    for (const id of a.itemIds) out.push({ count: 'readers', n: { stat: `content_readers:${id}`, group: authorGroup(row.author_id), from, to, value: readers } });
  }
  if (row.read_rate.value !== null) out.push(own('reads', a.reads));
  // counts of actions whose distinct people across the items are not counted here: only an unchanged one passes
  for (const count of ['interactions', 'comments'] as const) {
    const value = row[count].value;
    if (value !== null) out.push({ count, n: { ...own(count, value).n, actors: null } });
  }
  return out;
}

/** The author row with the counts the ledger refused hidden, and the share or rate computed from each. */
export function hideAuthorCounts(row: ContentAuthorRowDto, refused: ReadonlyMap<AuthorCount, HiddenReason>): ContentAuthorRowDto {
  if (refused.size === 0) return row;
  const out = { ...row };
  const readers = refused.get('readers');
  if (readers) Object.assign(out, { readers: hide(readers), reader_share: hide(readers) });
  const reads = refused.get('reads');
  if (reads) out.read_rate = hide(reads);
  const interactions = refused.get('interactions');
  if (interactions) out.interactions = hide(interactions);
  const comments = refused.get('comments');
  if (comments) out.comments = hide(comments);
  return out;
}

type IssueRow = NewsletterIssueRowDto & { links?: readonly NewsletterLinkRowDto[]; breakdown?: readonly NewsletterBreakdownRowDto[] };

/**
 * An issue's openers and clickers (with or without machine opens: one statistic; releaseIssueRow
 * hides counted openers that differ from the excluded ones by 1..k−1), and under the same statistics
 * the shown cells of its breakdown (a group's openers and clickers) and of its link table (a link's
 * clickers): each grows as mail is opened, so yesterday's Sales openers against today's would be the
 * few people of Sales who opened in between, however much the issue's totals grew. A breakdown cell
 * is what the reader computes from the row (open rate × recipients, click-to-open × openers).
 */
export function issueNumbers(row: IssueRow, today: string): { count: IssueCount; n: WindowedNumber }[] {
  const { from, to } = window(row.first_sent_at.slice(0, 10), today);
  const openers = `newsletter_openers:${row.issue}`;
  const clickers = `newsletter_clickers:${row.issue}`;
  const num = (count: IssueCount, stat: string, group: string, value: number) => ({ count, n: { stat, group, from, to, value } });
  const out: { count: IssueCount; n: WindowedNumber }[] = [];
  if (row.openers.value !== null) out.push(num('openers', openers, `recipients:${row.issue}`, row.openers.value));
  if (row.clickers.value !== null) out.push(num('clickers', clickers, `recipients:${row.issue}`, row.clickers.value));
  for (const b of row.breakdown ?? []) {
    if (b.recipients.value === null || b.open_rate.value === null) continue;
    const opened = Math.round(b.open_rate.value * b.recipients.value);
    out.push(num('breakdown_openers', openers, b.key, opened));
    if (b.click_to_open.value !== null) out.push(num('breakdown_clickers', clickers, b.key, Math.round(b.click_to_open.value * opened)));
  }
  for (const l of row.links ?? []) if (l.clickers.value !== null) out.push(num(`link:${l.link}`, clickers, `link:${l.link}`, l.clickers.value));
  return out;
}

/**
 * The counts hidden with a refused one, so neither shown nor recorded: what is computed from it, and
 * what adds up to it. The openers take the clickers (click-to-open is a share of them) and the
 * breakdown; the clickers take the links (shares of the openers, and each a part of the clickers)
 * and the breakdown's clickers (departments add up to the issue's). A refused breakdown cell takes
 * its whole column, not the one cell: the others and the issue's total would give it back
 * (departments partition the recipients, and segments may too); the openers' column takes the
 * clickers' (click-to-open × the group's openers).
 */
export function issueRefusals(refused: Map<IssueCount, HiddenReason>, counts: readonly IssueCount[]): void {
  const take = (count: IssueCount, reason: HiddenReason | undefined) => {
    if (reason && !refused.has(count)) refused.set(count, reason);
  };
  take('clickers', refused.get('openers'));
  take('breakdown_openers', refused.get('openers'));
  take('breakdown_clickers', refused.get('clickers') ?? refused.get('breakdown_openers'));
  for (const c of counts) if (c.startsWith('link:')) take(c, refused.get('clickers'));
}

/** The issue with what the ledger refused hidden (issueRefusals first): a breakdown column keeps its rows and recipients, with the ledger's reason. */
export function hideIssueCounts<T extends IssueRow>(row: T, refused: ReadonlyMap<IssueCount, HiddenReason>): T {
  if (refused.size === 0) return row;
  const out = { ...row };
  const openers = refused.get('openers');
  const clickers = refused.get('clickers') ?? openers;
  if (openers) {
    Object.assign(out, { openers: hide(openers), open_rate: hide(openers) });
    if (out.breakdown) Object.assign(out, { breakdown: [] });
  }
  if (clickers) {
    Object.assign(out, { clickers: hide(clickers), click_to_open: hide(clickers) });
    if (out.links) Object.assign(out, { links: [] });
  }
  const opened = refused.get('breakdown_openers');
  const clicked = refused.get('breakdown_clickers');
  if (out.breakdown && (opened || clicked)) {
    Object.assign(out, { breakdown: out.breakdown.map((b) => ({ ...b, ...(opened && { open_rate: hide(opened) }), ...(clicked && { click_to_open: hide(clicked) }) })) });
  }
  if (out.links?.some((l) => refused.has(`link:${l.link}`))) {
    const links = out.links.map((l) => {
      const reason = refused.get(`link:${l.link}`);
      return reason ? { ...l, clickers: hide(reason), click_rate: hide(reason) } : l;
    });
    Object.assign(out, { links });
  }
  return out;
}
