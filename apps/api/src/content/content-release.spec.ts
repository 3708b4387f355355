import fc from 'fast-check';
import { isSmall } from '@hubpulse/disclosure';
import { TOTAL, decayBuckets, decideShares, decideSum, releaseDecay } from './content-release';
import { releaseAuthor, releaseBreakdown, releaseIssueRow, releaseItemRow, releaseLinks, type BreakdownGroup } from './content-figures';
import type { ContentAggRow, RecipientRow } from './content-reads.repository';
import { sortItems } from './content-sort';

const k = 5;

describe('decideShares', () => {
  it('hides a share whose numerator or complement is under k', () => {
    expect(decideShares({ n: 20, x: 4 }, [], k).get(TOTAL)).toEqual({ shown: false, reason: 'numerator' });
    expect(decideShares({ n: 20, x: 16 }, [], k).get(TOTAL)).toEqual({ shown: false, reason: 'complement' });
    expect(decideShares({ n: 20, x: 10 }, [], k).get(TOTAL)).toEqual({ shown: true, reason: null });
  });

  it('hides a segment whose difference from everyone describes a few people (reach of everyone minus reach of the segment)', () => {
    // segment: 30 people, 10 readers; everyone: 100 people, 13 readers → outside the segment 3 readers
    const d = decideShares({ n: 100, x: 13 }, [{ key: 's', n: 30, x: 10, inside: [{ key: TOTAL, diff: { n: 70, x: 3 } }] }], k);
    expect(d.get(TOTAL)!.shown).toBe(true);
    expect(d.get('s')).toEqual({ shown: false, reason: 'difference' });
    // 10 readers outside: both shown
    const ok = decideShares({ n: 100, x: 20 }, [{ key: 's', n: 30, x: 10, inside: [{ key: TOTAL, diff: { n: 70, x: 10 } }] }], k);
    expect(ok.get('s')!.shown).toBe(true);
  });

  it('hides a segment that is everyone but a few people', () => {
    const d = decideShares({ n: 100, x: 50 }, [{ key: 's', n: 97, x: 48, inside: [{ key: TOTAL, diff: { n: 3, x: 2 } }] }], k);
    expect(d.get('s')!.reason).toBe('difference');
  });

  it('in a partition, hides the smallest shown cell until the remainder is nobody or passes', () => {
    // three departments of 20, 20 and 10 recipients; the third is hidden (numerator), leaving 10 people with 2 openers
    const cells = [
      { key: 'a', n: 20, x: 10 },
      { key: 'b', n: 20, x: 10 },
      { key: 'c', n: 10, x: 2 },
    ];
    const d = decideShares({ n: 50, x: 22 }, cells, k, true);
    expect(d.get('c')!.reason).toBe('numerator');
    expect(d.get('a')!.shown).not.toBe(d.get('b')!.shown);
    expect([d.get('a')!.reason, d.get('b')!.reason]).toContain('remainder');
  });

  it('takes the plan\'s reason for a group hidden everywhere', () => {
    expect(decideShares(null, [{ key: 's', n: 50, x: 20, hidden: 'hierarchy' }], k).get('s')).toEqual({ shown: false, reason: 'hierarchy' });
  });
});

describe('decideSum', () => {
  it('needs k contributors', () => {
    expect(decideSum(100, 4, k)).toBe('numerator');
    expect(decideSum(100, 5, k)).toBeNull();
    expect(decideSum(4, 4, k)).toBe('below_minimum');
  });
});

