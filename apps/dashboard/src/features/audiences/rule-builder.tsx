import type { SegmentRule, SegmentRuleIssue, SegmentRuleKind } from '@hubpulse/contracts';
import { useRef, useState } from 'react';
import { type LeafContext, LeafFields } from './rule-leaf-fields';
import {
  GROUP_KINDS,
  LEAF_KINDS,
  RULE_KIND_LABELS,
  type RulePath,
  addChild,
  changeKind,
  defaultNode,
  issuesAt,
  moveAt,
  nodeNumber,
  pathKey,
  removeAt,
  setField,
  strayIssues,
  toggleNot,
  updateAt,
} from './rule-tree.transform';
import { type RuleFocus, focusAfterRemove, useRuleFocus } from './use-rule-focus';

interface BuilderProps {
  rule: SegmentRule;
  onChange: (rule: SegmentRule) => void;
  /** Client checks and the server's 400, each naming a node path (`rule.children[1].days`). */
  issues: readonly SegmentRuleIssue[];
  ctx: LeafContext;
}

/**
 * The rule as a tree: AND / OR groups hold conditions and other groups; NOT negates what it holds.
 * Every problem shows beside the node and field it names.
 */
export function RuleBuilder({ rule, onChange, issues, ctx }: BuilderProps) {
  const stray = strayIssues(rule, issues);
  const container = useRef<HTMLDivElement>(null);
  const focusAfter = useRuleFocus(container);
  return (
    <div className="rule-builder" role="group" aria-label="Rule" ref={container}>
      {stray.length > 0 && (
        <ul className="rule-stray" role="alert">
          {stray.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              <code>{i.path}</code>: {i.message}
            </li>
          ))}
        </ul>
      )}
      <RuleNode node={rule} path={[]} root={rule} onChange={onChange} focusAfter={focusAfter} issues={issues} ctx={ctx} siblings={1} />
    </div>
  );
}

interface NodeProps {
  node: SegmentRule;
  path: RulePath;
  root: SegmentRule;
  onChange: (rule: SegmentRule) => void;
  /** Where keyboard focus goes once the edit has rendered. */
  focusAfter: (focus: RuleFocus) => void;
  issues: readonly SegmentRuleIssue[];
  ctx: LeafContext;
  /** Children of the parent group (for move up / down). */
  siblings: number;
}

