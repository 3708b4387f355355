import { checkWindows, POPULATION } from '@hubpulse/disclosure';
import type { ContentAuthorRowDto, ContentItemDto, NewsletterIssueDto } from '@hubpulse/contracts';
import { authorNumbers, contentContains, hideAuthorCounts, hideIssueCounts, hideItemCounts, issueNumbers, issueRefusals, itemNumbers, type IssueCount } from './content-windows';

const k = 5;
const f = (value: number) => ({ value, hidden: null });
const item = (readers: number, everyone: number | null, comments = 7): ContentItemDto =>
  ({
    content_id: 'c1', title: 'T', channel: 'blog', purpose: 'inform', author_id: null, author_name: null, published_at: '2026-03-02T08:00:00Z',
    audience: { segment_id: everyone === null ? null : 's1', name: 'S', size: f(40) }, reached: f(readers), reach_rate: f(readers / 40), readers: f(readers), read_rate: f(readers / 40),
    interactions: f(9), comments: f(comments), leader_replies: f(5), min_group_size: k, everyone: everyone === null ? null : { readers: f(everyone), read_rate: f(everyone / 100) },
    median_time_to_first_comment: { band: '1_4h', hidden: null }, decay: [{ from_day: 0, to_day: 1, readers, share: 1 }], decay_hidden: null,
  }) as ContentItemDto;

