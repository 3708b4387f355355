import {
  EVENT_TYPES,
  PASSIVE_EVENT_TYPES,
  SegmentRuleError,
  segmentRuleReferences,
  validateSegmentRule,
  type SegmentBehaviourNode,
  type SegmentNotSinceNode,
  type SegmentRule,
} from '@hubpulse/contracts';
import { patternsSql, scoresSql } from '@hubpulse/clickhouse';
import { SEGMENT_PREVIEW_BINS, SEGMENT_PREVIEW_UNSCORED } from './segment-preview';
import { segmentMembersSql } from './segment-membership.repository';

/**
 * Segment rule → one parameterised ClickHouse SELECT of `person_id` (issue 5).
 *
 * Population: the directory (`people` FINAL). People who act on the hub without a directory row are
 * never members: segments are audiences a planner can reach and describe by department, location
 * and title, which such people lack.
 *
 * Safety: every value travels as a `{srN:Type}` query parameter; the only identifiers in the SQL are
 * the table names of the context and the columns of the closed maps below (anything else throws).
 *
 * Speed: the rule's behaviour and not_since conditions share one pass over the events of their
 * widest window (a GROUP BY actor_id with one countIf per distinct condition) — two at most: counts
 * above one need FINAL, "at least once" and "never" do not; scores and patterns are joined once
 * each, and only when the rule uses them.
 *
 * Missing data, decided here and documented in the contracts (segment-rule.schema.ts):
 * no score row on the score day → score 0 (the bottom); no pattern row in the latest week → no
 * persona/stage; no hire date → no tenure. Every leaf is a non-null boolean, so `not` is the exact
 * complement within the directory.
 */

/** The tables a rule can read (a structural subset of @hubpulse/clickhouse's Tables). */
export interface SegmentTables {
  people: string;
  events: string;
  engagement_scores: string;
  score_days: string;
  pattern_person_weeks: string;
  segment_members: string;
}

export interface SegmentCompileContext {
  tables: SegmentTables;
  /** The day the rule is evaluated on (YYYY-MM-DD): behaviour windows end on it, tenure counts to it. */
  asOf: string;
  /**
   * The current membership version of every segment the rule refers to directly
   * (SegmentMembershipRepository.currentVersions); a referenced segment without one is a SegmentRuleError.
   */
  memberVersions?: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
}

export interface CompiledSegmentSql {
  /** SELECT person_id (preview: also department, location, title, score, has_score). */
  sql: string;
  /** Query parameters, all named `sr…`: callers must not use that prefix for their own. */
  params: Record<string, unknown>;
}

export interface SegmentCompileOptions {
  /** 'members' (default): person_id only. 'preview': also the columns a preview aggregates. */
  columns?: 'members' | 'preview';
}

/** Directory attributes a rule may test, by rule field → SQL column of the population. */
export const SEGMENT_ATTRIBUTE_COLUMNS: Readonly<Record<string, string>> = Object.freeze({
  department: 'p.department',
  location: 'p.location',
  title: 'p.title',
});

/** Event filters a behaviour node may set, by rule field → events column. */
export const SEGMENT_EVENT_FILTER_COLUMNS: Readonly<Record<string, string>> = Object.freeze({
  channel: 'channel',
  purpose: 'purpose',
  content_id: 'content_id',
});

/** Score columns, by the node's `cohort` flag. */
const SCORE_COLUMNS: Readonly<Record<'org' | 'cohort', string>> = Object.freeze({ org: 's.score', cohort: 's.score_cohort' });

