import { SegmentRuleError, type SegmentRule } from '@hubpulse/contracts';
import { readSegmentPreview, type SegmentPreviewRow } from './segment-preview';
import {
  allowListedColumn,
  checkSegmentReferences,
  compileSegmentRule,
  SEGMENT_ATTRIBUTE_COLUMNS,
  SEGMENT_EVENT_FILTER_COLUMNS,
  segmentPreviewQuery,
  type SegmentCompileContext,
} from './segment-rule.compiler';
import { STARTER_SEGMENTS } from './starter-segments';

const tables = {
  people: 'db.people',
  events: 'db.events',
  engagement_scores: 'db.engagement_scores',
  score_days: 'db.score_days',
  pattern_person_weeks: 'db.pattern_person_weeks',
  segment_members: 'db.segment_members',
};
const ctx: SegmentCompileContext = { tables, asOf: '2026-03-10', memberVersions: new Map([['seg-1', 7]]) };
const compile = (rule: unknown, c: Partial<SegmentCompileContext> = {}) => compileSegmentRule(rule, { ...ctx, ...c });
/** The SQL with every `{srN:Type}` replaced by the JSON of its value: what the engine evaluates. */
const bound = (q: { sql: string; params: Record<string, unknown> }) => q.sql.replace(/\{(sr\d+):[^}]+\}/g, (_, n: string) => JSON.stringify(q.params[n]));
const thrown = (f: () => unknown): SegmentRuleError => {
  try {
    f();
  } catch (e) {
    if (e instanceof SegmentRuleError) return e;
    throw e;
  }
  throw new Error('expected a SegmentRuleError');
};
const occurrences = (s: string, part: string) => s.split(part).length - 1;

