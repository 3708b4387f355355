import type {
  ContentAuthorRowDto,
  ContentItemRowDto,
  HiddenReason,
  NewsletterBreakdownRowDto,
  NewsletterIssueRowDto,
  NewsletterLinkRowDto,
} from '@hubpulse/contracts';
import { isSmall } from '@hubpulse/disclosure';
import type { AuthorAggRow, ContentAggRow, IssueAggRow, RecipientRow } from './content-reads.repository';
import { TOTAL, decideShares, decideSum, figure, rate, type ShareCell } from './content-release';

/** The audience an item is measured in, as the group plan sees it. */
export interface AudienceInPlan {
  /** null = everyone (the population). */
  segmentId: string | null;
  name: string;
  /** Members in the population (0 when the segment is unknown or not computed). */
  size: number;
  /** The group plan's reason when it hides the segment everywhere. */
  hidden: HiddenReason | null;
}

/**
 * One item's figures as they may leave the API. Reach and read rate are shares of the audience;
 * for an item aimed at a segment, everyone's readers are a share of the population, and the people
 * outside the segment (population − segment, with their readers) must pass too, else the segment's
 * figures are hidden ('difference'). Sums over people need ≥ k contributors.
 */
export function releaseItemRow(r: ContentAggRow, audience: AudienceInPlan, population: number, k: number): ContentItemRowDto & { everyone: { readers: ContentItemRowDto['readers']; read_rate: ContentItemRowDto['read_rate'] } | null } {
  const segment = audience.segmentId !== null;
  const cell = (x: number, xAll: number): ShareCell => ({
    key: 'audience',
    n: audience.size,
    x,
    hidden: audience.hidden ?? (segment && audience.size === 0 ? 'below_minimum' : null),
    inside: segment ? [{ key: TOTAL, diff: { n: population - audience.size, x: xAll - x } }] : [],
  });
  const decide = (x: number, xAll: number) => {
    const d = segment ? decideShares({ n: population, x: xAll }, [cell(x, xAll)], k) : decideShares({ n: population, x }, [], k);
    return { aud: segment ? d.get('audience')!.reason : d.get(TOTAL)!.reason, all: d.get(TOTAL)!.reason };
  };
  const readers = decide(r.readers_aud, r.readers_all);
  const reached = decide(r.reached_aud, r.reached_all);
  const sizeHidden = audience.hidden ?? (audience.size < k ? 'below_minimum' : null);
  return {
    content_id: r.content_id,
    title: r.title,
    channel: r.channel,
    purpose: r.purpose,
    author_id: r.author_id || null,
    author_name: r.author_id ? r.author_name || r.author_id : null,
    published_at: r.published_at,
    audience: { segment_id: audience.segmentId, name: audience.name, size: figure(audience.size, sizeHidden) },
    reached: figure(r.reached_aud, reached.aud),
    reach_rate: rate(r.reached_aud, audience.size, reached.aud),
    readers: figure(r.readers_aud, readers.aud),
    read_rate: rate(r.readers_aud, audience.size, readers.aud),
    interactions: figure(r.interactions, decideSum(population, r.interactors, k)),
    comments: figure(r.comments, decideSum(population, r.commenters, k)),
    leader_replies: figure(r.leader_replies, decideSum(population, r.leader_repliers, k)),
    everyone: segment ? { readers: figure(r.readers_all, readers.all), read_rate: rate(r.readers_all, population, readers.all) } : null,
  };
}

/** The sums of an author row, each over the items whose own figure shows. */
export type AuthorSum = 'reads' | 'interactions' | 'comments';

/**
 * An author's figures. Readers are the union of the readers of the author's items in the period, a
 * share of everyone. The items are shown beside them (their own rows, with everyone's readers and
 * their audience's), so:
 *
 * - readers minus one item's readers (everyone's or its audience's) are the people who read only the
 *   author's other items (or read it from outside its audience): 1..k−1 hides the readers and their
 *   share ('difference');
 * - the sums (reads behind the read rate, interactions, comments) add up the items' figures, so an
 *   item's hidden figure would be the author's sum minus the shown ones: each sum is taken over the
 *   items whose own figure shows (everyone's readers by the share rule, interactions and comments by
 *   ≥ k contributors) and tells nothing the item rows do not. Hiding the whole sum instead whenever
 *   one item's figure is hidden would hide it for almost every author with many items;
 * - reads minus readers (Σ|items| − |union|: the extra items read by people who read more than one)
 *   1..k−1 would say that a few people read several: the readers are hidden ('difference'). Unions
 *   and intersections of three or more items beyond this (inclusion–exclusion) are not audited.
 *
 * All of it is checked against the items' figures of the same moment; over days the reader's ledger
 * (content-windows.ts) compares the author's numbers with what they were shown before. The items'
 * figures the ledger hides from this reader (`refused`, by item id: grown by 1..k−1 since they were
 * shown) leave the sums as a hidden item figure does: else the author's sum minus the other shown
 * items would be the item's new value, and minus the value shown earlier the few people in between.
 * An item whose audience size is hidden (the group plan hides the segment, or it is under k) leaves
 * the read rate: its size in the denominator would be the rate's denominator minus the others'.
 */
