import type { SegmentRule } from '@hubpulse/contracts';
import {
  LEAF_KINDS,
  addChild,
  changeKind,
  checkRule,
  defaultNode,
  issuesAt,
  moveAt,
  nodeAt,
  nameSegmentIds,
  nodeNumber,
  parseIssueLines,
  pathKey,
  removeAt,
  setField,
  strayIssues,
  toggleNot,
} from './rule-tree.transform';

const rule: SegmentRule = {
  kind: 'and',
  children: [
    { kind: 'attribute', field: 'department', op: 'in', values: ['Sales'] },
    { kind: 'not', child: { kind: 'leader', value: true } },
    { kind: 'or', children: [{ kind: 'tenure', max_days: 90 }, { kind: 'behaviour', action: 'comment', min_count: 3, days: 30 }] },
  ],
};

describe('paths', () => {
  it('numbers nodes the way a person reads the tree', () => {
    expect(nodeNumber([])).toBe('the rule');
    expect(nodeNumber(['children', 1])).toBe('condition 2');
    expect(nodeNumber(['children', 2, 'children', 0])).toBe('condition 3.1');
    expect(nodeNumber(['children', 1, 'child'])).toBe('condition 2.1');
  });

  it('names nodes the way validation problems do', () => {
    expect(pathKey([])).toBe('rule');
    expect(pathKey(['children', 1, 'child'])).toBe('rule.children[1].child');
    expect(nodeAt(rule, ['children', 2, 'children', 1])).toMatchObject({ kind: 'behaviour' });
    expect(nodeAt(rule, ['children', 7])).toBeUndefined();
  });
});

describe('edits', () => {
  it('changes one field without touching the original', () => {
    const next = setField(rule, ['children', 2, 'children', 1], 'days', 60);
    expect(nodeAt(next, ['children', 2, 'children', 1])).toMatchObject({ days: 60 });
    expect(nodeAt(rule, ['children', 2, 'children', 1])).toMatchObject({ days: 30 });
    expect(nodeAt(next, ['children', 0])).toBe(nodeAt(rule, ['children', 0]));
  });

  it('removes an optional field when set to undefined', () => {
    const withChannel = setField(rule, ['children', 2, 'children', 1], 'channel', 'blog');
    const without = setField(withChannel, ['children', 2, 'children', 1], 'channel', undefined);
    expect(Object.keys(nodeAt(without, ['children', 2, 'children', 1])!)).not.toContain('channel');
  });

  it('adds, moves and removes children', () => {
    const added = addChild(rule, [], { kind: 'leader', value: false });
    expect((added as { children: SegmentRule[] }).children).toHaveLength(4);
    const moved = moveAt(rule, ['children', 0], 1);
    expect(nodeAt(moved, ['children', 1])).toMatchObject({ kind: 'attribute' });
    expect(moveAt(rule, ['children', 0], -1)).toEqual(rule);
    const removed = removeAt(rule, ['children', 0]);
    expect((removed as { children: SegmentRule[] }).children.map((c) => c.kind)).toEqual(['not', 'or']);
  });

  it('removes a NOT together with its child, and never the root', () => {
    const removed = removeAt(rule, ['children', 1, 'child']);
    expect((removed as { children: SegmentRule[] }).children.map((c) => c.kind)).toEqual(['attribute', 'or']);
    expect(removeAt(rule, [])).toBe(rule);
  });

  it('switches AND and OR keeping the children, and wraps leaves into groups', () => {
    const or = changeKind(rule, 'or');
    expect(or).toEqual({ kind: 'or', children: (rule as { children: SegmentRule[] }).children });
    expect(changeKind({ kind: 'leader', value: true }, 'and')).toEqual({ kind: 'and', children: [{ kind: 'leader', value: true }] });
    expect(changeKind({ kind: 'leader', value: true }, 'tenure')).toEqual(defaultNode('tenure'));
    expect(changeKind({ kind: 'and', children: [{ kind: 'leader', value: true }] }, 'not')).toEqual({ kind: 'not', child: { kind: 'leader', value: true } });
  });

  it('wraps in NOT and unwraps', () => {
    const wrapped = toggleNot(rule, ['children', 0]);
    expect(nodeAt(wrapped, ['children', 0])).toMatchObject({ kind: 'not', child: { kind: 'attribute' } });
    expect(toggleNot(wrapped, ['children', 0])).toEqual(rule);
  });
});

describe('defaults and checks', () => {
  it('has a default for every leaf kind, valid except where only the planner knows the value', () => {
    const needsInput = new Set(['attribute', 'manager_tree', 'segment']);
    for (const kind of LEAF_KINDS) {
      const issues = checkRule(defaultNode(kind));
      expect([kind, issues.length > 0]).toEqual([kind, needsInput.has(kind)]);
    }
  });

  it('checks with the contracts: problems name the node path', () => {
    const bad = setField(rule, ['children', 2, 'children', 1], 'days', 5000);
    expect(checkRule(bad)).toEqual([{ path: 'rule.children[2].children[1].days', message: 'must be at most 730' }]);
    expect(checkRule(rule)).toEqual([]);
  });
});

describe('problems on nodes', () => {
  const issues = [
    { path: 'rule.children[2].children[1].days', message: 'must be at most 730' },
    { path: 'rule.children[2].children[1]', message: 'unknown field(s) x' },
    { path: 'rule.children[0].values[1]', message: 'must be a string' },
    { path: 'rule.children', message: 'must hold at least one rule' },
    { path: 'rule.children[9].days', message: 'gone' },
  ];

  it('gives each node its own problems and none of its descendants', () => {
    expect(issuesAt(issues, 'rule.children[2].children[1]')).toEqual({ self: ['unknown field(s) x'], fields: { days: ['must be at most 730'] } });
    expect(issuesAt(issues, 'rule.children[0]').fields).toEqual({ values: ['values[1]: must be a string'] });
    expect(issuesAt(issues, 'rule')).toEqual({ self: [], fields: { children: ['must hold at least one rule'] } });
    expect(issuesAt(issues, 'rule.children[2]')).toEqual({ self: [], fields: {} });
    // rule.children[1] must not collect rule.children[10]'s problems.
    expect(issuesAt([{ path: 'rule.children[10].days', message: 'x' }], 'rule.children[1]')).toEqual({ self: [], fields: {} });
  });

  it('lists problems whose node is gone', () => {
    expect(strayIssues(rule, issues)).toEqual([{ path: 'rule.children[9].days', message: 'gone' }]);
  });

  it('reads the server 400 lines', () => {
    expect(parseIssueLines(['rule.children[1].days: must be at most 730', 'name: a segment named "X" exists', 'Something else'])).toEqual({
      issues: [
        { path: 'rule.children[1].days', message: 'must be at most 730' },
        { path: 'name', message: 'a segment named "X" exists' },
      ],
      other: ['Something else'],
    });
  });
});

describe('nameSegmentIds', () => {
  it('puts segment names where the server wrote ids', () => {
    const names = new Map([
      ['aa-1', 'Sales'],
      ['bb-2', 'Leaders'],
    ]);
    expect(nameSegmentIds([{ path: 'rule.children[2].segment_id', message: 'refers back to aa-1 (aa-1 → bb-2 → aa-1)' }], names)).toEqual([
      { path: 'rule.children[2].segment_id', message: 'refers back to “Sales” (“Sales” → “Leaders” → “Sales”)' },
    ]);
    expect(nameSegmentIds([{ path: 'rule', message: 'x' }], new Map())).toEqual([{ path: 'rule', message: 'x' }]);
  });
});