function RuleNode(props: NodeProps) {
  const { node, path, root, onChange, focusAfter, issues, ctx } = props;
  const key = pathKey(path);
  const own = issuesAt(issues, key);
  const edit = (fn: (r: SegmentRule) => SegmentRule, focus?: (next: SegmentRule) => RuleFocus) => {
    const next = fn(root);
    if (focus) focusAfter(focus(next));
    onChange(next);
  };
  const isRoot = path.length === 0;
  const index = typeof path[path.length - 1] === 'number' ? (path[path.length - 1] as number) : null;
  // Every node has the same buttons: their names say which node they act on (by place, not kind,
  // so a field's label such as "Segment" or "Action" never matches a button's name).
  const which = nodeNumber(path);
  const moved = (delta: -1 | 1): RulePath => [...path.slice(0, -1), (index ?? 0) + delta];
  // Each node is a named group ("Condition 2: Tenure"), so a screen reader says which condition a
  // field such as "Values" belongs to. The root is already the builder's "Rule" group.
  const named = isRoot ? {} : { role: 'group', 'aria-label': `${which[0].toUpperCase()}${which.slice(1)}: ${RULE_KIND_LABELS[node.kind]}` };

  const toolbar = (
    <div className="rule-node__tools">
      {index !== null && (
        <>
          <button type="button" className="icon-button" aria-label={`Move ${which} up`} title="Move up" data-focus="up" disabled={index === 0} onClick={() => edit((r) => moveAt(r, path, -1), () => ({ path: moved(-1), control: 'up' }))}>
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${which} down`}
            title="Move down"
            data-focus="down"
            disabled={index >= props.siblings - 1}
            onClick={() => edit((r) => moveAt(r, path, 1), () => ({ path: moved(1), control: 'down' }))}
          >
            ↓
          </button>
        </>
      )}
      {node.kind !== 'not' && (
        <button type="button" className="icon-button icon-button--text" title="Negate: wrap in NOT" aria-label={`Negate ${which}`} onClick={() => edit((r) => toggleNot(r, path), () => ({ path, control: 'kind' }))}>
          NOT
        </button>
      )}
      {!isRoot && (
        <button type="button" className="icon-button icon-button--danger" aria-label={`Remove ${which}`} title="Remove" onClick={() => edit((r) => removeAt(r, path), (r) => focusAfterRemove(r, path))}>
          ×
        </button>
      )}
    </div>
  );

  const kindSelect = (options: readonly SegmentRuleKind[]) => (
    <select
      className="rule-node__kind"
      data-focus="kind"
      aria-label={`Kind of ${nodeNumber(path)}`}
      value={node.kind}
      onChange={(e) => edit((r) => updateAt(r, path, (n) => changeKind(n, e.target.value as SegmentRuleKind)))}
    >
      {options.map((k) => (
        <option key={k} value={k}>
          {RULE_KIND_LABELS[k]}
        </option>
      ))}
    </select>
  );

  const selfProblems = own.self.length > 0 && (
    <p className="field-error rule-node__problem" role="alert">
      {own.self.join('; ')}
    </p>
  );

  if (node.kind === 'and' || node.kind === 'or') {
    return (
      <div className={`rule-group rule-group--${node.kind}${own.self.length || own.fields.children ? ' is-invalid' : ''}`} data-path={key} {...named}>
        <div className="rule-group__head">
          {kindSelect(GROUP_KINDS)}
          <span className="rule-group__hint">{node.kind === 'and' ? 'every condition below' : 'at least one condition below'}</span>
          {toolbar}
        </div>
        {selfProblems}
        {own.fields.children && <p className="field-error rule-node__problem">{own.fields.children.join('; ')}</p>}
        <ol className="rule-group__children">
          {node.children.map((child, i) => (
            <li key={i} className="rule-group__child">
              {i > 0 && <span className="rule-group__joiner">{node.kind === 'and' ? 'and' : 'or'}</span>}
              <RuleNode {...props} node={child} path={[...path, 'children', i]} siblings={node.children.length} />
            </li>
          ))}
        </ol>
        <AddMenu onAdd={(kind) => edit((r) => addChild(r, path, defaultNode(kind)), () => ({ path: [...path, 'children', node.children.length], control: 'kind' }))} />
      </div>
    );
  }

  if (node.kind === 'not') {
    return (
      <div className={`rule-group rule-group--not${own.self.length ? ' is-invalid' : ''}`} data-path={key} {...named}>
        <div className="rule-group__head">
          {kindSelect(GROUP_KINDS)}
          <span className="rule-group__hint">people who do not match</span>
          <button type="button" className="icon-button icon-button--text" title="Remove the NOT, keep what it holds" onClick={() => edit((r) => toggleNot(r, path), () => ({ path, control: 'kind' }))}>
            un-NOT
          </button>
          {toolbar}
        </div>
        {selfProblems}
        <div className="rule-group__children rule-group__children--single">
          <RuleNode {...props} node={node.child} path={[...path, 'child']} siblings={1} />
        </div>
      </div>
    );
  }

  return (
    <div className={`rule-leaf${own.self.length || Object.keys(own.fields).length ? ' is-invalid' : ''}`} data-path={key} {...named}>
      <div className="rule-leaf__head">
        {kindSelect([...LEAF_KINDS, ...GROUP_KINDS])}
        {toolbar}
      </div>
      {selfProblems}
      <div className="rule-leaf__fields">
        <LeafFields node={node} issues={own} set={(field, value) => edit((r) => setField(r, path, field, value))} ctx={ctx} />
      </div>
    </div>
  );
}

/**
 * "+ Add condition" (the kind chosen beside it) and "+ Group". The kind is chosen first and added by
 * the button: a select that acted on change would add a node for every arrow key pressed on it.
 */
function AddMenu({ onAdd }: { onAdd: (kind: SegmentRuleKind) => void }) {
  const [kind, setKind] = useState<SegmentRuleKind>(LEAF_KINDS[0]);
  return (
    <div className="rule-add">
      <label className="rule-add__label">
        <span className="visually-hidden">Condition to add</span>
        <select className="rule-add__select" data-focus="add" value={kind} onChange={(e) => setKind(e.target.value as SegmentRuleKind)}>
          {LEAF_KINDS.map((k) => (
            <option key={k} value={k}>
              {RULE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--secondary button--small" onClick={() => onAdd(kind)}>
        + Add condition
      </button>
      <button type="button" className="button button--ghost button--small" onClick={() => onAdd('or')}>
        + Any-of group
      </button>
      <button type="button" className="button button--ghost button--small" onClick={() => onAdd('and')}>
        + All-of group
      </button>
    </div>
  );
}