export function releaseAuthor(
  a: AuthorAggRow,
  items: readonly ContentAggRow[],
  audienceSize: (segmentId: string) => number | null,
  population: number,
  k: number,
  refused: ReadonlyMap<string, ReadonlySet<AuthorSum>> = new Map(),
): ContentAuthorRowDto & { reads: number } {
  const left = (i: ContentAggRow, sum: AuthorSum) => refused.get(i.content_id)?.has(sum) === true;
  const read = items.filter((i) => !left(i, 'reads') && audienceSize(i.audience_segment_id) !== null && decideShares({ n: population, x: i.readers_all }, [], k).get(TOTAL)!.shown);
  const reads = read.reduce((s, i) => s + i.readers_all, 0);
  const audienceTotal = read.reduce((s, i) => s + audienceSize(i.audience_segment_id)!, 0);
  const sum = (name: AuthorSum, value: (i: ContentAggRow) => number, contributors: (i: ContentAggRow) => number) => {
    const shown = items.filter((i) => !left(i, name) && decideSum(population, contributors(i), k) === null);
    return figure(shown.reduce((s, i) => s + value(i), 0), shown.length ? null : 'numerator');
  };
  const readersHidden =
    decideShares({ n: population, x: a.readers }, [], k).get(TOTAL)!.reason ??
    (items.some((i) => isSmall(a.readers - i.readers_all, k) || isSmall(a.readers - i.readers_aud, k)) || isSmall(reads - a.readers, k) ? 'difference' : null);
  return {
    author_id: a.author_id,
    name: a.name,
    items: a.items,
    readers: figure(a.readers, readersHidden),
    reader_share: rate(a.readers, population, readersHidden),
    read_rate: rate(reads, audienceTotal, read.length ? null : 'numerator'),
    interactions: sum('interactions', (i) => i.interactions, (i) => i.interactors),
    comments: sum('comments', (i) => i.comments, (i) => i.commenters),
    reads,
  };
}


/**
 * An issue's open rate (openers of recipients) and click-to-open (clickers of openers), each a share.
 * With machine opens counted (`includeMachine`), the openers minus the openers without them are the
 * recipients whose only opens were machine opens: when they are 1..k−1 people, the counted openers,
 * open rate and click-to-open are hidden ('difference'); the excluded mode's figures stand as they are.
 * The machine opens left out are a sum over the recipients they came from: shown with ≥ k of them.
 */
export function releaseIssueRow(r: IssueAggRow, k: number, includeMachine = false): NewsletterIssueRowDto {
  const recipientsHidden = r.recipients < k ? 'below_minimum' : null;
  const openHidden = recipientsHidden ?? decideShares({ n: r.recipients, x: r.openers }, [], k).get(TOTAL)!.reason;
  const ctoHidden = openHidden ?? decideShares({ n: r.openers, x: r.clickers }, [], k).get(TOTAL)!.reason;
  const machineHidden = includeMachine && isSmall(r.machine_only_openers, k) ? 'difference' : null;
  return {
    issue: r.issue,
    title: r.title || r.issue,
    first_sent_at: r.first_sent_at,
    recipients: figure(r.recipients, recipientsHidden),
    openers: figure(r.openers, openHidden ?? machineHidden),
    open_rate: rate(r.openers, r.recipients, openHidden ?? machineHidden),
    clickers: figure(r.clickers, ctoHidden),
    click_to_open: rate(r.clickers, r.openers, ctoHidden ?? machineHidden),
    machine_opens_excluded: includeMachine ? 0 : decideSum(r.recipients, r.machine_openers, k) === null ? r.machine_opens : null,
  };
}

/** A group the breakdown may show: its key, label and members (person ids). */
export interface BreakdownGroup {
  key: string;
  label: string;
  members: ReadonlySet<string>;
  /** The group plan's reason when it hides the group everywhere. */
  hidden: HiddenReason | null;
}

/**
 * An issue's recipients broken down by department (disjoint: the total minus the shown departments
 * is checked) or by segment (overlapping: a segment strictly inside another shown one or inside all
 * recipients is checked against their difference). Open rate and click-to-open are decided apart;
 * a row shows its recipients only when its open rate is shown. With machine opens counted, a row's
 * open rate and click-to-open are also hidden ('difference') when its machine-only openers (what the
 * excluded mode's row would subtract to), the total's minus the shown rows' (departments), or a
 * containing segment's minus its own (segments) are 1..k−1 people.
 */