describe('decayBuckets', () => {
  it('merges consecutive days into buckets of at least k readers; a short tail joins the last bucket', () => {
    const b = decayBuckets(new Map([[0, 12], [1, 3], [2, 3], [3, 1], [5, 2]]), k);
    expect(b).toEqual([
      { from_day: 0, to_day: 0, readers: 12 },
      { from_day: 1, to_day: 5, readers: 9 },
    ]);
    for (const x of b) expect(x.readers).toBeGreaterThanOrEqual(k);
  });

  it('shows nothing under k readers in all', () => {
    expect(decayBuckets(new Map([[0, 2], [1, 2]]), k)).toEqual([]);
  });

  it("is released only when its buckets add up to the item's shown readers", () => {
    const days = new Map([[0, 12], [1, 8], [4, 10]]);
    expect(releaseDecay(days, 30, k)).toEqual({
      decay: [
        { from_day: 0, to_day: 0, readers: 12, share: 0.4 },
        { from_day: 1, to_day: 1, readers: 8, share: 8 / 30 },
        { from_day: 4, to_day: 4, readers: 10, share: 1 / 3 },
      ],
      hidden: null,
    });
    // counted apart, 2 readers more on one side: the buckets minus the readers would be those 2
    expect(releaseDecay(days, 32, k)).toEqual({ decay: [], hidden: 'difference' });
    expect(releaseDecay(new Map([[0, 3]]), 3, k)).toEqual({ decay: [], hidden: 'below_minimum' });
  });
});

const agg = (over: Partial<ContentAggRow>): ContentAggRow => ({
  content_id: 'c1', title: 'T', channel: 'blog', purpose: 'inform', author_id: 'p1', author_name: 'Ann', audience_segment_id: '',
  published_at: '2026-11-01T09:00:00Z', reached_all: 0, readers_all: 0, reached_aud: 0, readers_aud: 0, interactors: 0, interactions: 0,
  commenters: 0, comments: 0, leader_repliers: 0, leader_replies: 0, median_first_comment_s: null, reader_days: new Map(), ...over,
});

describe('releaseItemRow', () => {
  it('gives the read rate within everyone for an item aimed at everyone', () => {
    const r = releaseItemRow(agg({ reached_all: 40, readers_all: 30, reached_aud: 40, readers_aud: 30, interactors: 6, interactions: 9 }), { segmentId: null, name: 'Everyone', size: 100, hidden: null }, 100, k);
    expect(r.read_rate).toEqual({ value: 0.3, hidden: null });
    expect(r.reach_rate.value).toBeCloseTo(0.4);
    expect(r.interactions).toEqual({ value: 9, hidden: null });
    expect(r.comments).toEqual({ value: null, hidden: 'numerator' });
    expect(r.everyone).toBeNull();
  });

  it('hides a segment\'s readers when everyone\'s readers give away the few outside it', () => {
    const r = releaseItemRow(agg({ audience_segment_id: 's1', readers_all: 22, readers_aud: 20, reached_all: 22, reached_aud: 20 }), { segmentId: 's1', name: 'S', size: 40, hidden: null }, 100, k);
    expect(r.readers).toEqual({ value: null, hidden: 'difference' });
    expect(r.read_rate.hidden).toBe('difference');
    expect(r.everyone!.readers).toEqual({ value: 22, hidden: null });
  });

  it('hides everything about a segment the plan hides', () => {
    const r = releaseItemRow(agg({ audience_segment_id: 's1', readers_all: 50, readers_aud: 10 }), { segmentId: 's1', name: 'S', size: 30, hidden: 'difference' }, 100, k);
    expect(r.audience.size.hidden).toBe('difference');
    expect(r.read_rate.hidden).toBe('difference');
  });
});

const rec = (id: string, department: string, opened: number, clicked: number, links: string[] = []): RecipientRow => ({ person_id: id, department, opened, clicked, links });

