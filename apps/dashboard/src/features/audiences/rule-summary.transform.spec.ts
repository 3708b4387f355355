import type { SegmentRule } from '@hubpulse/contracts';
import { leafText, ruleOutline, ruleSummary } from './rule-summary.transform';

const names = { segments: new Map([['s1', 'Leaders']]), people: new Map([['p9', 'Ana Silva']]) };

describe('leafText', () => {
  it('says every leaf kind in words', () => {
    const cases: [SegmentRule, string][] = [
      [{ kind: 'attribute', field: 'department', op: 'in', values: ['Sales', 'Marketing'] }, 'Department is “Sales” or “Marketing”'],
      [{ kind: 'attribute', field: 'location', op: 'not_in', values: [''] }, 'Location is not (not set)'],
      [{ kind: 'attribute', field: 'title', op: 'contains', values: ['manager'] }, 'Title contains “manager”'],
      [{ kind: 'leader', value: true }, 'is a leader'],
      [{ kind: 'is_manager', value: false }, 'manages nobody'],
      [{ kind: 'tenure', max_days: 90 }, 'tenure at most 90 days'],
      [{ kind: 'tenure', min_days: 30, max_days: 90 }, 'tenure 30–90 days'],
      [{ kind: 'manager_tree', manager_id: 'p9', include_manager: true }, 'reports to Ana Silva, and Ana Silva too (directly or through others)'],
      [{ kind: 'behaviour', action: 'comment', min_count: 3, days: 30, channel: 'blog', purpose: 'inform' }, 'commented at least 3 times in the last 30 days on Blogs, on inform content'],
      [{ kind: 'behaviour', action: 'view', min_count: 1, days: 1, content_id: 'c-7' }, 'viewed at least once in the last day on item c-7'],
      [{ kind: 'not_since', action: 'any', days: 60 }, 'no action at all in the last 60 days'],
      [{ kind: 'not_since', action: 'post', days: 14 }, 'has not posted in the last 14 days'],
      [{ kind: 'score_band', min: 75, max: 100, cohort: true }, 'engagement score 75–100 within their cohort'],
      [{ kind: 'persona', personas: ['engager', 'catalyst'] }, 'persona Engager or Catalyst (latest week)'],
      [{ kind: 'stage', stages: ['ambassador'] }, 'ambassador stage Ambassador (latest week)'],
      [{ kind: 'segment', segment_id: 's1' }, 'member of “Leaders”'],
      [{ kind: 'segment', segment_id: 'zz' }, 'member of segment zz'],
    ];
    for (const [node, text] of cases) expect(leafText(node, names)).toBe(text);
  });

  it('shortens long value lists', () => {
    expect(leafText({ kind: 'attribute', field: 'department', op: 'in', values: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] })).toBe(
      'Department is “a”, “b”, “c”, “d”, “e” or 2 more',
    );
  });
});

describe('ruleSummary and ruleOutline', () => {
  const rule: SegmentRule = {
    kind: 'and',
    children: [
      { kind: 'leader', value: true },
      { kind: 'or', children: [{ kind: 'tenure', max_days: 90 }, { kind: 'not', child: { kind: 'segment', segment_id: 's1' } }] },
    ],
  };

  it('puts nested groups in brackets', () => {
    expect(ruleSummary(rule, names)).toBe('is a leader and (tenure at most 90 days or not member of “Leaders”)');
    expect(ruleSummary({ kind: 'or', children: [{ kind: 'leader', value: false }] })).toBe('is not a leader');
  });

  it('outlines the tree with depths', () => {
    expect(ruleOutline(rule, names)).toEqual([
      { depth: 0, text: 'All of:' },
      { depth: 1, text: 'is a leader' },
      { depth: 1, text: 'Any of:' },
      { depth: 2, text: 'tenure at most 90 days' },
      { depth: 2, text: 'Not: member of “Leaders”' },
    ]);
  });
});