export function releaseBreakdown(rows: readonly RecipientRow[], groups: readonly BreakdownGroup[], partition: boolean, k: number, includeMachine = false): NewsletterBreakdownRowDto[] {
  const cellsOf = (universe: (r: RecipientRow) => boolean, counted: (r: RecipientRow) => boolean) => {
    const sets = groups.map((g) => new Set(rows.filter((r) => universe(r) && g.members.has(r.person_id)).map((r) => r.person_id)));
    const x = (s: Set<string>) => rows.filter((r) => s.has(r.person_id) && counted(r)).length;
    const total = { n: rows.filter(universe).length, x: rows.filter((r) => universe(r) && counted(r)).length };
    const cells: ShareCell[] = groups.map((g, i) => {
      const inside: ShareCell['inside'] = [{ key: TOTAL, diff: { n: total.n - sets[i].size, x: total.x - x(sets[i]) } }];
      if (!partition) {
        groups.forEach((o, j) => {
          if (j === i || sets[j].size <= sets[i].size || ![...sets[i]].every((p) => sets[j].has(p))) return;
          const diff = new Set([...sets[j]].filter((p) => !sets[i].has(p)));
          inside.push({ key: o.key, diff: { n: diff.size, x: x(diff) } });
        });
      }
      return { key: g.key, n: sets[i].size, x: x(sets[i]), hidden: g.hidden, inside };
    });
    return { decisions: decideShares(total, cells, k, partition), cells };
  };
  const open = cellsOf(() => true, (r) => r.opened === 1);
  const cto = cellsOf((r) => r.opened === 1, (r) => r.clicked === 1);
  const machine = includeMachine ? machineOnlyHidden(rows, groups, open.cells, (key) => open.decisions.get(key)!.shown, partition, k) : new Set<string>();
  return groups.map((g, i) => {
    const o = open.decisions.get(g.key)!;
    const c = cto.decisions.get(g.key)!;
    const openHidden = o.shown ? null : o.reason;
    const machineHidden = machine.has(g.key) ? 'difference' : null;
    return {
      key: g.key,
      label: g.label,
      recipients: figure(open.cells[i].n, openHidden),
      open_rate: rate(open.cells[i].x, open.cells[i].n, openHidden ?? machineHidden),
      click_to_open: rate(cto.cells[i].x, cto.cells[i].n, openHidden ?? machineHidden ?? (c.shown ? null : c.reason)),
    };
  });
}

/**
 * The breakdown rows whose counted open rate would give away, beside the excluded mode's, a few
 * recipients whose only opens were machine opens: a shown row's own machine-only openers, a
 * containing segment's minus its own, or (departments) the total's minus the shown rows' being
 * 1..k−1 hides the row (the smallest first, until none is left). The total's own difference is the
 * issue row's check (the breakdown is shown only with its open rate).
 */
function machineOnlyHidden(rows: readonly RecipientRow[], groups: readonly BreakdownGroup[], cells: readonly ShareCell[], shown: (key: string) => boolean, partition: boolean, k: number): Set<string> {
  const machineOnly = new Set(rows.filter((r) => r.machine_only === 1).map((r) => r.person_id));
  const d = new Map(groups.map((g) => [g.key, [...g.members].filter((p) => machineOnly.has(p)).length]));
  const hidden = new Set<string>();
  const isShown = (key: string) => key === TOTAL || (shown(key) && !hidden.has(key));
  const bySize = [...cells].sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
  for (;;) {
    const live = bySize.filter((c) => isShown(c.key));
    let victim = live.find((c) => isSmall(d.get(c.key)!, k));
    if (!victim && !partition) {
      // a segment inside another shown one (or inside all recipients): the larger's minus its own
      victim = live.find((c) => (c.inside ?? []).some((p) => isShown(p.key) && isSmall((p.key === TOTAL ? machineOnly.size : d.get(p.key)!) - d.get(c.key)!, k)));
    }
    if (!victim && partition && live.length > 0) {
      // departments: all recipients' minus the shown rows'; hiding a row with none would not change it
      const rest = machineOnly.size - live.reduce((s, c) => s + d.get(c.key)!, 0);
      if (isSmall(rest, k)) victim = live.find((c) => d.get(c.key)! > 0) ?? live[0];
    }
    if (!victim) return hidden;
    hidden.add(victim.key);
  }
}

/**
 * The link table of an issue: clickers of each link as a share of the issue's openers; a link is
 * also hidden when the issue's clickers minus the link's would be 1..k−1 people. The table is built
 * only when the issue's click-to-open shows, so with machine opens counted its openers (the rates'
 * denominator) have passed releaseIssueRow's machine-only check.
 */
export function releaseLinks(rows: readonly RecipientRow[], k: number): NewsletterLinkRowDto[] {
  const openers = rows.filter((r) => r.opened === 1).length;
  const clickers = rows.filter((r) => r.clicked === 1).length;
  const perLink = new Map<string, number>();
  for (const r of rows) for (const l of r.links) perLink.set(l, (perLink.get(l) ?? 0) + 1);
  return [...perLink.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([link, n]) => {
      const own = decideShares({ n: openers, x: n }, [], k).get(TOTAL)!.reason;
      const rest = clickers - n;
      const hidden = own ?? (rest > 0 && rest < k ? 'difference' : null);
      return { link, clickers: figure(n, hidden), click_rate: rate(n, openers, hidden) };
    });
}