describe('segment rule compiler', () => {
  const leaf: Record<string, [SegmentRule, string]> = {
    attribute_in: [{ kind: 'attribute', field: 'department', op: 'in', values: ['eng', 'ops'] }, 'has(["eng","ops"], toString(p.department))'],
    attribute_not_in: [{ kind: 'attribute', field: 'location', op: 'not_in', values: ['oslo'] }, '(NOT has(["oslo"], toString(p.location)))'],
    attribute_contains: [{ kind: 'attribute', field: 'title', op: 'contains', values: ['lead'] }, 'arrayExists(v -> positionCaseInsensitiveUTF8(toString(p.title), v) > 0, ["lead"])'],
    leader: [{ kind: 'leader', value: true }, '(p.is_leader = true)'],
    is_manager: [{ kind: 'is_manager', value: false }, "((p.person_id IN (SELECT manager_id FROM db.people FINAL WHERE manager_id != '')) = false)"],
    tenure: [{ kind: 'tenure', min_days: 30, max_days: 90 }, `ifNull(dateDiff('day', p.hired_at, "2026-03-10") >= 30 AND dateDiff('day', p.hired_at, "2026-03-10") <= 90, false)`],
    tenure_max_only: [{ kind: 'tenure', max_days: 90 }, `ifNull(dateDiff('day', p.hired_at, "2026-03-10") >= 0 AND dateDiff('day', p.hired_at, "2026-03-10") <= 90, false)`],
    manager_tree: [{ kind: 'manager_tree', manager_id: 'm1' }, 'has(p.chain, "m1")'],
    manager_tree_incl: [{ kind: 'manager_tree', manager_id: 'm1', include_manager: true }, '(p.person_id = "m1" OR has(p.chain, "m1"))'],
    behaviour: [{ kind: 'behaviour', action: 'post', min_count: 3, days: 28, channel: 'blog', purpose: 'inform', content_id: 'c1' }, '(c0 >= 3)'],
    not_since: [{ kind: 'not_since', action: 'any', days: 30 }, '(c0 = 0)'],
    score_band: [{ kind: 'score_band', min: 20, max: 80 }, '(s.score BETWEEN 20 AND 80)'],
    score_band_cohort: [{ kind: 'score_band', min: 20, max: 80, cohort: true }, '(s.score_cohort BETWEEN 20 AND 80)'],
    persona: [{ kind: 'persona', personas: ['observer', 'engager'] }, 'has(["observer","engager"], w.persona)'],
    stage: [{ kind: 'stage', stages: ['ambassador'] }, 'has(["ambassador"], w.stage)'],
    segment: [{ kind: 'segment', segment_id: 'seg-1' }, '(p.person_id IN (SELECT person_id FROM db.segment_members WHERE segment_id = "seg-1" AND version = 7))'],
  };

  it.each(Object.entries(leaf))('compiles %s', (_name, [rule, condition]) => {
    const q = compile(rule);
    expect(bound(q)).toContain(`WHERE ${condition}`);
    expect(q.sql.startsWith('SELECT p.person_id AS person_id\n')).toBe(true);
    expect(q.sql).toContain('FROM db.people FINAL) AS p');
  });

  it('combines and / or / not with parentheses', () => {
    const q = compile({
      kind: 'or',
      children: [
        { kind: 'and', children: [{ kind: 'leader', value: true }, { kind: 'not', child: { kind: 'is_manager', value: true } }] },
        { kind: 'not', child: { kind: 'or', children: [{ kind: 'leader', value: false }] } },
      ],
    });
    expect(bound(q)).toContain(
      "WHERE (((p.is_leader = true) AND (NOT ((p.person_id IN (SELECT manager_id FROM db.people FINAL WHERE manager_id != '')) = true))) OR (NOT ((p.is_leader = false))))",
    );
  });

  it('joins the events, scores, patterns and manager chain only when the rule uses them', () => {
    const plain = compile({ kind: 'leader', value: true }).sql;
    for (const part of ['db.events', 'db.engagement_scores', 'db.pattern_person_weeks', 'arrayFold']) expect(plain).not.toContain(part);
    expect(compile({ kind: 'score_band', min: 0, max: 5 }).sql).toContain('db.engagement_scores');
    expect(compile({ kind: 'persona', personas: ['observer'] }).sql).toContain('db.pattern_person_weeks');
    expect(compile({ kind: 'manager_tree', manager_id: 'x' }).sql).toContain('arrayFold');
    // the preview always has the score for its distribution
    expect(compile({ kind: 'leader', value: true }, {}).sql).not.toContain('has_score');
    expect(compileSegmentRule({ kind: 'leader', value: true }, ctx, { columns: 'preview' }).sql).toContain('ifNull(s.has_score, 0) AS has_score');
  });

  it('reads the events once for every behaviour condition, sharing identical ones', () => {
    const q = compile({
      kind: 'and',
      children: [
        { kind: 'behaviour', action: 'post', min_count: 1, days: 7 },
        { kind: 'or', children: [{ kind: 'behaviour', action: 'comment', min_count: 1, days: 90, channel: 'blog' }, { kind: 'not_since', action: 'view', days: 30 }] },
        { kind: 'not', child: { kind: 'behaviour', action: 'post', min_count: 1, days: 7 } },
      ],
    });
    const sql = bound(q);
    expect(occurrences(q.sql, 'db.events')).toBe(1);
    expect(occurrences(q.sql, 'countIf(')).toBe(3);
    // "at least once" and "never" cannot change with a retried copy: no FINAL
    expect(sql).toContain('FROM db.events\n          WHERE toDate(occurred_at) > "2026-03-10" - 90 AND toDate(occurred_at) <= "2026-03-10" AND type IN ["post","comment","view"]');
    expect(sql).toContain('countIf(d > "2026-03-10" - 7 AND type = "post") AS c0');
    expect(sql).toContain('countIf(d > "2026-03-10" - 90 AND type = "comment" AND channel = "blog") AS c1');
    expect(sql).toContain('(c0 >= 1) AND ((c1 >= 1) OR (c2 = 0)) AND (NOT (c0 >= 1))');
    expect(bound(compile(leaf.behaviour[0]))).toContain('countIf(d > "2026-03-10" - 28 AND type = "post" AND channel = "blog" AND purpose = "inform" AND content_id = "c1") AS c0');
    // 'any' reads every type
    expect(compile({ kind: 'not_since', action: 'any', days: 5 }).sql).not.toContain('type IN');
  });

  it('reads counts above one with FINAL (a retried event counts once), in a second pass over their own window', () => {
    const q = compile({
      kind: 'or',
      children: [
        { kind: 'behaviour', action: 'react', min_count: 2, days: 28 },
        { kind: 'behaviour', action: 'feedback', min_count: 1, days: 365 },
        { kind: 'behaviour', action: 'feedback', min_count: 3, days: 365 },
      ],
    });
    const sql = bound(q);
    // the feedback condition became exact when the second node asked for three: one FINAL pass for all
    expect(occurrences(q.sql, 'db.events')).toBe(1);
    expect(sql).toContain('FROM db.events FINAL\n          WHERE toDate(occurred_at) > "2026-03-10" - 365 AND toDate(occurred_at) <= "2026-03-10" AND type IN ["react","feedback"]');
    expect(sql).toContain('((c0 >= 2) OR (c1 >= 1) OR (c1 >= 3))');
    expect(occurrences(compile({ kind: 'behaviour', action: 'react', min_count: 2, days: 28 }).sql, 'db.events')).toBe(1);
    const mixed = bound(compile({ kind: 'and', children: [{ kind: 'behaviour', action: 'react', min_count: 2, days: 28 }, { kind: 'not_since', action: 'any', days: 365 }] }));
    expect(mixed).toContain('FROM db.events FINAL\n          WHERE toDate(occurred_at) > "2026-03-10" - 28');
    expect(mixed).toContain('FROM db.events\n          WHERE toDate(occurred_at) > "2026-03-10" - 365 AND toDate(occurred_at) <= "2026-03-10")');
    expect(mixed).toContain(') AS b0 ON b0.actor_id = p.person_id');
    expect(mixed).toContain(') AS b1 ON b1.actor_id = p.person_id');
  });

  it('passes hostile values as parameters only: they never appear in the SQL text', () => {
    const evil = ["x' OR 1=1 --", "'); DROP TABLE db.people; --", '} {sr0:String}', '\\\' UNION SELECT 1', "eng`; SELECT 1"];
    const rule: SegmentRule = {
      kind: 'or',
      children: [
        { kind: 'attribute', field: 'department', op: 'in', values: evil },
        { kind: 'attribute', field: 'title', op: 'contains', values: evil },
        ...evil.map((e): SegmentRule => ({ kind: 'manager_tree', manager_id: e, include_manager: true })),
        ...evil.map((e): SegmentRule => ({ kind: 'behaviour', action: 'view', min_count: 1, days: 7, content_id: e })),
        { kind: 'segment', segment_id: evil[1] },
      ],
    };
    const q = compile(rule, { memberVersions: { [evil[1]]: 3 } });
    for (const e of evil) expect(q.sql).not.toContain(e);
    expect(q.sql).not.toContain('DROP');
    expect(q.sql).not.toContain('UNION');
    expect(Object.values(q.params)).toEqual(expect.arrayContaining([evil, ...evil]));
    // every placeholder is a plain sr<N> name with a closed type, and every one has a value
    const placeholders = [...q.sql.matchAll(/\{([^}:]+):([^}]+)\}/g)];
    for (const [, name, type] of placeholders) {
      expect(name).toMatch(/^sr\d+$/);
      expect(['String', 'Array(String)', 'UInt32', 'UInt64', 'Float64', 'Bool', 'Date']).toContain(type);
      expect(q.params).toHaveProperty(name);
    }
  });

  it('refuses field names outside the allow-list, before and inside the compiler', () => {
    expect(thrown(() => compile({ kind: 'attribute', field: 'department); DROP TABLE x; --', op: 'in', values: ['a'] })).issues).toEqual([
      { path: 'rule.field', message: 'must be one of department, location, title' },
    ]);
    expect(thrown(() => compile({ kind: 'attribute', field: 'salary', op: 'in', values: ['a'] })).lines).toEqual(['rule.field: must be one of department, location, title']);
    expect(thrown(() => compile({ kind: 'behaviour', action: 'post', min_count: 1, days: 7, properties: "x') --" })).lines).toEqual(['rule: unknown field(s) properties']);
    expect(thrown(() => compile({ kind: 'raw_sql', sql: 'SELECT 1' })).lines[0]).toMatch(/^rule\.kind: must be one of/);
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'email', 'p.department', 'department ']) {
      expect(() => allowListedColumn(SEGMENT_ATTRIBUTE_COLUMNS, name, 'rule.field')).toThrow(SegmentRuleError);
      expect(() => allowListedColumn(SEGMENT_EVENT_FILTER_COLUMNS, name, 'rule.channel')).toThrow(SegmentRuleError);
    }
    expect(allowListedColumn(SEGMENT_ATTRIBUTE_COLUMNS, 'title', 'rule.field')).toBe('p.title');
    expect(Object.isFrozen(SEGMENT_ATTRIBUTE_COLUMNS)).toBe(true);
  });

  it('needs the membership version of every referenced segment and a real as-of day', () => {
    expect(thrown(() => compile({ kind: 'and', children: [{ kind: 'leader', value: true }, { kind: 'segment', segment_id: 'other' }] })).lines).toEqual([
      'rule.children[1].segment_id: segment other has no computed membership yet',
    ]);
    expect(() => compile({ kind: 'leader', value: true }, { asOf: "2026-03-10' OR 1=1" })).toThrow('asOf must be a day');
  });

  it('compiles the starter segments', () => {
    for (const s of STARTER_SEGMENTS) expect(() => compile(s.rule)).not.toThrow();
    expect(STARTER_SEGMENTS.map((s) => s.key)).toEqual(['observers', 'contributors', 'ambassadors', 'new_joiners', 'people_managers', 'leaders']);
  });
});

