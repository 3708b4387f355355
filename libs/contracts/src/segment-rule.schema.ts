import { z } from 'zod';
import { CHANNELS, EVENT_TYPES, PURPOSES, type Channel, type EventType, type Purpose } from './enums';
import { AMBASSADOR_STAGES, PERSONAS, type AmbassadorStage, type Persona } from './patterns.types';

/**
 * A segment rule: a tree of conditions over the directory, behaviour, scores, patterns and other
 * segments (issue 5). Browser-safe: the dashboard's rule builder, the API and the worker share it.
 * Every validation problem names the node path (`rule.children[2].min_count`) and what is wrong.
 *
 * Semantics (what the compiler implements, libs/analytics segments):
 * - population: people in the directory (`people` FINAL); people acting without a directory row
 *   are never members.
 * - `attribute` `contains`: case-insensitive substring, any of the values (each non-empty).
 * - `tenure`: days since hired_at on the as-of day; people without a hire date never match.
 * - `manager_tree`: everyone whose chain of managers (up to 12 levels) reaches `manager_id`;
 *   the manager too when `include_manager`.
 * - `behaviour`: did `action` at least `min_count` times in the `days` days ending on the as-of day
 *   (inclusive), optionally only on a channel / purpose / piece of content.
 * - `not_since`: did not do `action` ('any' = any action) in those days; includes people who never did.
 * - `score_band`: the 0–100 percentile score on the as-of day (organisation, or cohort when `cohort`),
 *   `min <= score <= max`. People without a score row that day count as score 0 (the bottom).
 * - `persona` / `stage`: persona / ambassador stage in the latest computed week of patterns;
 *   people without a row that week match nothing.
 * - `segment`: member of another segment's current membership (cycles are rejected).
 */

export const SEGMENT_RULE_LIMITS = {
  maxDepth: 12,
  maxNodes: 200,
  maxValues: 1000,
  maxString: 200,
  maxDays: 730,
  maxCount: 1_000_000,
  maxTenureDays: 36_500,
} as const;

export const SEGMENT_ATTRIBUTE_FIELDS = ['department', 'location', 'title'] as const;
export type SegmentAttributeField = (typeof SEGMENT_ATTRIBUTE_FIELDS)[number];

export const SEGMENT_ATTRIBUTE_OPS = ['in', 'not_in', 'contains'] as const;
export type SegmentAttributeOp = (typeof SEGMENT_ATTRIBUTE_OPS)[number];

export const SEGMENT_RULE_KINDS = [
  'and',
  'or',
  'not',
  'attribute',
  'leader',
  'is_manager',
  'tenure',
  'manager_tree',
  'behaviour',
  'not_since',
  'score_band',
  'persona',
  'stage',
  'segment',
] as const;
export type SegmentRuleKind = (typeof SEGMENT_RULE_KINDS)[number];

export interface SegmentAndNode {
  kind: 'and';
  children: SegmentRule[];
}
export interface SegmentOrNode {
  kind: 'or';
  children: SegmentRule[];
}
export interface SegmentNotNode {
  kind: 'not';
  child: SegmentRule;
}
export interface SegmentAttributeNode {
  kind: 'attribute';
  field: SegmentAttributeField;
  op: SegmentAttributeOp;
  values: string[];
}
export interface SegmentLeaderNode {
  kind: 'leader';
  value: boolean;
}
/** Someone in the directory has this person as manager_id. */
export interface SegmentIsManagerNode {
  kind: 'is_manager';
  value: boolean;
}
export interface SegmentTenureNode {
  kind: 'tenure';
  min_days?: number;
  max_days?: number;
}
export interface SegmentManagerTreeNode {
  kind: 'manager_tree';
  manager_id: string;
  include_manager?: boolean;
}
export interface SegmentBehaviourNode {
  kind: 'behaviour';
  action: EventType;
  min_count: number;
  days: number;
  channel?: Channel;
  purpose?: Purpose;
  content_id?: string;
}
export interface SegmentNotSinceNode {
  kind: 'not_since';
  action: EventType | 'any';
  days: number;
}
export interface SegmentScoreBandNode {
  kind: 'score_band';
  min: number;
  max: number;
  cohort?: boolean;
}
export interface SegmentPersonaNode {
  kind: 'persona';
  personas: Persona[];
}
export interface SegmentStageNode {
  kind: 'stage';
  stages: AmbassadorStage[];
}
export interface SegmentRefNode {
  kind: 'segment';
  segment_id: string;
}