describe('newsletter breakdown and links', () => {
  const rows: RecipientRow[] = [];
  for (let i = 0; i < 20; i++) rows.push(rec(`a${i}`, 'A', i < 10 ? 1 : 0, i < 5 ? 1 : 0, i < 5 ? ['l1'] : []));
  for (let i = 0; i < 20; i++) rows.push(rec(`b${i}`, 'B', i < 10 ? 1 : 0, i < 6 ? 1 : 0, i < 6 ? ['l1', ...(i < 2 ? ['l2'] : [])] : []));
  for (let i = 0; i < 3; i++) rows.push(rec(`c${i}`, 'C', 1, 0));
  const group = (key: string, prefix: string): BreakdownGroup => ({ key, label: key, members: new Set(rows.filter((r) => r.person_id.startsWith(prefix)).map((r) => r.person_id)), hidden: null });

  it('by department: a small department is hidden and so is another, so the total cannot give it away', () => {
    const out = releaseBreakdown(rows, [group('A', 'a'), group('B', 'b'), group('C', 'c')], true, k);
    expect(out.find((r) => r.key === 'C')!.open_rate.hidden).toBe('below_minimum');
    expect(out.filter((r) => r.open_rate.hidden === null)).toHaveLength(1);
  });

  it('with machine opens counted, hides a department whose machine-only openers are 1..k−1, and another so the total cannot give them away', () => {
    // A: 20 recipients, 10 human openers; B: 20, 10 human openers + 5 machine-only; D: 20, 10 human openers + 2 machine-only
    const mrows: RecipientRow[] = [];
    for (const [dept, extra] of [['A', 0], ['B', 5], ['D', 2]] as const) {
      for (let i = 0; i < 20; i++) {
        const machineOnly = i >= 10 && i < 10 + extra ? 1 : 0;
        mrows.push({ ...rec(`${dept}${i}`, dept, i < 10 || machineOnly ? 1 : 0, i < 5 ? 1 : 0), machine_only: machineOnly });
      }
    }
    const g = (key: string): BreakdownGroup => ({ key, label: key, members: new Set(mrows.filter((r) => r.department === key).map((r) => r.person_id)), hidden: null });
    const groups = [g('A'), g('B'), g('D')];
    const counted = releaseBreakdown(mrows, groups, true, k, true);
    const by = (key: string) => counted.find((r) => r.key === key)!;
    expect(by('D').open_rate).toEqual({ value: null, hidden: 'difference' });
    expect(by('D').click_to_open.hidden).toBe('difference');
    expect(by('D').recipients).toEqual({ value: 20, hidden: null });
    expect(by('A').open_rate).toEqual({ value: 0.5, hidden: null });
    // total 7 machine-only − A's 0 − B's 5 = D's 2: B is hidden too
    expect(by('B').open_rate.hidden).toBe('difference');
    // the same rows with machine opens excluded: all shown as before
    const excludedRows = mrows.map((r) => ({ ...r, opened: r.machine_only ? 0 : r.opened }));
    const excluded = releaseBreakdown(excludedRows, groups, true, k, false);
    expect(excluded.map((r) => r.open_rate)).toEqual([0.5, 0.5, 0.5].map((v) => ({ value: v, hidden: null })));
  });

  it('with machine opens counted, hides a segment whose containing segment differs from it by 1..k−1 machine-only openers', () => {
    // 50 recipients; human openers: the even ones under 30 and 40..44; 30..32 opened only by machine
    const srows: RecipientRow[] = [];
    for (let i = 0; i < 50; i++) {
      const machineOnly = i >= 30 && i < 33 ? 1 : 0;
      const human = (i < 30 && i % 2 === 0) || (i >= 40 && i < 45);
      srows.push({ ...rec(`p${i}`, 'X', human || machineOnly ? 1 : 0, i < 12 && i % 2 === 0 ? 1 : 0), machine_only: machineOnly });
    }
    const seg = (key: string, n: number): BreakdownGroup => ({ key, label: key, members: new Set(Array.from({ length: n }, (_, i) => `p${i}`)), hidden: null });
    const inner = seg('inner', 20);
    const outer = seg('outer', 40);
    const counted = releaseBreakdown(srows, [inner, outer], false, k, true);
    // outer has 3 machine-only openers: its own check hides it
    expect(counted.find((r) => r.key === 'outer')!.open_rate.hidden).toBe('difference');
    // inner has none, and all recipients (3) minus inner (0) would be 3: hidden as well
    expect(counted.find((r) => r.key === 'inner')!.open_rate.hidden).toBe('difference');
    expect(releaseBreakdown(srows.map((r) => ({ ...r, opened: r.machine_only ? 0 : r.opened })), [inner, outer], false, k, false).every((r) => r.open_rate.hidden !== 'difference')).toBe(true);
  });

  it('links: a link clicked by fewer than k is hidden; one clicked by every clicker is shown', () => {
    const links = releaseLinks(rows, k);
    expect(links.find((l) => l.link === 'l2')!.clickers.hidden).toBe('numerator');
    expect(links.find((l) => l.link === 'l1')!.clickers).toEqual({ value: 11, hidden: null });
  });
});

