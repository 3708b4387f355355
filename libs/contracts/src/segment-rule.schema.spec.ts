import { parseSegmentRule, SEGMENT_RULE_KINDS, SegmentRuleError, segmentRuleReferences, validateSegmentRule, walkSegmentRule, type SegmentRule } from './segment-rule.schema';

const issues = (input: unknown) => {
  const r = validateSegmentRule(input);
  if (r.ok) throw new Error('expected the rule to be refused');
  return r.issues.map((i) => `${i.path}: ${i.message}`);
};

/** A chain of `n` nested `not` nodes around a leaf. */
const nested = (n: number): unknown => {
  let rule: unknown = { kind: 'leader', value: true };
  for (let i = 0; i < n; i++) rule = { kind: 'not', child: rule };
  return rule;
};

describe('segment rule schema', () => {
  it('accepts every node kind', () => {
    const rule: SegmentRule = {
      kind: 'and',
      children: [
        { kind: 'or', children: [{ kind: 'attribute', field: 'department', op: 'in', values: ['eng'] }, { kind: 'leader', value: true }] },
        { kind: 'not', child: { kind: 'is_manager', value: false } },
        { kind: 'tenure', min_days: 0, max_days: 90 },
        { kind: 'manager_tree', manager_id: 'p1', include_manager: true },
        { kind: 'behaviour', action: 'post', min_count: 1, days: 730, channel: 'blog', purpose: 'inform', content_id: 'c1' },
        { kind: 'not_since', action: 'any', days: 30 },
        { kind: 'score_band', min: 0, max: 100, cohort: true },
        { kind: 'persona', personas: ['observer'] },
        { kind: 'stage', stages: ['ambassador'] },
        { kind: 'segment', segment_id: 'seg-1' },
      ],
    };
    expect(validateSegmentRule(rule)).toEqual({ ok: true, rule });
    const kinds: string[] = [];
    walkSegmentRule(rule, (n) => kinds.push(n.kind));
    expect(new Set(kinds)).toEqual(new Set(SEGMENT_RULE_KINDS));
    expect(segmentRuleReferences(rule)).toEqual(['seg-1']);
  });

  it('names the node path and what is wrong', () => {
    expect(
      issues({
        kind: 'and',
        children: [
          { kind: 'leader', value: true },
          { kind: 'or', children: [{ kind: 'behaviour', action: 'post', min_count: 0, days: 7 }] },
          { kind: 'attribute', field: 'salary', op: 'in', values: [] },
          { kind: 'bogus' },
        ],
      }),
    ).toEqual([
      'rule.children[1].children[0].min_count: must be at least 1',
      'rule.children[2].field: must be one of department, location, title',
      'rule.children[2].values: must hold at least one value',
      'rule.children[3].kind: must be one of and, or, not, attribute, leader, is_manager, tenure, manager_tree, behaviour, not_since, score_band, persona, stage, segment',
    ]);
    expect(issues({ kind: 'tenure' })).toEqual(['rule: needs min_days or max_days (or both)']);
    expect(issues({ kind: 'tenure', min_days: 10, max_days: 5 })).toEqual(['rule.min_days: min_days must not exceed max_days']);
    expect(issues({ kind: 'score_band', min: 60, max: 40 })).toEqual(['rule.min: min must not exceed max']);
    expect(issues({ kind: 'score_band', min: -1, max: 101 })).toEqual(['rule.min: must be at least 0', 'rule.max: must be at most 100']);
    expect(issues({ kind: 'behaviour', action: 'post', min_count: 1.5, days: 731 })).toEqual(['rule.min_count: must be a whole number', 'rule.days: must be at most 730']);
    expect(issues({ kind: 'not_since', action: 'jump', days: 0 })).toEqual([
      'rule.action: must be one of view, react, comment, post, share, doc_share, task_update, answer, feedback, newsletter_send, newsletter_open, newsletter_click, any',
      'rule.days: must be at least 1',
    ]);
    expect(issues({ kind: 'persona', personas: ['observer', 'lurker'] })).toEqual(['rule.personas[1]: must be one of inactive, observer, responder, broadcaster, engager, catalyst']);
    expect(issues({ kind: 'or', children: [] })).toEqual(['rule.children: must hold at least one rule']);
    expect(issues({ kind: 'attribute', field: 'title', op: 'contains', values: ['lead', ''] })).toEqual(['rule.values[1]: must not be empty for contains']);
    expect(validateSegmentRule({ kind: 'attribute', field: 'title', op: 'in', values: [''] }).ok).toBe(true);
    expect(issues('department = eng')).toEqual(['rule: must be a rule: an object with a kind']);
    expect(issues({ kind: 'not', child: null })).toEqual(['rule.child: must be a rule: an object with a kind']);
  });

  it('refuses field names and fields that are not in the schema', () => {
    expect(issues({ kind: 'attribute', field: 'department) OR 1=1 --', op: 'in', values: ['x'] })).toEqual(['rule.field: must be one of department, location, title']);
    expect(issues({ kind: 'attribute', field: 'department', op: 'in', values: ['x'], column: 'salary' })).toEqual(['rule: unknown field(s) column']);
    expect(issues({ kind: 'attribute', field: '__proto__', op: 'in', values: ['x'] })).toEqual(['rule.field: must be one of department, location, title']);
    expect(issues({ kind: 'attribute', field: 'title', op: 'LIKE', values: ['x'] })).toEqual(['rule.op: must be one of in, not_in, contains']);
    expect(issues({ kind: 'behaviour', action: 'post', min_count: 1, days: 7, channel: "blog' OR '1'='1" })).toEqual([
      'rule.channel: must be one of blog, newsletter, microblog, ceo_blog, documents, tasks, qa',
    ]);
  });

  it('enforces the limits: depth 12, 200 nodes, 1000 values, 200 characters', () => {
    expect(validateSegmentRule(nested(11)).ok).toBe(true); // 12 levels
    expect(issues(nested(12))).toEqual([`rule${'.child'.repeat(12)}: rule is nested deeper than 12 levels`]);
    expect(issues(nested(100_000))).toHaveLength(1); // refused before the recursive parse
    const leaves = (n: number) => ({ kind: 'or', children: Array.from({ length: n }, () => ({ kind: 'leader', value: true })) });
    expect(validateSegmentRule(leaves(199)).ok).toBe(true);
    expect(issues(leaves(200))).toEqual(['rule: rule has more than 200 nodes']);
    const values = (n: number, len = 3) => ({ kind: 'attribute', field: 'title', op: 'in', values: Array.from({ length: n }, (_, i) => String(i).padStart(len, '0')) });
    expect(validateSegmentRule(values(1000)).ok).toBe(true);
    expect(issues(values(1001))).toEqual(['rule.values: must hold at most 1000 values']);
    expect(validateSegmentRule(values(1, 200)).ok).toBe(true);
    expect(issues(values(1, 201))).toEqual(['rule.values[0]: must be at most 200 characters']);
    expect(issues({ kind: 'manager_tree', manager_id: 'x'.repeat(201) })).toEqual(['rule.manager_id: must be at most 200 characters']);
  });

  it('throws a SegmentRuleError with code and lines', () => {
    let err: unknown;
    try {
      parseSegmentRule({ kind: 'leader' }, 'body.rule');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SegmentRuleError);
    expect((err as SegmentRuleError).code).toBe('SEGMENT_RULE_INVALID');
    expect((err as SegmentRuleError).lines).toEqual(['body.rule.value: must be true or false']);
  });
});