export type SegmentRule =
  | SegmentAndNode
  | SegmentOrNode
  | SegmentNotNode
  | SegmentAttributeNode
  | SegmentLeaderNode
  | SegmentIsManagerNode
  | SegmentTenureNode
  | SegmentManagerTreeNode
  | SegmentBehaviourNode
  | SegmentNotSinceNode
  | SegmentScoreBandNode
  | SegmentPersonaNode
  | SegmentStageNode
  | SegmentRefNode;

const L = SEGMENT_RULE_LIMITS;
const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;
const text = z
  .string({ error: 'must be a string' })
  .min(1, 'must not be empty')
  .max(L.maxString, `must be at most ${L.maxString} characters`);
const int = (min: number, max: number) =>
  z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
const bool = z.boolean({ error: 'must be true or false' });
const days = int(1, L.maxDays);
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item, { error: 'must be an array' })
    .min(1, 'must hold at least one value')
    .max(L.maxValues, `must hold at most ${L.maxValues} values`);
const node = <S extends z.core.$ZodLooseShape>(shape: S) =>
  z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown field(s) ${iss.keys.join(', ')}` : 'must be an object'),
  });

const children = () =>
  z
    .array(z.lazy(() => segmentRuleSchema), { error: 'must be an array of rules' })
    .min(1, 'must hold at least one rule')
    .max(L.maxNodes, `must hold at most ${L.maxNodes} rules`);

const nodeSchemas = [
  node({ kind: z.literal('and'), children: children() }),
  node({ kind: z.literal('or'), children: children() }),
  node({ kind: z.literal('not'), child: z.lazy(() => segmentRuleSchema) }),
  node({
    kind: z.literal('attribute'),
    field: z.enum(SEGMENT_ATTRIBUTE_FIELDS, { error: oneOf(SEGMENT_ATTRIBUTE_FIELDS) }),
    op: z.enum(SEGMENT_ATTRIBUTE_OPS, { error: oneOf(SEGMENT_ATTRIBUTE_OPS) }),
    // Empty strings are allowed for in / not_in: "department in ['']" finds people without one.
    values: list(z.string({ error: 'must be a string' }).max(L.maxString, `must be at most ${L.maxString} characters`)),
  }).superRefine((n, ctx) => {
    // '' is a substring of everything: a contains on it would silently select everyone.
    if (n.op === 'contains') n.values.forEach((v, i) => v === '' && ctx.addIssue({ code: 'custom', path: ['values', i], message: 'must not be empty for contains' }));
  }),
  node({ kind: z.literal('leader'), value: bool }),
  node({ kind: z.literal('is_manager'), value: bool }),
  node({ kind: z.literal('tenure'), min_days: int(0, L.maxTenureDays).optional(), max_days: int(0, L.maxTenureDays).optional() })
    .refine((n) => n.min_days !== undefined || n.max_days !== undefined, { error: 'needs min_days or max_days (or both)' })
    .refine((n) => n.min_days === undefined || n.max_days === undefined || n.min_days <= n.max_days, {
      error: 'min_days must not exceed max_days',
      path: ['min_days'],
    }),
  node({ kind: z.literal('manager_tree'), manager_id: text, include_manager: bool.optional() }),
  node({
    kind: z.literal('behaviour'),
    action: z.enum(EVENT_TYPES, { error: oneOf(EVENT_TYPES) }),
    min_count: int(1, L.maxCount),
    days,
    channel: z.enum(CHANNELS, { error: oneOf(CHANNELS) }).optional(),
    purpose: z.enum(PURPOSES, { error: oneOf(PURPOSES) }).optional(),
    content_id: text.optional(),
  }),
  node({
    kind: z.literal('not_since'),
    action: z.enum([...EVENT_TYPES, 'any'], { error: oneOf([...EVENT_TYPES, 'any']) }),
    days,
  }),
  node({
    kind: z.literal('score_band'),
    min: z.number({ error: 'must be a number' }).min(0, 'must be at least 0').max(100, 'must be at most 100'),
    max: z.number({ error: 'must be a number' }).min(0, 'must be at least 0').max(100, 'must be at most 100'),
    cohort: bool.optional(),
  }).refine((n) => n.min <= n.max, { error: 'min must not exceed max', path: ['min'] }),
  node({ kind: z.literal('persona'), personas: list(z.enum(PERSONAS, { error: oneOf(PERSONAS) })) }),
  node({ kind: z.literal('stage'), stages: list(z.enum(AMBASSADOR_STAGES, { error: oneOf(AMBASSADOR_STAGES) })) }),
  node({ kind: z.literal('segment'), segment_id: text }),
] as const;

/** The zod schema of one rule node (recursive). Prefer `validateSegmentRule`, which also checks the limits. */
export const segmentRuleSchema: z.ZodType<SegmentRule> = z.discriminatedUnion('kind', nodeSchemas, {
  error: (iss) =>
    iss.code === 'invalid_union' ? oneOf(SEGMENT_RULE_KINDS) : iss.code === 'invalid_type' ? 'must be a rule: an object with a kind' : undefined,
}) as unknown as z.ZodType<SegmentRule>;

/** One problem with a rule: where (`rule.children[2].min_count`) and what. */
export interface SegmentRuleIssue {
  path: string;
  message: string;
}

export type SegmentRuleValidation = { ok: true; rule: SegmentRule } | { ok: false; issues: SegmentRuleIssue[] };

/** A rule that cannot be used; `issues` name each bad node. Domain code: SEGMENT_RULE_INVALID (a 400). */
export class SegmentRuleError extends Error {
  readonly code = 'SEGMENT_RULE_INVALID';
  constructor(readonly issues: SegmentRuleIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.name = 'SegmentRuleError';
  }
  /** "where: why" lines, the shape of the API's 400 messages. */
  get lines(): string[] {
    return this.issues.map((i) => `${i.path}: ${i.message}`);
  }
}

/** `['children', 2, 'min_count']` → `rule.children[2].min_count`. */
export function segmentRulePath(path: readonly PropertyKey[], root = 'rule'): string {
  let out = root;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}

/**
 * Bounds the raw input before the recursive parse, so a hostile tree (a million nodes, ten thousand
 * levels) is refused after a few hundred steps instead of exhausting the stack.
 */
function checkShape(input: unknown, root: string): SegmentRuleIssue[] {
  const stack: { value: unknown; path: (string | number)[]; depth: number }[] = [{ value: input, path: [], depth: 1 }];
  let nodes = 0;
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    nodes += 1;
    if (depth > L.maxDepth) return [{ path: segmentRulePath(path, root), message: `rule is nested deeper than ${L.maxDepth} levels` }];
    if (nodes > L.maxNodes) return [{ path: root, message: `rule has more than ${L.maxNodes} nodes` }];
    const v = value as { children?: unknown; child?: unknown };
    if (Array.isArray(v.children)) {
      if (v.children.length > L.maxNodes) return [{ path: segmentRulePath([...path, 'children'], root), message: `must hold at most ${L.maxNodes} rules` }];
      v.children.forEach((c, i) => stack.push({ value: c, path: [...path, 'children', i], depth: depth + 1 }));
    }
    if (v.child !== undefined) stack.push({ value: v.child, path: [...path, 'child'], depth: depth + 1 });
  }
  return [];
}

/** Checks a rule: shape, limits and every field; issues name the node path under `root`. */
export function validateSegmentRule(input: unknown, root = 'rule'): SegmentRuleValidation {
  const shape = checkShape(input, root);
  if (shape.length) return { ok: false, issues: shape };
  const r = segmentRuleSchema.safeParse(input);
  if (r.success) return { ok: true, rule: r.data };
  const seen = new Set<string>();
  const issues: SegmentRuleIssue[] = [];
  for (const issue of r.error.issues) {
    const item = { path: segmentRulePath(issue.path, root), message: issue.message };
    const key = `${item.path}\u0000${item.message}`;
    if (!seen.has(key)) issues.push(item), seen.add(key);
  }
  return { ok: false, issues };
}

/** The rule, or a SegmentRuleError naming every bad node. */
export function parseSegmentRule(input: unknown, root = 'rule'): SegmentRule {
  const r = validateSegmentRule(input, root);
  if (!r.ok) throw new SegmentRuleError(r.issues);
  return r.rule;
}

/** Visits every node depth-first with its path (`rule.children[0].child`). */
export function walkSegmentRule(rule: SegmentRule, visit: (node: SegmentRule, path: string) => void, root = 'rule'): void {
  visit(rule, root);
  if (rule.kind === 'and' || rule.kind === 'or') rule.children.forEach((c, i) => walkSegmentRule(c, visit, `${root}.children[${i}]`));
  else if (rule.kind === 'not') walkSegmentRule(rule.child, visit, `${root}.child`);
}

/** The ids of the segments a rule refers to (directly), each once. */
export function segmentRuleReferences(rule: SegmentRule): string[] {
  const ids = new Set<string>();
  walkSegmentRule(rule, (n) => {
    if (n.kind === 'segment') ids.add(n.segment_id);
  });
  return [...ids];
}