describe('sortItems', () => {
  it('puts hidden figures last in both directions', () => {
    const base = releaseItemRow(agg({}), { segmentId: null, name: 'E', size: 100, hidden: null }, 100, k);
    const mk = (id: string, v: number | null) => ({ ...base, content_id: id, read_rate: { value: v, hidden: v === null ? ('numerator' as const) : null } });
    const items = [mk('a', 0.2), mk('b', null), mk('c', 0.5)];
    expect(sortItems(items, 'read_rate', 'desc').map((i) => i.content_id)).toEqual(['c', 'a', 'b']);
    expect(sortItems(items, 'read_rate', 'asc').map((i) => i.content_id)).toEqual(['a', 'c', 'b']);
  });
});

describe('releaseIssueRow and releaseAuthor', () => {
  it('hides an open rate whose openers or non-openers are few, and click-to-open with it', () => {
    const base = { issue: 'i1', title: '', first_sent_at: '2026-03-05T07:00:00Z', machine_only_openers: 0, machine_opens: 3, machine_openers: 5 };
    const ok = releaseIssueRow({ ...base, recipients: 40, openers: 20, clickers: 8 }, k);
    expect(ok).toMatchObject({ title: 'i1', open_rate: { value: 0.5, hidden: null }, click_to_open: { value: 0.4, hidden: null }, machine_opens_excluded: 3 });
    const most = releaseIssueRow({ ...base, recipients: 40, openers: 37, clickers: 20 }, k);
    expect(most.open_rate.hidden).toBe('complement');
    expect(most.click_to_open.hidden).toBe('complement');
    const fewClicks = releaseIssueRow({ ...base, recipients: 40, openers: 20, clickers: 2 }, k);
    expect([fewClicks.open_rate.hidden, fewClicks.click_to_open.hidden]).toEqual([null, 'numerator']);
    expect(releaseIssueRow({ ...base, recipients: 3, openers: 1, clickers: 0 }, k).recipients.hidden).toBe('below_minimum');
  });

  it('with machine opens counted, hides the openers, open rate and click-to-open when 1..k−1 recipients opened only by machine', () => {
    const base = { issue: 'i1', title: 'W', first_sent_at: '2026-03-05T07:00:00Z', recipients: 40, clickers: 8, machine_opens: 0, machine_openers: 0 };
    // excluded: 20 openers; counted: 22 (2 recipients whose only opens were a machine's)
    const excluded = releaseIssueRow({ ...base, openers: 20, machine_only_openers: 2, machine_opens: 6, machine_openers: 6 }, k, false);
    expect(excluded).toMatchObject({ openers: { value: 20, hidden: null }, open_rate: { value: 0.5, hidden: null }, click_to_open: { value: 0.4, hidden: null }, machine_opens_excluded: 6 });
    const counted = releaseIssueRow({ ...base, openers: 22, machine_only_openers: 2 }, k, true);
    expect(counted).toMatchObject({
      recipients: { value: 40, hidden: null },
      openers: { value: null, hidden: 'difference' },
      open_rate: { value: null, hidden: 'difference' },
      clickers: { value: 8, hidden: null },
      click_to_open: { value: null, hidden: 'difference' },
      machine_opens_excluded: 0,
    });
    // none, or at least k, machine-only openers: the counted figures show
    expect(releaseIssueRow({ ...base, openers: 20, machine_only_openers: 0 }, k, true).open_rate).toEqual({ value: 0.5, hidden: null });
    expect(releaseIssueRow({ ...base, openers: 25, machine_only_openers: 5 }, k, true).open_rate).toEqual({ value: 25 / 40, hidden: null });
  });

  it('shows the machine opens left out only when at least k recipients had one', () => {
    const base = { issue: 'i1', title: 'W', first_sent_at: '2026-03-05T07:00:00Z', recipients: 40, openers: 20, clickers: 8, machine_only_openers: 0 };
    expect(releaseIssueRow({ ...base, machine_opens: 9, machine_openers: 4 }, k).machine_opens_excluded).toBeNull();
    expect(releaseIssueRow({ ...base, machine_opens: 9, machine_openers: 5 }, k).machine_opens_excluded).toBe(9);
    expect(releaseIssueRow({ ...base, machine_opens: 0, machine_openers: 0 }, k).machine_opens_excluded).toBeNull();
  });

  const item = (id: string, readers: number, over: Partial<ContentAggRow> = {}) => agg({ content_id: id, readers_all: readers, readers_aud: readers, commenters: 6, interactors: 6, comments: 8, interactions: 10, ...over });
  const author = { author_id: 'p1', name: 'Ann', items: 2, readers: 30 };
  const size = (segment: string) => (segment === '' ? 100 : 40);

  it("shows an author's readers as a share of everyone, and the read rate over the items' shown readers", () => {
    const items = [item('c1', 30), item('c2', 20, { audience_segment_id: 's' })];
    const r = releaseAuthor(author, items, size, 100, k);
    expect(r).toMatchObject({ readers: { value: 30 }, reader_share: { value: 0.3 }, read_rate: { value: 50 / 140 }, interactions: { value: 20 }, comments: { value: 16 }, reads: 50 });
    expect(releaseAuthor({ ...author, readers: 97 }, items, size, 100, k).readers.hidden).toBe('complement');
  });

  it("hides an author's readers that differ from one item's readers by 1..k−1 (the people who read only the other items)", () => {
    // 30 readers in all, 27 of them read c1: the 3 others read only c2
    const r = releaseAuthor(author, [item('c1', 27), item('c2', 20)], size, 100, k);
    expect(r).toMatchObject({ readers: { value: null, hidden: 'difference' }, reader_share: { value: null, hidden: 'difference' }, read_rate: { value: 47 / 200, hidden: null } });
    // the same against an item's audience readers: everyone's are all 40 of the author's, its segment's 37
    expect(releaseAuthor({ ...author, readers: 40 }, [item('c1', 40, { audience_segment_id: 's', readers_aud: 37 }), item('c2', 30)], size, 100, k).readers.hidden).toBe('difference');
  });

  it("sums reads, interactions and comments over the items whose own figure shows, so no item's hidden figure is the author's minus the shown ones", () => {
    // c2's 3 readers and 2 commenters are hidden on its row
    const r = releaseAuthor(author, [item('c1', 30), item('c2', 3, { commenters: 2, comments: 2, interactors: 0, interactions: 0 })], size, 100, k);
    expect(r).toMatchObject({ readers: { value: 30, hidden: null }, read_rate: { value: 0.3, hidden: null }, comments: { value: 8, hidden: null }, interactions: { value: 10 }, reads: 30 });
    // no item's comments show: neither do the author's
    expect(releaseAuthor(author, [item('c1', 30, { commenters: 4 })], size, 100, k).comments).toEqual({ value: null, hidden: 'numerator' });
  });

  it("leaves out of the sums the items' figures the reader's ledger refuses (author's sum − other items = the item's new value)", () => {
    // c2's comments and readers were shown earlier and grew by a few: the ledger hides them on its row
    const items = [item('c1', 30), item('c2', 32, { comments: 12 })];
    const refused = new Map([['c2', new Set(['reads', 'comments'] as const)]]);
    const r = releaseAuthor({ ...author, readers: 50 }, items, size, 100, k, refused);
    expect(r).toMatchObject({ read_rate: { value: 0.3 }, comments: { value: 8 }, interactions: { value: 20 }, reads: 30 });
    expect(releaseAuthor({ ...author, readers: 50 }, items, size, 100, k).comments.value).toBe(20);
  });

  it('leaves out of the read rate the items whose audience size is hidden (else |S| = reads ÷ rate − the other audiences)', () => {
    const items = [item('c1', 30), item('c2', 20, { audience_segment_id: 's' })];
    const hiddenSegment = (segment: string) => (segment === '' ? 100 : null);
    expect(releaseAuthor(author, items, hiddenSegment, 100, k)).toMatchObject({ read_rate: { value: 0.3, hidden: null }, reads: 30 });
  });

  it('hides the readers where reads minus readers (the extra reads of those who read several items) are 1..k−1', () => {
    // 20 + 12 reads by 30 people: 2 people read both
    expect(releaseAuthor(author, [item('c1', 20), item('c2', 12)], size, 100, k).readers.hidden).toBe('difference');
  });

  it('attacked by subtraction from the items shown beside it, an author row never gives away 1..k−1 people', () => {
    const N = 40;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            read: fc.array(fc.boolean(), { minLength: N, maxLength: N }),
            segment: fc.option(fc.array(fc.boolean(), { minLength: N, maxLength: N }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: N, maxLength: N }),
        (specs, skew) => {
          // skew thins some people's reading, so that small differences come up often
          const rows = specs.map((sp, i) => {
            const readers = sp.read.map((r, p) => r && skew[p] !== 0);
            const aud = sp.segment ?? readers.map(() => true);
            const size = aud.filter(Boolean).length;
            const segment = sp.segment ? `s${i}` : '';
            const r = agg({ content_id: `c${i}`, audience_segment_id: segment, readers_all: readers.filter(Boolean).length, readers_aud: readers.filter((x, p) => x && aud[p]).length });
            const released = releaseItemRow(r, { segmentId: segment || null, name: 'A', size, hidden: size < k ? 'below_minimum' : null }, N, k);
            return { r, readers, released, size: released.audience.size.value };
          });
          const union = Array.from({ length: N }, (_, p) => rows.some((x) => x.readers[p])).filter(Boolean).length;
          // everyone's readers of each item as its row shows them
          const everyoneShown = rows.map((x) => (x.released.everyone ? x.released.everyone.readers.value : x.released.readers.value));
          // the read rate's denominator as its definition says: the shown audiences of the items whose readers show
          const audienceTotal = rows.reduce((s, x, i) => s + (everyoneShown[i] === null || x.size === null ? 0 : x.size), 0);
          const a = releaseAuthor({ author_id: 'p1', name: 'A', items: rows.length, readers: union }, rows.map((x) => x.r), (seg) => rows.find((x) => x.r.audience_segment_id === seg)!.size, N, k);
          const shownItemReaders = rows.flatMap((x) => [x.released.readers.value, x.released.everyone?.readers.value ?? null].filter((v): v is number => v !== null));
          if (a.readers.value !== null) for (const v of shownItemReaders) expect(isSmall(a.readers.value - v, k)).toBe(false);
          if (a.read_rate.value !== null) {
            const s = Math.round(a.read_rate.value * audienceTotal);
            const hiddenSum = s - everyoneShown.reduce<number>((t, v, i) => t + (rows[i].size === null ? 0 : (v ?? 0)), 0);
            expect(isSmall(hiddenSum, k)).toBe(false);
            if (a.readers.value !== null) expect(isSmall(s - a.readers.value, k)).toBe(false);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