/** The SQL column for an allow-listed name, or a SegmentRuleError naming the path. */
export function allowListedColumn(map: Readonly<Record<string, string>>, name: string, path: string): string {
  if (!Object.prototype.hasOwnProperty.call(map, name)) {
    throw new SegmentRuleError([{ path, message: `"${name.slice(0, 40)}" is not a field a rule may use (${Object.keys(map).join(', ')})` }]);
  }
  return map[name];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const EVENT_TYPE_SET = new Set<string>(EVENT_TYPES);

/** Builds `{srN:Type}` placeholders; the only way a value enters the SQL. */
class Params {
  readonly values: Record<string, unknown> = {};
  private n = 0;
  add(value: unknown, type: 'String' | 'Array(String)' | 'UInt32' | 'UInt64' | 'Float64' | 'Bool' | 'Date'): string {
    const name = `sr${this.n++}`;
    this.values[name] = value;
    return `{${name}:${type}}`;
  }
}

/** One distinct event condition of the rule and its countIf column. */
interface EventCount {
  key: string;
  action: string;
  /** A count above one needs every event once (FINAL); "at least once" and "never" do not. */
  exact: boolean;
  column: string;
  days: number;
  condition: string;
}

class Compiler {
  readonly params = new Params();
  readonly asOf: string;
  readonly events = new Map<string, EventCount>();
  needsChain = false;
  needsScores = false;
  needsPatterns = false;
  private readonly versions: (id: string) => number | undefined;

  constructor(readonly ctx: SegmentCompileContext) {
    if (!DAY.test(ctx.asOf) || Number.isNaN(Date.parse(`${ctx.asOf}T00:00:00Z`))) throw new Error(`asOf must be a day YYYY-MM-DD, got "${ctx.asOf}"`);
    this.asOf = this.params.add(ctx.asOf, 'Date');
    const v = ctx.memberVersions;
    this.versions = v instanceof Map ? (id) => v.get(id) : (id) => (v && Object.prototype.hasOwnProperty.call(v, id) ? (v as Record<string, number>)[id] : undefined);
  }

  condition(node: SegmentRule, path: string): string {
    const P = this.params;
    switch (node.kind) {
      case 'and':
      case 'or':
        return `(${node.children.map((c, i) => this.condition(c, `${path}.children[${i}]`)).join(node.kind === 'and' ? ' AND ' : ' OR ')})`;
      case 'not':
        return `(NOT ${this.condition(node.child, `${path}.child`)})`;
      case 'attribute': {
        const col = allowListedColumn(SEGMENT_ATTRIBUTE_COLUMNS, node.field, `${path}.field`);
        const values = P.add(node.values, 'Array(String)');
        switch (node.op) {
          case 'in':
            return `has(${values}, toString(${col}))`;
          case 'not_in':
            return `(NOT has(${values}, toString(${col})))`;
          case 'contains':
            return `arrayExists(v -> positionCaseInsensitiveUTF8(toString(${col}), v) > 0, ${values})`;
          default: {
            const op: never = node.op;
            throw new SegmentRuleError([{ path: `${path}.op`, message: `unknown operator ${String(op)}` }]);
          }
        }
      }
      case 'leader':
        return `(p.is_leader = ${P.add(node.value, 'Bool')})`;
      case 'is_manager':
        return `((p.person_id IN (SELECT manager_id FROM ${this.ctx.tables.people} FINAL WHERE manager_id != '')) = ${P.add(node.value, 'Bool')})`;
      case 'tenure': {
        const tenure = `dateDiff('day', p.hired_at, ${this.asOf})`;
        const parts = [`${tenure} >= ${P.add(node.min_days ?? 0, 'UInt32')}`];
        if (node.max_days !== undefined) parts.push(`${tenure} <= ${P.add(node.max_days, 'UInt32')}`);
        return `ifNull(${parts.join(' AND ')}, false)`;
      }
      case 'manager_tree': {
        this.needsChain = true;
        const id = P.add(node.manager_id, 'String');
        return node.include_manager ? `(p.person_id = ${id} OR has(p.chain, ${id}))` : `has(p.chain, ${id})`;
      }
      case 'behaviour':
        return `(${this.eventCount(node, path).column} >= ${P.add(node.min_count, 'UInt32')})`;
      case 'not_since':
        return `(${this.eventCount(node, path).column} = 0)`;
      case 'score_band': {
        this.needsScores = true;
        const col = SCORE_COLUMNS[node.cohort ? 'cohort' : 'org'];
        return `(${col} BETWEEN ${P.add(node.min, 'Float64')} AND ${P.add(node.max, 'Float64')})`;
      }
      case 'persona':
        this.needsPatterns = true;
        return `has(${P.add(node.personas, 'Array(String)')}, w.persona)`;
      case 'stage':
        this.needsPatterns = true;
        return `has(${P.add(node.stages, 'Array(String)')}, w.stage)`;
      case 'segment': {
        const version = this.versions(node.segment_id);
        if (version === undefined) {
          throw new SegmentRuleError([{ path: `${path}.segment_id`, message: `segment ${node.segment_id} has no computed membership yet` }]);
        }
        return `(p.person_id IN (${segmentMembersSql.of(this.ctx.tables, P.add(node.segment_id, 'String'), P.add(version, 'UInt64'))}))`;
      }
      default: {
        const kind: never = node;
        throw new SegmentRuleError([{ path: `${path}.kind`, message: `unknown kind ${String((kind as { kind: unknown }).kind)}` }]);
      }
    }
  }

  /** The shared countIf column of a behaviour / not_since node (identical conditions share one). */
  private eventCount(node: SegmentBehaviourNode | SegmentNotSinceNode, path: string): EventCount {
    const filters: [string, string][] = [];
    if (node.kind === 'behaviour') {
      for (const f of ['channel', 'purpose', 'content_id'] as const) {
        const v = node[f];
        if (v !== undefined) filters.push([f, v]);
      }
    }
    const key = JSON.stringify([node.action, node.days, filters]);
    const existing = this.events.get(key);
    if (existing) {
      if (node.kind === 'behaviour' && node.min_count > 1) existing.exact = true;
      return existing;
    }
    if (node.action !== 'any' && !EVENT_TYPE_SET.has(node.action)) {
      throw new SegmentRuleError([{ path: `${path}.action`, message: `unknown action ${String(node.action).slice(0, 40)}` }]);
    }
    const P = this.params;
    const parts = [`d > ${this.asOf} - ${P.add(node.days, 'UInt32')}`];
    // "any action" is something the person did: a newsletter reaching their inbox is not.
    parts.push(node.action !== 'any' ? `type = ${P.add(node.action, 'String')}` : `type NOT IN ${P.add([...PASSIVE_EVENT_TYPES], 'Array(String)')}`);
    for (const [f, v] of filters) parts.push(`${allowListedColumn(SEGMENT_EVENT_FILTER_COLUMNS, f, `${path}.${f}`)} = ${P.add(v, 'String')}`);
    const count: EventCount = { key, action: node.action, exact: node.kind === 'behaviour' && node.min_count > 1, column: `c${this.events.size}`, days: node.days, condition: parts.join(' AND ') };
    this.events.set(key, count);
    return count;
  }

  /** The population and the joins the conditions need. */
  from(preview: boolean): string {
    const t = this.ctx.tables;
    const chain = this.needsChain
      ? // Managers above each person, up to 12 levels, by repeated lookup (as the API's manager groups).
        `, arrayFold((acc, i) -> if(acc[-1] = '', acc, arrayPushBack(acc, transform(acc[-1], m.1, m.2, ''))), range(11), [manager_id]) AS chain`
      : '';
    const withChain = this.needsChain ? `WITH (SELECT (groupArray(person_id), groupArray(manager_id)) FROM ${t.people} FINAL WHERE manager_id != '') AS m ` : '';
    let sql = `(${withChain}SELECT person_id, department, location, title, manager_id, hired_at, is_leader${chain} FROM ${t.people} FINAL) AS p`;
    // A retried event is stored twice until a merge, and FINAL counts it once; whether someone did
    // something at all (at least once, or never) does not depend on it. So counts above one are read
    // in one pass with FINAL over their widest window, the others in one pass without its merge.
    // Count columns have names unique across both passes (c0, c1, …) and are referenced unqualified.
    const all = [...this.events.values()];
    const passes = [all.filter((c) => c.exact), all.filter((c) => !c.exact)];
    passes.forEach((counts, i) => {
      if (!counts.length) return;
      const widest = this.params.add(Math.max(...counts.map((c) => c.days)), 'UInt32');
      const types = [...new Set(counts.map((c) => c.action))];
      const typeFilter = types.includes('any') ? '' : ` AND type IN ${this.params.add(types, 'Array(String)')}`;
      sql += `
  LEFT JOIN (
    SELECT actor_id, ${counts.map((c) => `countIf(${c.condition}) AS ${c.column}`).join(', ')}
    FROM (SELECT actor_id, type, channel, purpose, content_id, toDate(occurred_at) AS d FROM ${t.events}${i === 0 ? ' FINAL' : ''}
          WHERE toDate(occurred_at) > ${this.asOf} - ${widest} AND toDate(occurred_at) <= ${this.asOf}${typeFilter})
    GROUP BY actor_id
  ) AS b${i} ON b${i}.actor_id = p.person_id`;
    });
    if (this.needsScores || preview) {
      // The newest scored day on or before the as-of day, its rows from the model version that scored it.
      sql += `
  LEFT JOIN (
    ${scoresSql.current(t, `day = (SELECT max(day) FROM ${t.score_days} FINAL WHERE day <= ${this.asOf})`, 'person_id, score, score_cohort, 1 AS has_score')}
  ) AS s ON s.person_id = p.person_id`;
    }
    if (this.needsPatterns) {
      sql += `
  LEFT JOIN (
    ${patternsSql.personWeekAsOf(t, this.asOf, 'person_id, persona, stage')}
  ) AS w ON w.person_id = p.person_id`;
    }
    return sql;
  }
}

/**
 * Compiles a rule (validated again here: definitions come back from storage as JSON) into a SELECT
 * of the members on `ctx.asOf`. Throws SegmentRuleError naming the node path on any problem.
 */
export function compileSegmentRule(rule: unknown, ctx: SegmentCompileContext, opts: SegmentCompileOptions = {}): CompiledSegmentSql {
  const checked = validateSegmentRule(rule);
  if (!checked.ok) throw new SegmentRuleError(checked.issues);
  const c = new Compiler(ctx);
  const where = c.condition(checked.rule, 'rule');
  const preview = opts.columns === 'preview';
  const from = c.from(preview);
  const columns = preview
    ? 'p.person_id AS person_id, toString(p.department) AS department, toString(p.location) AS location, p.title AS title, ifNull(s.score, 0) AS score, ifNull(s.has_score, 0) AS has_score'
    : 'p.person_id AS person_id';
  // Absent joined rows read as 0 / '' (join_use_nulls = 0, the default): no count, no score, no persona.
  const sql = `SELECT ${columns}
  FROM ${from}
  WHERE ${where}`;
  return { sql, params: c.params.values };
}

/** Looks up a segment's rule for reference checks; null when no such segment exists. */
export type SegmentRuleResolver = (segmentId: string) => Promise<unknown | null> | unknown | null;

/** How many segments a chain of references may pass through. */
export const MAX_SEGMENT_REFERENCE_DEPTH = 12;

/**
 * Checks the segments a rule refers to, transitively: each must exist, and none may lead back to
 * `selfId` (the segment being defined) or around any other cycle. Errors name the node path in this
 * rule where the bad chain starts (`rule.children[1].segment_id`) and the chain itself.
 * Returns the ids referred to directly (their current versions are what compileSegmentRule needs).
 */
export async function checkSegmentReferences(rule: SegmentRule, resolve: SegmentRuleResolver, selfId?: string): Promise<string[]> {
  const direct: { id: string; path: string }[] = [];
  const walk = (n: SegmentRule, path: string) => {
    if (n.kind === 'segment') direct.push({ id: n.segment_id, path: `${path}.segment_id` });
    else if (n.kind === 'and' || n.kind === 'or') n.children.forEach((c, i) => walk(c, `${path}.children[${i}]`));
    else if (n.kind === 'not') walk(n.child, `${path}.child`);
  };
  walk(rule, 'rule');
  const refsOf = async (id: string): Promise<string[] | null> => {
    const raw = await resolve(id);
    return raw === null || raw === undefined ? null : segmentRuleReferencesOf(raw);
  };
  const cache = new Map<string, string[] | null>();
  const refs = async (id: string) => {
    if (!cache.has(id)) cache.set(id, await refsOf(id));
    return cache.get(id)!;
  };
  const issues: { path: string; message: string }[] = [];
  const cleared = new Set<string>();
  for (const { id, path } of direct) {
    // Depth-first along the chain from this reference; `chain` is the way down from the rule.
    const visit = async (at: string, chain: string[]): Promise<string | null> => {
      if (at === selfId || chain.includes(at)) return `refers back to ${at} (${[...(selfId ? [selfId] : []), ...chain, at].join(' → ')})`;
      if (cleared.has(at)) return null;
      if (chain.length >= MAX_SEGMENT_REFERENCE_DEPTH) return `references go deeper than ${MAX_SEGMENT_REFERENCE_DEPTH} segments (${[...chain, at].join(' → ')})`;
      const next = await refs(at);
      if (next === null) return chain.length === 0 ? `segment ${at} does not exist` : `segment ${at} (via ${chain.join(' → ')}) does not exist`;
      for (const n of next) {
        const problem = await visit(n, [...chain, at]);
        if (problem) return problem;
      }
      cleared.add(at);
      return null;
    };
    const problem = await visit(id, []);
    if (problem) issues.push({ path, message: problem });
  }
  if (issues.length) throw new SegmentRuleError(issues);
  return [...new Set(direct.map((d) => d.id))];
}

/** The segments a stored rule refers to directly; [] when the rule is not valid. */
export function segmentRuleReferencesOf(raw: unknown): string[] {
  const parsed = validateSegmentRule(raw);
  return parsed.ok ? segmentRuleReferences(parsed.rule) : [];
}

/**
 * The live preview of a rule in ONE query: size, population, composition by department / location /
 * title and the score bins over the members (shaped by readSegmentPreview).
 */
export function segmentPreviewQuery(rule: unknown, ctx: SegmentCompileContext): CompiledSegmentSql {
  const inner = compileSegmentRule(rule, ctx, { columns: 'preview' });
  // One aggregation state per dimension over one read of the members (GROUPING SETS was 2–3× slower here).
  const one = `[toUInt64(1)]`;
  const sql = `SELECT count() AS size, (SELECT count() FROM ${ctx.tables.people} FINAL) AS population,
       sumMap([department], ${one}) AS department, sumMap([location], ${one}) AS location, sumMap([title], ${one}) AS title,
       sumMap([if(has_score = 1, least(toUInt8(floor(score / 10)), ${SEGMENT_PREVIEW_BINS - 1}), ${SEGMENT_PREVIEW_UNSCORED})], ${one}) AS bin
FROM (${inner.sql})`;
  return { sql, params: inner.params };
}
