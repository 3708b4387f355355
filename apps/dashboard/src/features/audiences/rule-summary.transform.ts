// A rule in words: one line for tables, an indented outline for the edit history.

import { ACTION_VERBS, ATTRIBUTE_FIELD_LABELS, CHANNEL_LABELS, PURPOSE_LABELS, personaLabel, stageLabel, type SegmentRule } from '@hubpulse/contracts';

/** Segment names by id, for "member of “Leaders”"; people names by id, for "reports to Ana Silva". */
export interface SummaryNames {
  segments?: ReadonlyMap<string, string>;
  people?: ReadonlyMap<string, string>;
}

export interface OutlineLine {
  depth: number;
  text: string;
}

const quote = (s: string) => `“${s}”`;

function list(values: readonly string[], joiner: 'or' | 'and' = 'or'): string {
  if (values.length <= 1) return values.join('');
  if (values.length > 6) return `${values.slice(0, 5).join(', ')} ${joiner} ${values.length - 5} more`;
  return `${values.slice(0, -1).join(', ')} ${joiner} ${values[values.length - 1]}`;
}

const days = (n: number) => (n === 1 ? 'the last day' : `the last ${n} days`);
const times = (n: number) => (n === 1 ? 'at least once' : `at least ${n} times`);

/** One condition (a leaf) in words; groups are left to the callers. */
export function leafText(node: SegmentRule, names: SummaryNames = {}): string {
  switch (node.kind) {
    case 'attribute': {
      const field = ATTRIBUTE_FIELD_LABELS[node.field] ?? node.field;
      const values = node.values.map((v) => (v === '' ? '(not set)' : quote(v)));
      if (node.op === 'contains') return `${field} contains ${list(values)}`;
      return `${field} ${node.op === 'in' ? 'is' : 'is not'} ${list(values, node.op === 'in' ? 'or' : 'or')}`;
    }
    case 'leader':
      return node.value ? 'is a leader' : 'is not a leader';
    case 'is_manager':
      return node.value ? 'manages people' : 'manages nobody';
    case 'tenure':
      if (node.min_days !== undefined && node.max_days !== undefined) return `tenure ${node.min_days}–${node.max_days} days`;
      if (node.min_days !== undefined) return `tenure at least ${node.min_days} days`;
      return `tenure at most ${node.max_days} days`;
    case 'manager_tree': {
      const who = names.people?.get(node.manager_id) ?? node.manager_id;
      return `reports to ${who || '(no manager chosen)'}${node.include_manager ? `, and ${who || 'the manager'} too` : ''} (directly or through others)`;
    }
    case 'behaviour': {
      const where = [
        node.channel && `on ${CHANNEL_LABELS[node.channel] ?? node.channel}`,
        node.purpose && `on ${(PURPOSE_LABELS[node.purpose] ?? node.purpose).toLowerCase()} content`,
        node.content_id && `on item ${node.content_id}`,
      ].filter(Boolean);
      return `${ACTION_VERBS[node.action] ?? node.action} ${times(node.min_count)} in ${days(node.days)}${where.length ? ` ${where.join(', ')}` : ''}`;
    }
    case 'not_since':
      return node.action === 'any' ? `no action at all in ${days(node.days)}` : `has not ${ACTION_VERBS[node.action] ?? node.action} in ${days(node.days)}`;
    case 'score_band':
      return `engagement score ${node.min}–${node.max}${node.cohort ? ' within their cohort' : ''}`;
    case 'persona':
      return `persona ${list(node.personas.map(personaLabel))} (latest week)`;
    case 'stage':
      return `ambassador stage ${list(node.stages.map(stageLabel))} (latest week)`;
    case 'segment': {
      const name = names.segments?.get(node.segment_id);
      return `member of ${name ? quote(name) : node.segment_id ? `segment ${node.segment_id}` : '(no segment chosen)'}`;
    }
    default:
      return 'group';
  }
}

/** The whole rule on one line: "department is “Sales” and (leader or tenure at most 90 days)". */
export function ruleSummary(rule: SegmentRule, names: SummaryNames = {}, nested = false): string {
  switch (rule.kind) {
    case 'and':
    case 'or': {
      if (rule.children.length === 1) return ruleSummary(rule.children[0], names, nested);
      const text = rule.children.map((c) => ruleSummary(c, names, true)).join(rule.kind === 'and' ? ' and ' : ' or ');
      return nested ? `(${text})` : text;
    }
    case 'not':
      return `not ${ruleSummary(rule.child, names, true)}`;
    default:
      return leafText(rule, names);
  }
}

/** The rule as an indented outline, one line per node: groups say "All of" / "Any of" / "Not". */
export function ruleOutline(rule: SegmentRule, names: SummaryNames = {}, depth = 0): OutlineLine[] {
  switch (rule.kind) {
    case 'and':
    case 'or':
      return [
        { depth, text: rule.kind === 'and' ? 'All of:' : 'Any of:' },
        ...rule.children.flatMap((c) => ruleOutline(c, names, depth + 1)),
      ];
    case 'not':
      return isGroupRule(rule.child) ? [{ depth, text: 'Not:' }, ...ruleOutline(rule.child, names, depth + 1)] : [{ depth, text: `Not: ${leafText(rule.child, names)}` }];
    default:
      return [{ depth, text: leafText(rule, names) }];
  }
}

function isGroupRule(rule: SegmentRule): boolean {
  return rule.kind === 'and' || rule.kind === 'or' || rule.kind === 'not';
}
