import type { SegmentRule, SegmentRuleIssue, SegmentRuleKind } from '@hubpulse/contracts';
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
  pathKey,
  removeAt,
  setField,
  strayIssues,
  toggleNot,
  updateAt,
} from './rule-tree.transform';

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
  return (
    <div className="rule-builder" role="group" aria-label="Rule">
      {stray.length > 0 && (
        <ul className="rule-stray" role="alert">
          {stray.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              <code>{i.path}</code>: {i.message}
            </li>
          ))}
        </ul>
      )}
      <RuleNode node={rule} path={[]} root={rule} onChange={onChange} issues={issues} ctx={ctx} siblings={1} />
    </div>
  );
}

interface NodeProps {
  node: SegmentRule;
  path: RulePath;
  root: SegmentRule;
  onChange: (rule: SegmentRule) => void;
  issues: readonly SegmentRuleIssue[];
  ctx: LeafContext;
  /** Children of the parent group (for move up / down). */
  siblings: number;
}

function RuleNode(props: NodeProps) {
  const { node, path, root, onChange, issues, ctx } = props;
  const key = pathKey(path);
  const own = issuesAt(issues, key);
  const edit = (fn: (r: SegmentRule) => SegmentRule) => onChange(fn(root));
  const isRoot = path.length === 0;
  const index = typeof path[path.length - 1] === 'number' ? (path[path.length - 1] as number) : null;

  const toolbar = (
    <div className="rule-node__tools">
      {index !== null && (
        <>
          <button type="button" className="icon-button" aria-label="Move up" title="Move up" disabled={index === 0} onClick={() => edit((r) => moveAt(r, path, -1))}>
            ↑
          </button>
          <button type="button" className="icon-button" aria-label="Move down" title="Move down" disabled={index >= props.siblings - 1} onClick={() => edit((r) => moveAt(r, path, 1))}>
            ↓
          </button>
        </>
      )}
      {node.kind !== 'not' && (
        <button type="button" className="icon-button icon-button--text" title="Negate: wrap in NOT" onClick={() => edit((r) => toggleNot(r, path))}>
          NOT
        </button>
      )}
      {!isRoot && (
        <button type="button" className="icon-button icon-button--danger" aria-label="Remove this condition" title="Remove" onClick={() => edit((r) => removeAt(r, path))}>
          ×
        </button>
      )}
    </div>
  );

  const kindSelect = (options: readonly SegmentRuleKind[]) => (
    <select
      className="rule-node__kind"
      aria-label={`Kind of ${key}`}
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
      <div className={`rule-group rule-group--${node.kind}${own.self.length || own.fields.children ? ' is-invalid' : ''}`} data-path={key}>
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
        <AddMenu onAdd={(kind) => edit((r) => addChild(r, path, defaultNode(kind)))} />
      </div>
    );
  }

  if (node.kind === 'not') {
    return (
      <div className={`rule-group rule-group--not${own.self.length ? ' is-invalid' : ''}`} data-path={key}>
        <div className="rule-group__head">
          {kindSelect(GROUP_KINDS)}
          <span className="rule-group__hint">people who do not match</span>
          <button type="button" className="icon-button icon-button--text" title="Remove the NOT, keep what it holds" onClick={() => edit((r) => toggleNot(r, path))}>
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
    <div className={`rule-leaf${own.self.length || Object.keys(own.fields).length ? ' is-invalid' : ''}`} data-path={key}>
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

/** "+ Condition" (any leaf kind) and "+ Group". */
function AddMenu({ onAdd }: { onAdd: (kind: SegmentRuleKind) => void }) {
  return (
    <div className="rule-add">
      <label className="rule-add__label">
        <span className="visually-hidden">Add a condition</span>
        <select
          className="rule-add__select"
          value=""
          onChange={(e) => {
            if (e.target.value) onAdd(e.target.value as SegmentRuleKind);
          }}
        >
          <option value="">+ Add condition…</option>
          {LEAF_KINDS.map((k) => (
            <option key={k} value={k}>
              {RULE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--ghost button--small" onClick={() => onAdd('or')}>
        + Any-of group
      </button>
      <button type="button" className="button button--ghost button--small" onClick={() => onAdd('and')}>
        + All-of group
      </button>
    </div>
  );
}
