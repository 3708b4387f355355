import type { z } from 'zod';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { GroupContains, HiddenReason, WindowedNumber } from '@hubpulse/disclosure';
import {
  firstCommentBand,
  formatDayKey,
  type ContentAuthorRowDto,
  type ContentAuthorsDto,
  type ContentItemDto,
  type ContentItemRowDto,
  type ContentListDto,
  type NewsletterIssueDto,
  type NewslettersDto,
  contentListQuerySchema,
  contentPeriodQuerySchema,
  newsletterIssueQuerySchema,
  newsletterQuerySchema,
} from '@hubpulse/contracts';
import { SegmentDefinitionsRepository } from '@hubpulse/database';
import { SegmentChannelsService } from '../segments/segment-channels.service';
import { DisclosureService, type DisclosurePlan } from '../disclosure/disclosure.service';
import { groupKey } from '../disclosure/group-registry.service';
import { releaseAuthor, releaseBreakdown, releaseIssueRow, releaseItemRow, releaseLinks, type AudienceInPlan, type AuthorSum, type BreakdownGroup } from './content-figures';
import { decideSum, releaseDecay } from './content-release';
import { authorNumbers, contentContains, hideAuthorCounts, hideIssueCounts, hideItemCounts, issueNumbers, issueRefusals, itemActors, itemNumbers, type AuthorLedger, type ItemActors } from './content-windows';
import { ContentReadsRepository } from './content-reads.repository';
import { sortItems } from './content-sort';

/** Answers kept per request (method and query) while their data is unchanged; the oldest go first. */
const CACHE_ENTRIES = 200;

/**
 * The Content area: items (top and bottom), an item's page, authors and newsletters. The repository
 * counts, the disclosure plan says which groups exist and which are hidden, content-figures decides
 * what may be shown, content-windows what the reader's ledger refuses over time.
 */
@Injectable()
export class ContentService {
  /**
   * Answers by request, valid while the disclosure plan (directory, memberships, day) is the same
   * object and the data watermark (newest ingested event, catalogue version) is unchanged: the
   * numbers change only when new data arrives, and no content figure depends on who asks (the
   * ledger's check is applied per reader after the cache). A renamed segment shows its old name in
   * a cached answer until the next event arrives.
   */
  private readonly cache = new Map<string, { plan: DisclosurePlan; mark: string; value: Promise<unknown> }>();

  constructor(
    private readonly repo: ContentReadsRepository,
    private readonly channels: SegmentChannelsService,
    private readonly segments: SegmentDefinitionsRepository,
    private readonly disclosure: DisclosureService,
  ) {}

  /** The period [from, to] asked for, or the 90 days up to the newest event (as the segments' channel statistics). */
  period(q: { from?: string; to?: string }): Promise<{ from: string; to: string }> {
    return this.channels.period(q);
  }

