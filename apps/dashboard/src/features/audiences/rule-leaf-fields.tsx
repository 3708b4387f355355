import {
  AMBASSADOR_STAGES,
  AMBASSADOR_STAGE_DEFINITIONS,
  CHANNELS,
  EVENT_TYPES,
  PERSONAS,
  PERSONA_DEFINITIONS,
  PURPOSES,
  SEGMENT_ATTRIBUTE_FIELDS,
  SEGMENT_ATTRIBUTE_OPS,
  SEGMENT_RULE_LIMITS as L,
  ATTRIBUTE_FIELD_LABELS,
  ATTRIBUTE_OP_LABELS,
  CHANNEL_LABELS,
  EVENT_TYPE_LABELS,
  PURPOSE_LABELS,
  personaLabel,
  stageLabel,
  type SegmentAttributeField,
  type SegmentRule,
} from '@hubpulse/contracts';
import { ManagerField } from './manager-field';
import { CheckGroup, ChipsField, Field, NumberField, SelectField } from './rule-inputs';
import type { NodeIssues } from './rule-tree.transform';

/** What leaves need from around the builder. */
export interface LeafContext {
  /** Segments a rule may refer to (not the one being edited). */
  segments: { id: string; name: string }[];
  /** Known values per directory field, for the value box's suggestions. */
  suggestions: Partial<Record<SegmentAttributeField, string[]>>;
  canSearchPeople: boolean;
  peopleNames: ReadonlyMap<string, string>;
  onPersonNamed: (id: string, name: string) => void;
}

interface Props {
  node: SegmentRule;
  issues: NodeIssues;
  set: (field: string, value: unknown) => void;
  ctx: LeafContext;
}

const yesNo = ['yes', 'no'] as const;

/** The fields of one condition, by kind. */
export function LeafFields({ node, issues, set, ctx }: Props) {
  const f = issues.fields;
  switch (node.kind) {
    case 'attribute':
      return (
        <>
          <SelectField label="Field" value={node.field} options={SEGMENT_ATTRIBUTE_FIELDS} labelOf={(v) => ATTRIBUTE_FIELD_LABELS[v]} onChange={(v) => set('field', v)} problems={f.field} />
          <SelectField label="Match" value={node.op} options={SEGMENT_ATTRIBUTE_OPS} labelOf={(v) => ATTRIBUTE_OP_LABELS[v]} onChange={(v) => set('op', v)} problems={f.op} />
          <ChipsField
            label="Values"
            values={node.values}
            onChange={(v) => set('values', v)}
            problems={f.values}
            suggestions={ctx.suggestions[node.field] ?? []}
            placeholder={node.op === 'contains' ? 'e.g. manager' : `e.g. a ${ATTRIBUTE_FIELD_LABELS[node.field].toLowerCase()}`}
          />
        </>
      );
    case 'leader':
    case 'is_manager':
      return (
        <SelectField
          label={node.kind === 'leader' ? 'Leader (is_leader in the directory)' : 'Has people reporting to them'}
          value={node.value ? 'yes' : 'no'}
          options={yesNo}
          labelOf={(v) => (node.kind === 'leader' ? (v === 'yes' ? 'is a leader' : 'is not a leader') : v === 'yes' ? 'manages people' : 'manages nobody')}
          onChange={(v) => set('value', v === 'yes')}
          problems={f.value}
        />
      );
    case 'tenure':
      return (
        <>
          <NumberField label="At least (days)" value={node.min_days} onChange={(v) => set('min_days', v)} min={0} max={L.maxTenureDays} problems={f.min_days} hint="blank: no lower bound" />
          <NumberField label="At most (days)" value={node.max_days} onChange={(v) => set('max_days', v)} min={0} max={L.maxTenureDays} problems={f.max_days} hint="blank: no upper bound" />
          <p className="rule-note">Days since the hire date; people without one never match.</p>
        </>
      );
    case 'manager_tree':
      return <ManagerTreeFields node={node} f={f} set={set} ctx={ctx} />;
    case 'behaviour':
      return <BehaviourFields node={node} f={f} set={set} />;
    case 'not_since':
      return (
        <>
          <SelectField
            label="Action"
            value={node.action}
            options={['any', ...EVENT_TYPES] as const}
            labelOf={(v) => (v === 'any' ? 'Any action' : EVENT_TYPE_LABELS[v])}
            onChange={(v) => set('action', v)}
            problems={f.action}
          />
          <NumberField label="In the last (days)" value={node.days} onChange={(v) => set('days', v)} min={1} max={L.maxDays} problems={f.days} />
          <p className="rule-note">Includes people who never did it.</p>
        </>
      );
    case 'score_band':
      return (
        <>
          <NumberField label="From score" value={node.min} onChange={(v) => set('min', v)} min={0} max={100} step={0.1} problems={f.min} width="tiny" />
          <NumberField label="To score" value={node.max} onChange={(v) => set('max', v)} min={0} max={100} step={0.1} problems={f.max} width="tiny" />
          <label className="rule-check rule-check--inline" title="Rank people among their cohort (same tenure band) instead of the whole organisation">
            <input type="checkbox" checked={!!node.cohort} onChange={(e) => set('cohort', e.target.checked || undefined)} />
            within their cohort
          </label>
          <p className="rule-note">0–100 percentile rank on the newest scored day; people without a score count as 0.</p>
        </>
      );
    case 'persona':
      return (
        <CheckGroup
          legend="Persona in the latest computed week"
          options={PERSONAS}
          selected={node.personas}
          onChange={(v) => set('personas', v)}
          labelOf={personaLabel}
          titleOf={(p) => PERSONA_DEFINITIONS[p].definition}
          problems={f.personas}
        />
      );
    case 'stage':
      return (
        <CheckGroup
          legend="Ambassador stage in the latest computed week"
          options={AMBASSADOR_STAGES}
          selected={node.stages}
          onChange={(v) => set('stages', v)}
          labelOf={stageLabel}
          titleOf={(s) => AMBASSADOR_STAGE_DEFINITIONS[s].definition}
          problems={f.stages}
        />
      );
    case 'segment':
      return <SegmentField node={node} f={f} set={set} ctx={ctx} />;
    default:
      return null;
  }
}

