import { EVENT_TYPE_LABELS } from '@hubpulse/contracts';
import { ACTION_TYPES, type FieldErrors, type ModelDraft, MODEL_LIMITS, type PerTypeField, fieldPath } from './scoring-model.transform';
import { DataTable } from '../../charts/shared/data-table';

const COLUMNS: { field: PerTypeField; label: string; hint: string; step: string }[] = [
  { field: 'weights', label: 'Weight', hint: `points per action, ${MODEL_LIMITS.weight.min}–${MODEL_LIMITS.weight.max}`, step: 'any' },
  { field: 'half_lives', label: 'Half-life (days)', hint: `after this many days an action counts half, ${MODEL_LIMITS.halfLife.min}–${MODEL_LIMITS.halfLife.max}`, step: 'any' },
  { field: 'daily_caps', label: 'Daily cap', hint: 'most actions counted per person per day; blank = no cap', step: '1' },
];

/** The id of a field's input, which the error summary links to. */
export function modelFieldId(path: string): string {
  return `model-${path.replace('.', '-')}`;
}

interface PerTypeTableProps {
  draft: ModelDraft;
  base: ModelDraft;
  /** Paths of the fields that differ from the version being edited. */
  changedPaths: ReadonlySet<string>;
  errors: FieldErrors;
  onChange: (field: PerTypeField, type: (typeof ACTION_TYPES)[number], value: string) => void;
}

/** A row per action type: its weight, half-life and daily cap, each showing what it was when changed. */
export function PerTypeTable({ draft, base, changedPaths, errors, onChange }: PerTypeTableProps) {
  return (
    <DataTable className="model-table" columns={['Action', ...COLUMNS.map((c) => <abbr title={c.hint}>{c.label}</abbr>)]}>
      {ACTION_TYPES.map((type) => (
        <tr key={type}>
          <th scope="row">{EVENT_TYPE_LABELS[type]}</th>
          {COLUMNS.map((c) => {
            const path = fieldPath(c.field, type);
            const id = modelFieldId(path);
            const error = errors[path];
            const was = base[c.field][type];
            const changed = draft[c.field][type].trim() !== was.trim() && changedPaths.has(path);
            return (
              <td key={c.field}>
                <label htmlFor={id} className="visually-hidden">
                  {EVENT_TYPE_LABELS[type]} {c.label.toLowerCase()}
                </label>
                <input
                  id={id}
                  type="number"
                  inputMode="decimal"
                  min={c.field === 'half_lives' ? MODEL_LIMITS.halfLife.min : c.field === 'daily_caps' ? MODEL_LIMITS.dailyCap.min : 0}
                  step={c.step}
                  className={changed ? 'num-input is-changed' : 'num-input'}
                  placeholder={c.field === 'daily_caps' ? 'no cap' : undefined}
                  value={draft[c.field][type]}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onChange={(e) => onChange(c.field, type, e.target.value)}
                />
                {changed && !error && <span className="field-was">was {was === '' ? 'no cap' : was}</span>}
                {error && (
                  <span id={`${id}-error`} className="field-error">
                    {error}
                  </span>
                )}
              </td>
            );
          })}
        </tr>
      ))}
    </DataTable>
  );
}

interface LookbackAndNoteProps {
  draft: ModelDraft;
  base: ModelDraft;
  errors: FieldErrors;
  onChange: (field: 'lookback_days' | 'note', value: string) => void;
}

/** The model-wide fields: how far back actions count, and why this version. */
export function LookbackAndNote({ draft, base, errors, onChange }: LookbackAndNoteProps) {
  return (
    <div className="model-form__row">
      <div className="form-field">
        <label htmlFor="model-lookback_days">Lookback (days)</label>
        <input
          id="model-lookback_days"
          type="number"
          min={MODEL_LIMITS.lookback.min}
          max={MODEL_LIMITS.lookback.max}
          step={1}
          className={draft.lookback_days.trim() !== base.lookback_days ? 'num-input is-changed' : 'num-input'}
          value={draft.lookback_days}
          aria-invalid={errors.lookback_days ? true : undefined}
          aria-describedby="model-lookback-help"
          onChange={(e) => onChange('lookback_days', e.target.value)}
        />
        <span id="model-lookback-help" className={errors.lookback_days ? 'field-error' : 'field-help'}>
          {errors.lookback_days ?? `Actions older than this do not count at all (${MODEL_LIMITS.lookback.min}–${MODEL_LIMITS.lookback.max}).`}
        </span>
      </div>
      <div className="form-field form-field--grow">
        <label htmlFor="model-note">Note (why this change)</label>
        <input
          id="model-note"
          type="text"
          maxLength={MODEL_LIMITS.note.max + 50}
          placeholder="e.g. answers count more: Q&A is where the hub helps most"
          value={draft.note}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby="model-note-help"
          onChange={(e) => onChange('note', e.target.value)}
        />
        <span id="model-note-help" className={errors.note ? 'field-error' : 'field-help'}>
          {errors.note ?? 'Kept with the version, shown in the history.'}
        </span>
      </div>
    </div>
  );
}