  /** The answer to `key`, computed with the request's one plan (and checked against its one watermark) unless cached. */
  private async cached<T>(key: string, compute: (plan: DisclosurePlan) => Promise<T>): Promise<T> {
    const [plan, mark] = await Promise.all([this.disclosure.plan(), this.repo.watermark()]);
    const hit = this.cache.get(key);
    if (hit && hit.plan === plan && hit.mark === mark) return hit.value as Promise<T>;
    const value = compute(plan);
    this.cache.delete(key);
    this.cache.set(key, { plan, mark, value });
    if (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    value.catch(() => {
      if (this.cache.get(key)?.value === value) this.cache.delete(key);
    });
    return value;
  }

  /** Audiences of the plan, by segment id ('' = everyone), with the segments' names. */
  private async audiences(plan: DisclosurePlan, ids: Iterable<string>): Promise<(id: string) => AudienceInPlan> {
    const wanted = [...new Set([...ids].filter((id) => id !== ''))];
    const names = new Map((wanted.length ? await this.segments.findMany(wanted) : []).map((s) => [s.id, s.name]));
    return (id: string) => {
      if (id === '') return { segmentId: null, name: 'Everyone', size: plan.plan.populationSize, hidden: null };
      const d = plan.plan.get(groupKey.segment(id));
      return { segmentId: id, name: names.get(id) ?? id, size: d?.size ?? 0, hidden: d ? (d.shown ? null : d.reason) : 'below_minimum' };
    };
  }

  /**
   * Top or bottom items: ranked and cut to `limit` only after the reader's ledger hid what it refuses,
   * so that the rank is always by a shown value (an item whose figure is hidden, by its own rule or by
   * the ledger, is listed after every ranked one whatever the order, as a planner reads "top 10 by read
   * rate": the ten best of what can be compared, then the rest). Only the rows shown are recorded in
   * the ledger. `total_items` counts every matching item.
   */
  async list(q: z.output<typeof contentListQuerySchema>, userId: string): Promise<ContentListDto> {
    // the cached rows are every matching item, whatever the limit
    const { dto, actors } = await this.cached(JSON.stringify(['list', { ...q, limit: undefined }]), (plan) => this.computeList(q, plan));
    const numbers = (row: ContentItemRowDto, today: string) => itemNumbers(row, today, actors.get(row.content_id));
    const items = await this.overTime(userId, dto.items, numbers, hideItemCounts, { select: (rows) => sortItems(rows, dto.sort, dto.order).slice(0, q.limit) });
    return { ...dto, items };
  }

  /**
   * Counts that grow over time, checked against what `userId` was shown before (content-windows.ts):
   * each row with the counts the reader's ledger refused (and those `implied` hides with them) hidden,
   * then `select` picks the rows shown (all by default). Only the counts shown are recorded. `contains`
   * adds to contentContains. Cached answers are the same for everyone; this part is per reader.
   */
  private async overTime<R, C extends string>(
    userId: string,
    rows: readonly R[],
    numbers: (row: R, today: string) => { count: C; n: WindowedNumber }[],
    hideCounts: (row: R, refused: ReadonlyMap<C, HiddenReason>) => R,
    opts: { select?: (rows: R[]) => R[]; implied?: (refused: Map<C, HiddenReason>, counts: readonly C[]) => void; contains?: GroupContains } = {},
  ): Promise<R[]> {
    const select = opts.select ?? ((all: R[]) => all);
    const contains = opts.contains ?? contentContains;
    const today = formatDayKey(Date.now());
    const perRow = rows.map((r) => numbers(r, today));
    const all = perRow.flat();
    if (all.length === 0) return select([...rows]);
    let shown: R[] = [];
    await this.disclosure.windows(
      userId,
      all.map((x) => x.n),
      contains,
      (verdicts) => {
        let i = 0;
        const refusedOf = perRow.map((counts) => {
          const refused = new Map<C, HiddenReason>();
          for (const x of counts) {
            const v = verdicts[i++];
            if (v) refused.set(x.count, v);
          }
          opts.implied?.(refused, counts.map((x) => x.count));
          return refused;
        });
        const hidden = rows.map((row, r) => hideCounts(row, refusedOf[r]));
        shown = select(hidden);
        const kept = new Set(shown);
        // a count is recorded when its row is shown and none of the row's numbers for it was refused
        return perRow.flatMap((counts, r) => counts.map((x) => kept.has(hidden[r]) && !refusedOf[r].has(x.count)));
      },
    );
    return shown;
  }

  private async computeList(q: z.output<typeof contentListQuerySchema>, plan: DisclosurePlan): Promise<{ dto: ContentListDto; actors: Map<string, ItemActors> }> {
    const { from, to } = await this.period(q);
    const segment = q.segment === undefined ? undefined : q.segment === 'everyone' ? '' : q.segment;
    const rows = await this.repo.items({ from, to, channel: q.channel, purpose: q.purpose, segment });
    const audienceOf = await this.audiences(plan, rows.map((r) => r.audience_segment_id));
    const k = this.disclosure.k;
    const population = plan.plan.populationSize;
    const items: ContentItemRowDto[] = rows.map((r) => {
      const { everyone: _everyone, ...row } = releaseItemRow(r, audienceOf(r.audience_segment_id), population, k);
      return row;
    });
    const dto = { from, to, min_group_size: k, population, sort: q.sort, order: q.order, total_items: items.length, items };
    return { dto, actors: new Map(rows.map((r) => [r.content_id, itemActors(r)])) };
  }

  async item(id: string, userId: string): Promise<ContentItemDto> {
    const { dto, actors } = await this.cached(JSON.stringify(['item', id]), (plan) => this.computeItem(id, plan));
    return (await this.overTime(userId, [dto], (row, today) => itemNumbers(row, today, actors), hideItemCounts))[0];
  }

  private async computeItem(id: string, plan: DisclosurePlan): Promise<{ dto: ContentItemDto; actors: ItemActors }> {
    // one read: the decay's days come from the same rows and condition as the audience readers
    const [r] = await this.repo.items({ from: '1970-01-01', to: '2149-06-01', contentId: id });
    if (!r) throw new NotFoundException(`id: no content item ${id}`);
    const k = this.disclosure.k;
    const audienceOf = await this.audiences(plan, [r.audience_segment_id]);
    const row = releaseItemRow(r, audienceOf(r.audience_segment_id), plan.plan.populationSize, k);
    // a median over the commenters' first comments: a group of ≥ k people (none: a group of 0, 'below_minimum')
    const medianHidden = decideSum(r.commenters, r.commenters, k);
    const decay = row.readers.hidden ? { decay: [], hidden: row.readers.hidden } : releaseDecay(r.reader_days, r.readers_aud, k);
    const dto = {
      ...row,
      min_group_size: k,
      // a band, never the median itself: that is one commenter's exact time
      median_time_to_first_comment: { band: medianHidden || r.median_first_comment_s === null ? null : firstCommentBand(r.median_first_comment_s / 3600), hidden: medianHidden },
      decay: decay.decay,
      decay_hidden: decay.hidden,
    };
    return { dto, actors: itemActors(r) };
  }

  /**
   * Authors, their counts checked against the reader's ledger as an item's are (content-windows.ts).
   * First the items' counts are checked against what this reader was shown (nothing recorded): the
   * items' figures the ledger would hide leave the author's sums for this reader (releaseAuthor).
   */
  async authors(q: z.output<typeof contentPeriodQuerySchema>, userId: string): Promise<ContentAuthorsDto> {
    const c = await this.cached(JSON.stringify(['authors', q]), (plan) => this.computeAuthors(q, plan));
    const today = formatDayKey(Date.now());
    const perItem = c.itemRows.map((r) => itemNumbers(r, today, c.actors.get(r.content_id)));
    const verdicts = await this.disclosure.windows(userId, perItem.flat().map((x) => x.n), contentContains, (v) => v.map(() => false));
    const refused = new Map<string, Set<AuthorSum>>();
    let v = 0;
    perItem.forEach((counts, i) => {
      for (const x of counts) {
        if (!verdicts[v++]) continue;
        const sum: AuthorSum | null = x.count === 'readers' || x.count === 'everyone' ? 'reads' : x.count === 'interactions' || x.count === 'comments' ? x.count : null;
        if (sum) (refused.get(c.itemRows[i].content_id) ?? refused.set(c.itemRows[i].content_id, new Set()).get(c.itemRows[i].content_id)!).add(sum);
      }
    });
    const ledger = new Map<string, AuthorLedger>();
    const rows = c.rows.map((a) => {
      const mine = c.byAuthor.get(a.author_id) ?? [];
      const { reads, ...row } = releaseAuthor(a, mine, c.sizeOf, c.dto.population, c.dto.min_group_size, refused);
      ledger.set(a.author_id, { from: c.dto.from, reads, itemIds: mine.map((i) => i.content_id) });
      return row;
    });
    const authors = await this.overTime(userId, rows, (row: ContentAuthorRowDto, t) => authorNumbers(row, ledger.get(row.author_id)!, t), hideAuthorCounts);
    return { ...c.dto, authors };
  }

  /** What every reader's author rows are computed from: the authors' and their items' counts, the items' rows as the item list shows them, the audiences' sizes as shown. */
  private async computeAuthors(q: z.output<typeof contentPeriodQuerySchema>, plan: DisclosurePlan) {
    const { from, to } = await this.period(q);
    const k = this.disclosure.k;
    const population = plan.plan.populationSize;
    // the items' own figures (the rows the item list shows): the authors' sums and checks are over them
    const [rows, items] = await Promise.all([this.repo.authors({ from, to }), this.repo.items({ from, to })]);
    const audienceOf = await this.audiences(plan, items.map((i) => i.audience_segment_id));
    // an audience whose size the item row hides sets no author's read rate
    const sizeOf = (seg: string) => {
      const a = audienceOf(seg);
      return a.hidden === null && a.size >= k ? a.size : null;
    };
    const byAuthor = new Map<string, typeof items>();
    for (const i of items) if (i.author_id) (byAuthor.get(i.author_id) ?? byAuthor.set(i.author_id, []).get(i.author_id)!).push(i);
    const mine = items.filter((i) => i.author_id);
    const itemRows = mine.map((i) => releaseItemRow(i, audienceOf(i.audience_segment_id), population, k));
    const dto: Omit<ContentAuthorsDto, 'authors'> = { from, to, min_group_size: k, population };
    return { dto, rows, byAuthor, itemRows, sizeOf, actors: new Map(mine.map((i) => [i.content_id, itemActors(i)])) };
  }

  async newsletters(q: z.output<typeof newsletterQuerySchema>, userId: string): Promise<NewslettersDto> {
    const dto = await this.cached(JSON.stringify(['newsletters', q]), () => this.computeNewsletters(q));
    return { ...dto, issues: await this.overTime(userId, dto.issues, issueNumbers, hideIssueCounts, { implied: issueRefusals }) };
  }

  private async computeNewsletters(q: z.output<typeof newsletterQuerySchema>): Promise<NewslettersDto> {
    const { from, to } = await this.period(q);
    const includeMachine = q.include_machine === '1';
    const rows = await this.repo.issues(from, to, includeMachine);
    const k = this.disclosure.k;
    return { from, to, min_group_size: k, include_machine: includeMachine, issues: rows.map((r) => releaseIssueRow(r, k, includeMachine)) };
  }

  async issue(issue: string, q: z.output<typeof newsletterIssueQuerySchema>, userId: string): Promise<NewsletterIssueDto> {
    const { dto, nested } = await this.cached(JSON.stringify(['issue', issue, q]), (plan) => this.computeIssue(issue, q, plan));
    const contains = (big: string, small: string) => contentContains(big, small) || nested.has(`${big}\n${small}`);
    return (await this.overTime(userId, [dto], issueNumbers, hideIssueCounts, { implied: issueRefusals, contains }))[0];
  }

  /** The issue's answer, and which of its breakdown's segments hold another's recipients (`big\nsmall`: the ledger compares their cells). */
  private async computeIssue(issue: string, q: z.output<typeof newsletterIssueQuerySchema>, plan: DisclosurePlan): Promise<{ dto: NewsletterIssueDto; nested: Set<string> }> {
    const includeMachine = q.include_machine === '1';
    const rec = await this.repo.recipients(issue, includeMachine);
    if (rec.rows.length === 0) throw new NotFoundException(`issue: no newsletter issue ${issue} with recipients in the directory`);
    const k = this.disclosure.k;
    const row = releaseIssueRow(
      {
        issue,
        title: rec.title,
        first_sent_at: rec.first_sent_at ?? '',
        recipients: rec.rows.length,
        openers: rec.rows.filter((r) => r.opened === 1).length,
        clickers: rec.rows.filter((r) => r.clicked === 1).length,
        machine_only_openers: rec.rows.filter((r) => r.machine_only === 1).length,
        machine_opens: rec.machine_opens,
        machine_openers: rec.machine_openers,
      },
      k,
      includeMachine,
    );
    const groups = q.by === 'department' ? this.departmentGroups(plan, rec.rows) : await this.segmentGroups(plan);
    const breakdown = row.open_rate.hidden ? [] : releaseBreakdown(rec.rows, groups, q.by === 'department', k, includeMachine);
    const links = row.click_to_open.hidden ? [] : releaseLinks(rec.rows, k);
    const recipients = new Set(rec.rows.map((r) => r.person_id));
    const within = groups.map((g) => [...g.members].filter((p) => recipients.has(p)));
    const nested = new Set<string>();
    if (q.by === 'segment') groups.forEach((big, i) => groups.forEach((small, j) => i !== j && within[j].every((p) => groups[i].members.has(p)) && nested.add(`${big.key}\n${small.key}`)));
    return { dto: { ...row, min_group_size: k, include_machine: includeMachine, by: q.by, links, breakdown }, nested };
  }

  /** The recipients' departments, each a group of the plan (hidden where the plan hides it). */
  private departmentGroups(plan: DisclosurePlan, rows: readonly { person_id: string; department: string }[]): BreakdownGroup[] {
    const byDept = new Map<string, Set<string>>();
    for (const r of rows) (byDept.get(r.department) ?? byDept.set(r.department, new Set()).get(r.department)!).add(r.person_id);
    return [...byDept.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([d, members]) => {
        const g = plan.plan.get(groupKey.department(d));
        return { key: groupKey.department(d), label: d || 'unknown', members, hidden: g ? (g.shown ? null : g.reason) : 'below_minimum' };
      });
  }

  /** Every segment of the plan with its current members (hidden where the plan hides it). */
  private async segmentGroups(plan: DisclosurePlan): Promise<BreakdownGroup[]> {
    const s = plan.plan.structure;
    const ids: string[] = [];
    for (const g of s.groups) if (g.family === 'segment') ids.push(g.key.slice('segment:'.length));
    const names = new Map((ids.length ? await this.segments.findMany(ids) : []).map((d) => [d.id, d.name]));
    const people = [...s.personIndex.keys()];
    return ids
      .filter((id) => names.has(id))
      .map((id) => {
        const key = groupKey.segment(id);
        const i = s.index.get(key)!;
        const d = plan.plan.get(key)!;
        return { key, label: names.get(id)!, members: new Set(Array.from(s.members[i], (p) => people[p])), hidden: d.shown ? null : d.reason };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  }
}
