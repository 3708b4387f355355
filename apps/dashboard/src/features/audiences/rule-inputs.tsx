import { type KeyboardEvent, type ReactNode, useId, useState } from 'react';

// Small inputs of the rule builder. Each shows its problems under it and marks itself invalid.

export function FieldProblems({ id, problems }: { id: string; problems: readonly string[] | undefined }) {
  if (!problems?.length) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {problems.join('; ')}
    </span>
  );
}

interface FieldShellProps {
  label: string;
  problems?: readonly string[];
  hint?: string;
  className?: string;
  children: (ids: { input: string; error: string; invalid: boolean }) => ReactNode;
}

/** A labelled field with its problems; the child gets the ids to wire up. */
export function Field({ label, problems, hint, className, children }: FieldShellProps) {
  const input = useId();
  const error = useId();
  const invalid = !!problems?.length;
  return (
    <div className={['rule-field', className, invalid ? 'is-invalid' : ''].filter(Boolean).join(' ')}>
      <label className="rule-field__label" htmlFor={input}>
        {label}
      </label>
      {children({ input, error, invalid })}
      {hint && !invalid && <span className="field-help">{hint}</span>}
      <FieldProblems id={error} problems={problems} />
    </div>
  );
}

const toText = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '' : String(v));

/**
 * A number as typed: empty → undefined (the schema says whether it is needed), not a number → NaN
 * (the schema says "must be a number"). Keeps the typed text while it is half-written ("1.").
 */
export function NumberField({
  label,
  value,
  onChange,
  problems,
  min,
  max,
  step = 1,
  hint,
  width = 'short',
}: {
  label: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
  problems?: readonly string[];
  min?: number;
  max?: number;
  step?: number;
  hint?: string;
  width?: 'short' | 'tiny';
}) {
  const [text, setText] = useState(toText(value));
  const [shown, setShown] = useState(value);
  // Follow the value when it changes from elsewhere (a node moved, a kind changed).
  if (!Object.is(value, shown)) {
    setShown(value);
    if (!Object.is(parse(text), value)) setText(toText(value));
  }
  return (
    <Field label={label} problems={problems} hint={hint}>
      {({ input, error, invalid }) => (
        <input
          id={input}
          className={`rule-input rule-input--${width}`}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={step}
          value={text}
          aria-invalid={invalid}
          aria-describedby={invalid ? error : undefined}
          onChange={(e) => {
            setText(e.target.value);
            const v = parse(e.target.value);
            setShown(v);
            onChange(v);
          }}
        />
      )}
    </Field>
  );
}

function parse(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  return Number(text);
}

/**
 * A list of text values as chips: Enter, a comma or leaving the box adds what is typed; × or
 * Backspace in the empty box removes. `suggestions` fill a datalist.
 */
export function ChipsField({
  label,
  values,
  onChange,
  problems,
  suggestions = [],
  placeholder,
}: {
  label: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  problems?: readonly string[];
  suggestions?: readonly string[];
  placeholder?: string;
}) {
  const [text, setText] = useState('');
  const listId = useId();
  const add = (raw: string) => {
    const v = raw.trim();
    setText('');
    if (v && !values.includes(v)) onChange([...values, v]);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      add(text);
    } else if (e.key === 'Backspace' && text === '' && values.length) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <Field label={label} problems={problems} className="rule-field--grow" hint="Enter or comma adds a value">
      {({ input, error, invalid }) => (
        <div className={invalid ? 'chips is-invalid' : 'chips'}>
          {values.map((v, i) => (
            <span className="chip" key={`${v}-${i}`}>
              {v === '' ? '(not set)' : v}
              <button type="button" className="chip__remove" aria-label={`Remove ${v || 'not set'}`} onClick={() => onChange(values.filter((_, j) => j !== i))}>
                ×
              </button>
            </span>
          ))}
          <input
            id={input}
            className="chips__input"
            value={text}
            list={suggestions.length ? listId : undefined}
            placeholder={values.length ? '' : placeholder}
            aria-invalid={invalid}
            aria-describedby={invalid ? error : undefined}
            onChange={(e) => {
              // Picking a suggestion from the datalist adds it at once.
              const v = e.target.value;
              if (suggestions.includes(v) && !values.includes(v)) {
                setText('');
                onChange([...values, v]);
              } else setText(v);
            }}
            onKeyDown={onKey}
            onBlur={() => add(text)}
          />
          {suggestions.length > 0 && (
            <datalist id={listId}>
              {suggestions.filter((s) => !values.includes(s)).map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          )}
        </div>
      )}
    </Field>
  );
}

/** Several choices as checkboxes (personas, stages). */
export function CheckGroup<T extends string>({
  legend,
  options,
  selected,
  onChange,
  labelOf,
  titleOf,
  problems,
}: {
  legend: string;
  options: readonly T[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  labelOf: (v: T) => string;
  titleOf?: (v: T) => string;
  problems?: readonly string[];
}) {
  const error = useId();
  return (
    <fieldset className={problems?.length ? 'rule-checks is-invalid' : 'rule-checks'} aria-describedby={problems?.length ? error : undefined}>
      <legend className="rule-field__label">{legend}</legend>
      <div className="rule-checks__options">
        {options.map((o) => (
          <label key={o} className="rule-check" title={titleOf?.(o)}>
            <input
              type="checkbox"
              checked={selected.includes(o)}
              onChange={() => onChange(selected.includes(o) ? selected.filter((s) => s !== o) : options.filter((x) => x === o || selected.includes(x)))}
            />
            {labelOf(o)}
          </label>
        ))}
      </div>
      <FieldProblems id={error} problems={problems} />
    </fieldset>
  );
}

/** A select of fixed options; '' is offered as "any" when `anyLabel` is given. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  labelOf,
  onChange,
  anyLabel,
  problems,
}: {
  label: string;
  value: T | undefined;
  options: readonly T[];
  labelOf: (v: T) => string;
  onChange: (v: T | undefined) => void;
  anyLabel?: string;
  problems?: readonly string[];
}) {
  return (
    <Field label={label} problems={problems}>
      {({ input, error, invalid }) => (
        <select
          id={input}
          className="rule-input"
          value={value ?? ''}
          aria-invalid={invalid}
          aria-describedby={invalid ? error : undefined}
          onChange={(e) => onChange(e.target.value === '' ? undefined : (e.target.value as T))}
        >
          {anyLabel !== undefined && <option value="">{anyLabel}</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {labelOf(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
