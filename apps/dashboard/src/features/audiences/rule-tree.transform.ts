// Editing a segment rule as a tree: paths to nodes, immutable edits, the default of each kind, and
// problems (from validateSegmentRule or the server's 400) placed on the node and field they name.

import {
  SEGMENT_RULE_KINDS,
  type SegmentRule,
  type SegmentRuleIssue,
  type SegmentRuleKind,
  segmentRulePath,
  validateSegmentRule,
} from '@hubpulse/contracts';

/** Where a node sits: [] is the root, ['children', 1, 'child'] the child of the NOT that is the root's second child. */
export type RulePath = readonly (string | number)[];

export const GROUP_KINDS = ['and', 'or', 'not'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export type LeafKind = Exclude<SegmentRuleKind, GroupKind>;

/** Every condition kind of the schema, in its order (the groups are not conditions). */
export const LEAF_KINDS: readonly LeafKind[] = SEGMENT_RULE_KINDS.filter((k): k is LeafKind => !(GROUP_KINDS as readonly string[]).includes(k));

/** Labels of the "add a condition" menu and of each node's kind. */
export const RULE_KIND_LABELS: Record<SegmentRuleKind, string> = {
  and: 'All of (AND)',
  or: 'Any of (OR)',
  not: 'None of (NOT)',
  attribute: 'Department, location or title',
  leader: 'Leader',
  is_manager: 'People manager',
  tenure: 'Tenure',
  manager_tree: 'Reports to (manager tree)',
  behaviour: 'Did an action',
  not_since: 'Has not acted since',
  score_band: 'Engagement score band',
  persona: 'Persona',
  stage: 'Ambassador stage',
  segment: 'Member of another segment',
};

export function isGroup(node: SegmentRule): node is Extract<SegmentRule, { kind: GroupKind }> {
  return node.kind === 'and' || node.kind === 'or' || node.kind === 'not';
}

/** A new node of `kind`, filled with a sensible start (empty where only the planner knows the value). */
export function defaultNode(kind: SegmentRuleKind): SegmentRule {
  switch (kind) {
    case 'and':
    case 'or':
      return { kind, children: [defaultNode('attribute')] };
    case 'not':
      return { kind, child: defaultNode('attribute') };
    case 'attribute':
      return { kind, field: 'department', op: 'in', values: [] };
    case 'leader':
      return { kind, value: true };
    case 'is_manager':
      return { kind, value: true };
    case 'tenure':
      return { kind, max_days: 90 };
    case 'manager_tree':
      return { kind, manager_id: '', include_manager: false };
    case 'behaviour':
      return { kind, action: 'comment', min_count: 3, days: 30 };
    case 'not_since':
      return { kind, action: 'any', days: 30 };
    case 'score_band':
      return { kind, min: 75, max: 100 };
    case 'persona':
      return { kind, personas: ['engager'] };
    case 'stage':
      return { kind, stages: ['ambassador'] };
    case 'segment':
      return { kind, segment_id: '' };
  }
}

/** The node at `path`, or undefined when the path leads nowhere. */
export function nodeAt(rule: SegmentRule, path: RulePath): SegmentRule | undefined {
  let node: unknown = rule;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node as SegmentRule | undefined;
}

/** A copy of `rule` with the node at `path` replaced by `fn(node)`. */
export function updateAt(rule: SegmentRule, path: RulePath, fn: (node: SegmentRule) => SegmentRule): SegmentRule {
  if (path.length === 0) return fn(rule);
  const [step, ...rest] = path;
  if (step === 'child' && rule.kind === 'not') return { ...rule, child: updateAt(rule.child, rest, fn) };
  if (step === 'children' && (rule.kind === 'and' || rule.kind === 'or')) {
    const [index, ...tail] = rest;
    if (typeof index !== 'number' || !rule.children[index]) return rule;
    return { ...rule, children: rule.children.map((c, i) => (i === index ? updateAt(c, tail, fn) : c)) };
  }
  return rule;
}

/** Sets (or, with undefined, removes) one field of the node at `path`. */
export function setField(rule: SegmentRule, path: RulePath, field: string, value: unknown): SegmentRule {
  return updateAt(rule, path, (node) => {
    const next = { ...node } as Record<string, unknown>;
    if (value === undefined) delete next[field];
    else next[field] = value;
    return next as unknown as SegmentRule;
  });
}

/** Appends a node to the AND / OR group at `groupPath`. */
export function addChild(rule: SegmentRule, groupPath: RulePath, child: SegmentRule): SegmentRule {
  return updateAt(rule, groupPath, (node) => (node.kind === 'and' || node.kind === 'or' ? { ...node, children: [...node.children, child] } : node));
}

/**
 * Removes the node at `path` from its group. A NOT without its child goes with it; the root
 * cannot be removed (it is replaced instead).
 */
export function removeAt(rule: SegmentRule, path: RulePath): SegmentRule {
  if (path.length === 0) return rule;
  const last = path[path.length - 1];
  if (last === 'child') return removeAt(rule, path.slice(0, -1));
  const parentPath = path.slice(0, -2);
  return updateAt(rule, parentPath, (parent) =>
    parent.kind === 'and' || parent.kind === 'or' ? { ...parent, children: parent.children.filter((_, i) => i !== last) } : parent,
  );
}

/** Moves the child at `path` one place up (-1) or down (+1) in its group. */
export function moveAt(rule: SegmentRule, path: RulePath, delta: -1 | 1): SegmentRule {
  const index = path[path.length - 1];
  if (typeof index !== 'number') return rule;
  return updateAt(rule, path.slice(0, -2), (parent) => {
    if (parent.kind !== 'and' && parent.kind !== 'or') return parent;
    const to = index + delta;
    if (to < 0 || to >= parent.children.length) return parent;
    const children = [...parent.children];
    [children[index], children[to]] = [children[to], children[index]];
    return { ...parent, children };
  });
}

/**
 * The node turned into another kind. AND ↔ OR keeps the children; a group becoming NOT keeps its
 * first child (the rest would be lost, so a NOT of a group wraps it instead when there are several);
 * a leaf becomes the new kind's default.
 */
export function changeKind(node: SegmentRule, kind: SegmentRuleKind): SegmentRule {
  if (node.kind === kind) return node;
  if ((kind === 'and' || kind === 'or') && (node.kind === 'and' || node.kind === 'or')) return { kind, children: node.children };
  if ((kind === 'and' || kind === 'or') && node.kind === 'not') return { kind, children: [node.child] };
  if (kind === 'not' && (node.kind === 'and' || node.kind === 'or'))
    return { kind: 'not', child: node.children.length === 1 ? node.children[0] : node };
  if (kind === 'and' || kind === 'or') return { kind, children: [node] };
  if (kind === 'not') return { kind: 'not', child: node };
  return defaultNode(kind);
}

/** Wraps the node in a NOT, or unwraps a NOT (its child takes its place). */
export function toggleNot(rule: SegmentRule, path: RulePath): SegmentRule {
  return updateAt(rule, path, (node) => (node.kind === 'not' ? node.child : { kind: 'not', child: node }));
}

/** `['children', 2, 'child']` → `rule.children[2].child`, the form problems name nodes in. */
export function pathKey(path: RulePath): string {
  return segmentRulePath(path, 'rule');
}

/**
 * A node's place as a person reads it: `['children', 1]` → "condition 2", `['children', 1, 'children', 0]`
 * → "condition 2.1" (a NOT's child counts as its .1), the root → "the rule". Names the builder's
 * controls, which every node has alike ("Move condition 2 up").
 */
export function nodeNumber(path: RulePath): string {
  const steps = path.flatMap((step) => (typeof step === 'number' ? [step + 1] : step === 'child' ? [1] : []));
  return steps.length ? `condition ${steps.join('.')}` : 'the rule';
}

/** Every node's path key, so problems naming a node that no longer exists can be told apart. */
export function allPathKeys(rule: SegmentRule, path: RulePath = []): string[] {
  const keys = [pathKey(path)];
  if (rule.kind === 'and' || rule.kind === 'or') rule.children.forEach((c, i) => keys.push(...allPathKeys(c, [...path, 'children', i])));
  else if (rule.kind === 'not' && rule.child && typeof rule.child === 'object') keys.push(...allPathKeys(rule.child, [...path, 'child']));
  return keys;
}

export interface NodeIssues {
  /** About the node as a whole (unknown kind, tenure without bounds, a cycle through a segment). */
  self: string[];
  /** By field: `days`, `values` (also `values[3]`), `children` (a group without rules). */
  fields: Record<string, string[]>;
}

const FIELD_REST = /^\.([A-Za-z_]+)(\[\d+\])?$/;

/** The problems that name the node at `key` itself or one of its own fields (not its descendants). */
export function issuesAt(issues: readonly SegmentRuleIssue[], key: string): NodeIssues {
  const out: NodeIssues = { self: [], fields: {} };
  for (const issue of issues) {
    if (issue.path === key) {
      out.self.push(issue.message);
      continue;
    }
    if (!issue.path.startsWith(key)) continue;
    const m = FIELD_REST.exec(issue.path.slice(key.length));
    // `.children[1]` and `.child` name a descendant node, not a field of this one.
    if (!m || (m[1] === 'children' && m[2]) || m[1] === 'child') continue;
    (out.fields[m[1]] ??= []).push(m[2] ? `${m[1]}${m[2]}: ${issue.message}` : issue.message);
  }
  return out;
}

export function hasIssues(n: NodeIssues): boolean {
  return n.self.length > 0 || Object.keys(n.fields).length > 0;
}

/** Problems whose node is not in the tree any more (or that name none): shown above the tree. */
export function strayIssues(rule: SegmentRule, issues: readonly SegmentRuleIssue[]): SegmentRuleIssue[] {
  const keys = allPathKeys(rule);
  return issues.filter((issue) => !keys.some((k) => hasIssues(issuesAt([issue], k))));
}

const LINE = /^((?:rule|name|description|kind|change_note|id)(?:[.[][\w.[\]]*)?): (.+)$/s;

/**
 * A 400's "where: why" lines split into problems with a path (`rule.children[1].days: must be at
 * most 730`) and the rest, which are shown as they are.
 */
export function parseIssueLines(messages: readonly string[]): { issues: SegmentRuleIssue[]; other: string[] } {
  const issues: SegmentRuleIssue[] = [];
  const other: string[] = [];
  for (const line of messages) {
    const m = LINE.exec(line);
    if (m) issues.push({ path: m[1], message: m[2] });
    else other.push(line);
  }
  return { issues, other };
}

/** Problems with the rule, as the contracts check it (the same check the API makes first). */
export function checkRule(rule: SegmentRule): SegmentRuleIssue[] {
  const r = validateSegmentRule(rule);
  return r.ok ? [] : r.issues;
}

/** Server messages name segments by id ("refers back to 3f2a…"); put their names in instead. */
export function nameSegmentIds(issues: readonly SegmentRuleIssue[], names: ReadonlyMap<string, string>): SegmentRuleIssue[] {
  if (names.size === 0) return [...issues];
  const ids = [...names.keys()].sort((a, b) => b.length - a.length).map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(ids.join('|'), 'g');
  return issues.map((i) => ({ ...i, message: i.message.replace(pattern, (id) => `“${names.get(id)}”`) }));
}