type Leaf<K extends SegmentRule['kind']> = Extract<SegmentRule, { kind: K }>;
interface LeafProps<K extends SegmentRule['kind']> {
  node: Leaf<K>;
  f: NodeIssues['fields'];
  set: Props['set'];
}

/** Did an action at least N times in the last D days, optionally on a channel, purpose or item. */
function BehaviourFields({ node, f, set }: LeafProps<'behaviour'>) {
  return (
    <>
      <SelectField label="Action" value={node.action} options={EVENT_TYPES} labelOf={(v) => EVENT_TYPE_LABELS[v]} onChange={(v) => set('action', v)} problems={f.action} />
      <NumberField label="At least (times)" value={node.min_count} onChange={(v) => set('min_count', v)} min={1} max={L.maxCount} problems={f.min_count} />
      <NumberField label="In the last (days)" value={node.days} onChange={(v) => set('days', v)} min={1} max={L.maxDays} problems={f.days} />
      <SelectField label="Channel" value={node.channel} options={CHANNELS} labelOf={(v) => CHANNEL_LABELS[v]} onChange={(v) => set('channel', v)} anyLabel="any channel" problems={f.channel} />
      <SelectField label="Purpose" value={node.purpose} options={PURPOSES} labelOf={(v) => PURPOSE_LABELS[v]} onChange={(v) => set('purpose', v)} anyLabel="any purpose" problems={f.purpose} />
      <Field label="Content item (optional)" problems={f.content_id}>
        {({ input, error, invalid }) => (
          <input
            id={input}
            className="rule-input rule-input--id"
            value={node.content_id ?? ''}
            placeholder="content id"
            aria-invalid={invalid}
            aria-describedby={invalid ? error : undefined}
            onChange={(e) => set('content_id', e.target.value.trim() || undefined)}
          />
        )}
      </Field>
    </>
  );
}

/** Everyone below a manager, found by name when the user may search people. */
function ManagerTreeFields({ node, f, set, ctx }: LeafProps<'manager_tree'> & { ctx: LeafContext }) {
  return (
    <>
      <ManagerField
        value={node.manager_id}
        onChange={(id) => set('manager_id', id)}
        problems={f.manager_id}
        canSearch={ctx.canSearchPeople}
        knownName={ctx.peopleNames.get(node.manager_id)}
        onNamed={ctx.onPersonNamed}
      />
      <label className="rule-check rule-check--inline">
        <input type="checkbox" checked={!!node.include_manager} onChange={(e) => set('include_manager', e.target.checked || undefined)} />
        include the manager
      </label>
      <p className="rule-note">Everyone whose chain of managers (up to 12 levels) reaches this person.</p>
    </>
  );
}

/** Membership of another segment, kept even when that segment is no longer listed. */
function SegmentField({ node, f, set, ctx }: LeafProps<'segment'> & { ctx: LeafContext }) {
  return (
    <Field label="Segment" problems={f.segment_id} hint="its current membership">
      {({ input, error, invalid }) => (
        <select
          id={input}
          className="rule-input"
          value={node.segment_id}
          aria-invalid={invalid}
          aria-describedby={invalid ? error : undefined}
          onChange={(e) => set('segment_id', e.target.value)}
        >
          <option value="">Choose a segment…</option>
          {node.segment_id && !ctx.segments.some((s) => s.id === node.segment_id) && <option value={node.segment_id}>{node.segment_id}</option>}
          {ctx.segments.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