describe('segment references', () => {
  const rules: Record<string, SegmentRule> = {
    a: { kind: 'segment', segment_id: 'b' },
    b: { kind: 'and', children: [{ kind: 'leader', value: true }, { kind: 'segment', segment_id: 'c' }] },
    c: { kind: 'leader', value: true },
    loop1: { kind: 'segment', segment_id: 'loop2' },
    loop2: { kind: 'not', child: { kind: 'segment', segment_id: 'loop1' } },
  };
  const resolve = async (id: string) => rules[id] ?? null;

  it('returns the direct references when every chain ends', async () => {
    await expect(checkSegmentReferences({ kind: 'or', children: [rules.a, rules.b, { kind: 'segment', segment_id: 'b' }] }, resolve, 'new')).resolves.toEqual(['b', 'c']);
  });

  it('names the path of a cycle back to the segment itself, or elsewhere, and of unknown segments', async () => {
    const err = (rule: SegmentRule, self?: string) => checkSegmentReferences(rule, resolve, self).catch((e: SegmentRuleError) => e.lines);
    await expect(err({ kind: 'and', children: [{ kind: 'leader', value: true }, { kind: 'segment', segment_id: 'a' }] }, 'c')).resolves.toEqual([
      'rule.children[1].segment_id: refers back to c (c → a → b → c)',
    ]);
    await expect(err({ kind: 'segment', segment_id: 'me' }, 'me')).resolves.toEqual(['rule.segment_id: refers back to me (me → me)']);
    await expect(err({ kind: 'not', child: { kind: 'segment', segment_id: 'loop1' } }, 'x')).resolves.toEqual([
      'rule.child.segment_id: refers back to loop1 (x → loop1 → loop2 → loop1)',
    ]);
    await expect(err({ kind: 'or', children: [{ kind: 'segment', segment_id: 'gone' }, { kind: 'segment', segment_id: 'c' }] })).resolves.toEqual([
      'rule.children[0].segment_id: segment gone does not exist',
    ]);
  });

  it('limits chains to 12 segments', async () => {
    const chain = (id: string): SegmentRule | null => {
      const n = Number(id.slice(1));
      return n < 20 ? { kind: 'segment', segment_id: `s${n + 1}` } : { kind: 'leader', value: true };
    };
    await expect(checkSegmentReferences({ kind: 'segment', segment_id: 's9' }, chain)).resolves.toEqual(['s9']);
    await expect(checkSegmentReferences({ kind: 'segment', segment_id: 's0' }, chain)).rejects.toThrow('references go deeper than 12 segments');
  });
});

