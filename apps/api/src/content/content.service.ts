import type { z } from 'zod';
import { Injectable, NotFoundException } from '@nestjs/common';
import { POPULATION, type HiddenReason, type WindowedNumber } from '@hubpulse/disclosure';
import {
  formatDayKey,
  round,
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
import { releaseAuthor, releaseBreakdown, releaseIssueRow, releaseItemRow, releaseLinks, type AudienceInPlan, type BreakdownGroup } from './content-figures';
import { decayBuckets } from './content-release';
import { hideIssueCounts, hideItemCounts, issueNumbers, itemNumbers } from './content-windows';
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

  private async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const [plan, mark] = await Promise.all([this.disclosure.plan(), this.repo.watermark()]);
    const hit = this.cache.get(key);
    if (hit && hit.plan === plan && hit.mark === mark) return hit.value as Promise<T>;
    const value = compute();
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

  async list(q: z.output<typeof contentListQuerySchema>, userId: string): Promise<ContentListDto> {
    const dto = await this.cached(JSON.stringify(['list', q]), () => this.computeList(q));
    const items = await this.overTime(userId, dto.items, itemNumbers, hideItemCounts);
    return { ...dto, items: sortItems(items, dto.sort, dto.order) };
  }

  /**
   * Counts that grow over time, checked against what `userId` was shown before (content-windows.ts):
   * each row with the counts the reader's ledger refused hidden. Cached answers are the same for
   * everyone; this part is per reader.
   */
  private async overTime<R, C extends string>(
    userId: string,
    rows: readonly R[],
    numbers: (row: R, today: string) => { count: C; n: WindowedNumber }[],
    hideCounts: (row: R, refused: ReadonlyMap<C, HiddenReason>) => R,
  ): Promise<R[]> {
    const today = formatDayKey(Date.now());
    const perRow = rows.map((r) => numbers(r, today));
    const all = perRow.flat();
    if (all.length === 0) return [...rows];
    const contains = (big: string, small: string) => big === small || big === POPULATION;
    const verdicts = await this.disclosure.windows(userId, all.map((x) => x.n), contains);
    let i = 0;
    return rows.map((row, r) => {
      const refused = new Map<C, HiddenReason>();
      for (const x of perRow[r]) {
        const v = verdicts[i++];
        if (v) refused.set(x.count, v);
      }
      return hideCounts(row, refused);
    });
  }

  private async computeList(q: z.output<typeof contentListQuerySchema>): Promise<ContentListDto> {
    const { from, to } = await this.period(q);
    const segment = q.segment === undefined ? undefined : q.segment === 'everyone' ? '' : q.segment;
    const [plan, rows] = await Promise.all([this.disclosure.plan(), this.repo.items({ from, to, channel: q.channel, purpose: q.purpose, segment })]);
    const audienceOf = await this.audiences(plan, rows.map((r) => r.audience_segment_id));
    const k = this.disclosure.k;
    const population = plan.plan.populationSize;
    const items: ContentItemRowDto[] = rows.map((r) => {
      const { everyone: _everyone, ...row } = releaseItemRow(r, audienceOf(r.audience_segment_id), population, k);
      return row;
    });
    return { from, to, min_group_size: k, population, sort: q.sort, order: q.order, total_items: items.length, items: sortItems(items, q.sort, q.order).slice(0, q.limit) };
  }

  async item(id: string, userId: string): Promise<ContentItemDto> {
    const dto = await this.cached(JSON.stringify(['item', id]), () => this.computeItem(id));
    return (await this.overTime(userId, [dto], itemNumbers, hideItemCounts))[0];
  }

  private async computeItem(id: string): Promise<ContentItemDto> {
    const [plan, rows, days] = await Promise.all([
      this.disclosure.plan(),
      this.repo.items({ from: '1970-01-01', to: '2149-06-01', contentId: id }),
      this.repo.readerDays(id),
    ]);
    const r = rows[0];
    if (!r) throw new NotFoundException(`id: no content item ${id}`);
    const k = this.disclosure.k;
    const audienceOf = await this.audiences(plan, [r.audience_segment_id]);
    const row = releaseItemRow(r, audienceOf(r.audience_segment_id), plan.plan.populationSize, k);
    const firstCommentHidden = r.first_comment_s === null ? 'numerator' : r.commenters < k ? 'numerator' : null;
    const decayHidden = row.readers.hidden;
    const buckets = decayHidden ? [] : decayBuckets(days, k);
    const total = buckets.reduce((s, b) => s + b.readers, 0);
    return {
      ...row,
      min_group_size: k,
      hours_to_first_comment: { value: firstCommentHidden ? null : round((r.first_comment_s ?? 0) / 3600, 1), hidden: firstCommentHidden },
      decay: buckets.map((b) => ({ ...b, share: total > 0 ? b.readers / total : 0 })),
      decay_hidden: decayHidden ?? (buckets.length === 0 ? 'below_minimum' : null),
    };
  }

  authors(q: z.output<typeof contentPeriodQuerySchema>): Promise<ContentAuthorsDto> {
    return this.cached(JSON.stringify(['authors', q]), () => this.computeAuthors(q));
  }

  private async computeAuthors(q: z.output<typeof contentPeriodQuerySchema>): Promise<ContentAuthorsDto> {
    const { from, to } = await this.period(q);
    const plan = await this.disclosure.plan();
    const k = this.disclosure.k;
    const population = plan.plan.populationSize;
    const sizeOf = (seg: string) => (seg === '' ? population : (plan.plan.get(groupKey.segment(seg))?.size ?? 0));
    const rows = await this.repo.authors({ from, to }, sizeOf);
    return { from, to, min_group_size: k, population, authors: rows.map((a) => releaseAuthor(a, population, k)) };
  }

  async newsletters(q: z.output<typeof newsletterQuerySchema>, userId: string): Promise<NewslettersDto> {
    const dto = await this.cached(JSON.stringify(['newsletters', q]), () => this.computeNewsletters(q));
    return { ...dto, issues: await this.overTime(userId, dto.issues, issueNumbers, hideIssueCounts) };
  }

  private async computeNewsletters(q: z.output<typeof newsletterQuerySchema>): Promise<NewslettersDto> {
    const { from, to } = await this.period(q);
    const includeMachine = q.include_machine === '1';
    const rows = await this.repo.issues(from, to, includeMachine);
    const k = this.disclosure.k;
    return { from, to, min_group_size: k, include_machine: includeMachine, issues: rows.map((r) => releaseIssueRow(r, k, includeMachine)) };
  }

  async issue(issue: string, q: z.output<typeof newsletterIssueQuerySchema>, userId: string): Promise<NewsletterIssueDto> {
    const dto = await this.cached(JSON.stringify(['issue', issue, q]), () => this.computeIssue(issue, q));
    return (await this.overTime(userId, [dto], issueNumbers, hideIssueCounts))[0];
  }

  private async computeIssue(issue: string, q: z.output<typeof newsletterIssueQuerySchema>): Promise<NewsletterIssueDto> {
    const includeMachine = q.include_machine === '1';
    const [plan, rec] = await Promise.all([this.disclosure.plan(), this.repo.recipients(issue, includeMachine)]);
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
    return { ...row, min_group_size: k, include_machine: includeMachine, by: q.by, links, breakdown };
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
