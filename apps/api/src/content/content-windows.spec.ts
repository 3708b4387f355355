import { checkWindows, POPULATION } from '@hubpulse/disclosure';
import type { ContentItemDto, NewsletterIssueDto } from '@hubpulse/contracts';
import { hideIssueCounts, hideItemCounts, issueNumbers, itemNumbers } from './content-windows';

const k = 5;
const f = (value: number) => ({ value, hidden: null });
const item = (readers: number, everyone: number | null): ContentItemDto =>
  ({
    content_id: 'c1', title: 'T', channel: 'blog', purpose: 'inform', author_id: null, author_name: null, published_at: '2026-03-02T08:00:00Z',
    audience: { segment_id: everyone === null ? null : 's1', name: 'S', size: f(40) }, reached: f(readers), reach_rate: f(readers / 40), readers: f(readers), read_rate: f(readers / 40),
    interactions: f(9), comments: f(7), leader_replies: f(5), min_group_size: k, everyone: everyone === null ? null : { readers: f(everyone), read_rate: f(everyone / 100) },
    hours_to_first_comment: f(2), decay: [{ from_day: 0, to_day: 1, readers, share: 1 }], decay_hidden: null,
  }) as ContentItemDto;

describe('content counts over time', () => {
  it('checks an item read on two days as nested windows: a growth of 2 readers is refused, with the rate and the decay', () => {
    const first = itemNumbers(item(10, 16), '2026-03-12');
    expect(first.map((x) => [x.count, x.n.group, x.n.from, x.n.to, x.n.value])).toEqual([
      ['readers', 'segment:s1', '2026-03-02', '2026-03-12', 10],
      ['reached', 'segment:s1', '2026-03-02', '2026-03-12', 10],
      ['everyone', POPULATION, '2026-03-02', '2026-03-12', 16],
    ]);
    const contains = (big: string, small: string) => big === small || big === POPULATION;
    expect(checkWindows([], first.map((x) => x.n), k, contains)).toEqual([null, null, null]);
    const later = itemNumbers(item(12, 18), '2026-03-14');
    const verdicts = checkWindows(first.map((x) => x.n), later.map((x) => x.n), k, contains);
    expect(verdicts).toEqual(['earlier_release', 'earlier_release', 'earlier_release']);
    const hidden = hideItemCounts(item(12, 18), new Map(later.map((x, i) => [x.count, verdicts[i]!])));
    expect(hidden).toMatchObject({ readers: { value: null, hidden: 'earlier_release' }, read_rate: { value: null }, reach_rate: { value: null }, decay: [], decay_hidden: 'earlier_release', everyone: { readers: { value: null } } });
    expect(hidden.comments).toEqual(f(7));
  });

  it("hides an issue's open rate and breakdown with its openers, and click-to-open and links with its clickers", () => {
    const issue = { issue: 'nl-1', title: 'W', first_sent_at: '2026-03-05T07:00:00Z', recipients: f(60), openers: f(23), open_rate: f(0.38), clickers: f(13), click_to_open: f(0.56), machine_opens_excluded: 7, links: [{}], breakdown: [{}] } as unknown as NewsletterIssueDto;
    expect(issueNumbers(issue, '2026-03-10').map((x) => x.n.stat)).toEqual(['newsletter_openers:nl-1', 'newsletter_clickers:nl-1']);
    expect(hideIssueCounts(issue, new Map([['clickers', 'earlier_release']]))).toMatchObject({ open_rate: f(0.38), click_to_open: { value: null }, links: [], breakdown: [{}] });
    expect(hideIssueCounts(issue, new Map([['openers', 'period']]))).toMatchObject({ open_rate: { value: null, hidden: 'period' }, click_to_open: { value: null, hidden: 'period' }, links: [], breakdown: [] });
  });
});