describe('content counts over time', () => {
  it('checks an item read on two days as nested windows: a growth of 2 readers is refused, with the rate and the decay', () => {
    const first = itemNumbers(item(10, 16), '2026-03-12');
    expect(first.map((x) => [x.count, x.n.group, x.n.from, x.n.to, x.n.value])).toEqual([
      ['readers', 'segment:s1', '2026-03-02', '2026-03-12', 10],
      ['reached', 'segment:s1', '2026-03-02', '2026-03-12', 10],
      ['everyone', POPULATION, '2026-03-02', '2026-03-12', 16],
      ['decay', 'segment:s1', '2026-03-02', '2026-03-03', 10],
      ['interactions', POPULATION, '2026-03-02', '2026-03-12', 9],
      ['comments', POPULATION, '2026-03-02', '2026-03-12', 7],
      ['leader_replies', POPULATION, '2026-03-02', '2026-03-12', 5],
    ]);
    const contains = contentContains;
    expect(checkWindows([], first.map((x) => x.n), k, contains)).toEqual([null, null, null, null, null, null, null]);
    const later = itemNumbers(item(12, 18), '2026-03-14');
    const verdicts = checkWindows(first.map((x) => x.n), later.map((x) => x.n), k, contains);
    expect(verdicts).toEqual(['earlier_release', 'earlier_release', 'earlier_release', 'earlier_release', null, null, null]);
    const hidden = hideItemCounts(item(12, 18), new Map(later.map((x, i) => [x.count, verdicts[i]!])));
    expect(hidden).toMatchObject({ readers: { value: null, hidden: 'earlier_release' }, read_rate: { value: null }, reach_rate: { value: null }, decay: [], decay_hidden: 'earlier_release', everyone: { readers: { value: null } } });
    expect(hidden.comments).toEqual(f(7));
  });

  it('checks each decay bucket as the readers up to its last day, so moving bucket edges give away nobody', () => {
    // day 1: [0:10] [3–9:6]; day 2: [0:10] [3–4:5] [9–10:6] — 6 − 5 would be 1 person who first read on days 5–9
    const withDecay = (decay: { from_day: number; to_day: number; readers: number }[]) => ({ ...item(decay.reduce((s, b) => s + b.readers, 0), null), decay: decay.map((b) => ({ ...b, share: 0 })) });
    const day1 = itemNumbers(withDecay([{ from_day: 0, to_day: 0, readers: 10 }, { from_day: 3, to_day: 9, readers: 6 }]), '2026-03-12');
    const day2 = itemNumbers(withDecay([{ from_day: 0, to_day: 0, readers: 10 }, { from_day: 3, to_day: 4, readers: 5 }, { from_day: 9, to_day: 10, readers: 6 }]), '2026-03-13');
    expect(day2.filter((x) => x.count === 'decay').map((x) => [x.n.to, x.n.value])).toEqual([['2026-03-02', 10], ['2026-03-06', 15], ['2026-03-12', 21]]);
    const verdicts = checkWindows(day1.map((x) => x.n), day2.map((x) => x.n), k, contentContains);
    const refused = new Map(day2.flatMap((x, i) => (verdicts[i] ? [[x.count, verdicts[i]!] as const] : [])));
    expect(refused.get('decay')).toBe('earlier_release');
    expect(refused.has('readers')).toBe(false); // 16 → 21
    expect(hideItemCounts(withDecay([{ from_day: 0, to_day: 4, readers: 21 }]), refused)).toMatchObject({ decay: [], decay_hidden: 'earlier_release', readers: { value: 21 } });
  });

  it("refuses an item's comments that grew by ≥ k from one person's posts: a changed count of actions needs ≥ k more people", () => {
    const acts = (commenters: number) => ({ interactions: 6, comments: commenters, leader_replies: 5 });
    const comments = (value: number, commenters: number, today: string) => itemNumbers(item(10, null, value), today, acts(commenters)).find((x) => x.count === 'comments')!.n;
    const seen = [comments(40, 12, '2026-03-12')];
    expect(checkWindows(seen, [comments(46, 12, '2026-03-13')], k, contentContains)).toEqual(['earlier_release']);
    expect(checkWindows(seen, [comments(60, 17, '2026-03-14')], k, contentContains)).toEqual([null]);
    // an author's sums do not know their people: only an unchanged one passes
    const author = (value: number) => authorNumbers({ author_id: 'p1', name: 'A', items: 2, readers: f(30), reader_share: f(0.3), read_rate: f(0.5), interactions: f(20), comments: f(value) }, { from: '2026-03-01', reads: 40, itemIds: [] }, '2026-03-12').find((x) => x.count === 'comments')!.n;
    expect(checkWindows([author(40)], [author(50)], k, contentContains)).toEqual(['earlier_release']);
    expect(checkWindows([author(40)], [author(40)], k, contentContains)).toEqual([null]);
  });

  it("refuses an item's comments that grew by 1..k−1 since the reader saw them (one comment more is one person's)", () => {
    const first = itemNumbers(item(10, null, 7), '2026-03-12');
    const later = itemNumbers(item(10, null, 8), '2026-03-13');
    const verdicts = checkWindows(first.map((x) => x.n), later.map((x) => x.n), k, contentContains);
    const refused = new Map(later.flatMap((x, i) => (verdicts[i] ? [[x.count, verdicts[i]!] as const] : [])));
    expect([...refused.keys()]).toEqual(['comments']);
    expect(hideItemCounts(item(10, null, 8), refused)).toMatchObject({ comments: { value: null, hidden: 'earlier_release' }, interactions: f(9), readers: f(10) });
  });

  it("checks an author's readers over days, and against each of their items' readers shown before", () => {
    const row = (readers: number): ContentAuthorRowDto => ({ author_id: 'p1', name: 'Ann', items: 2, readers: f(readers), reader_share: f(readers / 100), read_rate: f(0.2), interactions: f(9), comments: { value: null, hidden: 'numerator' } });
    const ledger = { from: '2026-03-01', reads: 40, itemIds: ['c1', 'c2'] };
    const day1 = authorNumbers(row(30), ledger, '2026-03-12');
    expect(day1.map((x) => [x.count, x.n.stat, x.n.group, x.n.from, x.n.to, x.n.value])).toEqual([
      ['readers', 'content_author_readers:p1', POPULATION, '2026-03-01', '2026-03-12', 30],
      ['readers', 'content_readers:c1', 'author:p1', '2026-03-01', '2026-03-12', 30],
      ['readers', 'content_readers:c2', 'author:p1', '2026-03-01', '2026-03-12', 30],
      ['reads', 'content_author_reads:p1', POPULATION, '2026-03-01', '2026-03-12', 40],
      ['interactions', 'content_author_interactions:p1', POPULATION, '2026-03-01', '2026-03-12', 9],
    ]);
    // the same period two days later with 2 readers more
    const day3 = authorNumbers(row(32), { ...ledger, reads: 42 }, '2026-03-14');
    expect(checkWindows(day1.map((x) => x.n), day3.map((x) => x.n), k, contentContains)).toEqual(['earlier_release', 'earlier_release', 'earlier_release', 'earlier_release', null]);
    // item c1 seen with 28 readers (published 2 March): the author's 30 the next day would be 2 people who read only c2
    const c1 = { stat: 'content_readers:c1', group: POPULATION, from: '2026-03-02', to: '2026-03-12', value: 28 };
    expect(checkWindows([c1], authorNumbers(row(30), ledger, '2026-03-13').map((x) => x.n), k, contentContains)[1]).toBe('earlier_release');
    // an item is never taken to contain its author's readers
    expect(contentContains(POPULATION, 'author:p1')).toBe(false);
    expect(hideAuthorCounts(row(32), new Map([['readers', 'earlier_release']]))).toMatchObject({ readers: { value: null }, reader_share: { value: null }, read_rate: f(0.2), interactions: f(9) });
    expect(hideAuthorCounts(row(32), new Map([['reads', 'earlier_release']]))).toMatchObject({ readers: f(32), read_rate: { value: null, hidden: 'earlier_release' } });
  });

  it("hides an issue's open rate and breakdown with its openers, and click-to-open and links with its clickers", () => {
    const issue = { issue: 'nl-1', title: 'W', first_sent_at: '2026-03-05T07:00:00Z', recipients: f(60), openers: f(23), open_rate: f(0.38), clickers: f(13), click_to_open: f(0.56), machine_opens_excluded: 7, links: [{}], breakdown: [{}] } as unknown as NewsletterIssueDto;
    expect(issueNumbers({ ...issue, links: [], breakdown: [] }, '2026-03-10').map((x) => x.n.stat)).toEqual(['newsletter_openers:nl-1', 'newsletter_clickers:nl-1']);
    expect(hideIssueCounts(issue, new Map([['clickers', 'earlier_release']]))).toMatchObject({ open_rate: f(0.38), click_to_open: { value: null }, links: [], breakdown: [{}] });
    expect(hideIssueCounts(issue, new Map([['openers', 'period']]))).toMatchObject({ open_rate: { value: null, hidden: 'period' }, click_to_open: { value: null, hidden: 'period' }, links: [], breakdown: [] });
  });

  it("checks an issue's breakdown cells and links against what the reader saw: Sales' openers up by 1 while the issue's grew by k hide the column", () => {
    const rate = (x: number, n: number) => f(x / n);
    const issue = (openers: number, sales: [number, number], link: number) =>
      ({
        issue: 'nl-3', title: 'W', first_sent_at: '2026-03-05T07:00:00Z', recipients: f(200), openers: f(openers), open_rate: rate(openers, 200), clickers: f(30), click_to_open: rate(30, openers), machine_opens_excluded: 0,
        breakdown: [
          { key: 'department:Ops', label: 'Ops', recipients: f(120), open_rate: rate(openers - sales[0], 120), click_to_open: rate(18, openers - sales[0]) },
          { key: 'department:Sales', label: 'Sales', recipients: f(80), open_rate: rate(sales[0], 80), click_to_open: rate(sales[1], sales[0]) },
        ],
        links: [{ link: 'https://a', clickers: f(link), click_rate: rate(link, openers) }, { link: 'https://b', clickers: f(9), click_rate: rate(9, openers) }],
      }) as unknown as NewsletterIssueDto;
    const day1 = issueNumbers(issue(40, [12, 12], 20), '2026-03-10');
    expect(day1.map((x) => [x.count, x.n.stat, x.n.group, x.n.value])).toEqual([
      ['openers', 'newsletter_openers:nl-3', 'recipients:nl-3', 40],
      ['clickers', 'newsletter_clickers:nl-3', 'recipients:nl-3', 30],
      ['breakdown_openers', 'newsletter_openers:nl-3', 'department:Ops', 28],
      ['breakdown_clickers', 'newsletter_clickers:nl-3', 'department:Ops', 18],
      ['breakdown_openers', 'newsletter_openers:nl-3', 'department:Sales', 12],
      ['breakdown_clickers', 'newsletter_clickers:nl-3', 'department:Sales', 12],
      ['link:https://a', 'newsletter_clickers:nl-3', 'link:https://a', 20],
      ['link:https://b', 'newsletter_clickers:nl-3', 'link:https://b', 9],
    ]);
    expect(checkWindows([], day1.map((x) => x.n), k, contentContains)).toEqual(day1.map(() => null));
    // a day later: the issue's openers +6, Sales' +1 (one person of Sales opened), link a's clickers +2
    const next = issue(46, [13, 12], 22);
    const day2 = issueNumbers(next, '2026-03-11');
    const verdicts = checkWindows(day1.map((x) => x.n), day2.map((x) => x.n), k, contentContains);
    const refused = new Map<IssueCount, NonNullable<(typeof verdicts)[number]>>(day2.flatMap((x, i) => (verdicts[i] ? [[x.count, verdicts[i]!] as const] : [])));
    expect([...refused.keys()]).toEqual(['breakdown_openers', 'link:https://a']);
    issueRefusals(refused, day2.map((x) => x.count));
    const hidden = hideIssueCounts(next, refused);
    // the whole column: Ops' cell and the issue's 46 would give Sales' back
    expect(hidden.breakdown.map((b) => [b.recipients.value, b.open_rate.hidden, b.click_to_open.hidden])).toEqual([[120, 'earlier_release', 'earlier_release'], [80, 'earlier_release', 'earlier_release']]);
    expect(hidden.links.map((l) => [l.clickers.value, l.click_rate.hidden])).toEqual([[null, 'earlier_release'], [9, null]]);
    expect(hidden).toMatchObject({ openers: f(46), clickers: f(30) });
    // the issue's openers refused take its clickers, links and breakdown with them
    const all = new Map<IssueCount, 'period'>([['openers', 'period']]);
    issueRefusals(all, day2.map((x) => x.count));
    expect([...all.keys()].sort()).toEqual(['breakdown_clickers', 'breakdown_openers', 'clickers', 'link:https://a', 'link:https://b', 'openers']);
    expect(hideIssueCounts(next, all)).toMatchObject({ clickers: { value: null, hidden: 'period' }, links: [], breakdown: [] });
    // the issue's recipients hold every cell's; a link's clickers are no department's
    expect(contentContains('recipients:nl-3', 'department:Sales')).toBe(true);
    expect(contentContains('link:https://a', 'department:Sales')).toBe(false);
  });
});
