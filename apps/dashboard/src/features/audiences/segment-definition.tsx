import { SEGMENT_KINDS, type SegmentDetailDto, type SegmentKind } from '@hubpulse/contracts';

export interface DefinitionDraft {
  name: string;
  description: string;
  kind: SegmentKind;
}

interface SegmentDefinitionProps {
  /** The segment being edited; absent for a new one (whose kind may still be chosen). */
  segment?: SegmentDetailDto;
  draft: DefinitionDraft;
  nameProblems: string[];
  onChange: (patch: Partial<DefinitionDraft>) => void;
}

/** The segment's name, description and membership kind, with what saving will do. */
export function SegmentDefinition({ segment, draft, nameProblems, onChange }: SegmentDefinitionProps) {
  return (
    <section className="panel" aria-label="Definition">
      <header className="panel__header">
        <div className="panel__heading">
          <h2 className="panel__title">{segment ? `Edit “${segment.name}”` : 'New segment'}</h2>
          <p className="panel__description">
            {segment
              ? `Definition v${segment.definition_version}. Saving makes v${segment.definition_version + 1} in the edit history${segment.kind === 'dynamic' ? ' and recomputes the membership' : '; a static segment keeps its frozen membership until you freeze it again'}.`
              : 'Name it, choose how its membership is kept, and build the rule; the live preview follows every change.'}
          </p>
        </div>
      </header>
      <div className="segment-form">
        <label className="form-field segment-form__name">
          <span>Name</span>
          <input value={draft.name} onChange={(e) => onChange({ name: e.target.value })} maxLength={200} aria-invalid={nameProblems.length > 0} required />
          {nameProblems.length > 0 && <span className="field-error">{nameProblems.join('; ')}</span>}
        </label>
        <label className="form-field segment-form__desc">
          <span>Description (optional)</span>
          <input value={draft.description} onChange={(e) => onChange({ description: e.target.value })} maxLength={2000} />
        </label>
        <fieldset className="segment-form__kind bare-fieldset" disabled={!!segment}>
          <legend className="form-field">Membership</legend>
          {SEGMENT_KINDS.map((k) => (
            <label key={k} className="radio">
              <input type="radio" name="kind" value={k} checked={draft.kind === k} onChange={() => onChange({ kind: k })} />
              <span>
                <strong>{k === 'dynamic' ? 'Dynamic' : 'Static'}</strong>{' '}
                <span className="muted">{k === 'dynamic' ? 'recomputed on a schedule and whenever the rule changes' : 'frozen once computed; freeze again to refresh'}</span>
              </span>
            </label>
          ))}
        </fieldset>
      </div>
    </section>
  );
}