describe('segment preview', () => {
  it('aggregates the compiled members once, one sumMap per dimension', () => {
    const q = segmentPreviewQuery({ kind: 'leader', value: true }, ctx);
    expect(occurrences(q.sql, 'sumMap(')).toBe(4);
    expect(occurrences(q.sql, 'FROM db.people FINAL')).toBe(2); // the members, and the population
  });

  it('shapes the row: top values, the rest, score bins and the unscored', () => {
    const row: SegmentPreviewRow = {
      size: '12',
      population: '100',
      department: [['', 'eng', 'ops'], ['2', '7', '3']],
      location: [['oslo'], ['12']],
      title: [['b', 'a'], [6, 6]],
      bin: [[0, 9, 255], ['4', '5', '3']],
    };
    expect(readSegmentPreview([], 2)).toMatchObject({ size: 0, population: 0, score: { unscored: 0 } });
    expect(readSegmentPreview([row], 2)).toEqual({
      size: 12,
      population: 100,
      composition: {
        department: { values: [{ value: 'eng', count: 7 }, { value: 'ops', count: 3 }], other: 2, distinct: 3 },
        location: { values: [{ value: 'oslo', count: 12 }], other: 0, distinct: 1 },
        title: { values: [{ value: 'a', count: 6 }, { value: 'b', count: 6 }], other: 0, distinct: 2 },
      },
      score: {
        bins: [4, 0, 0, 0, 0, 0, 0, 0, 0, 5].map((count, i) => ({ from: i * 10, to: i * 10 + 10, count })),
        unscored: 3,
      },
    });
  });
});
