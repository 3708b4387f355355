import { type FormEvent, useState } from 'react';
import { Segmented } from '../../charts/shared/segmented';
import { type RangeSelection, PRESET_DAYS, isSameSelection, validateCustomRange } from '@hubpulse/contracts';
import { useOverview, useRangeSelection } from './use-overview';

const PRESETS: { label: string; selection: RangeSelection }[] = [
  ...PRESET_DAYS.map((days) => ({ label: `${days} days`, selection: { kind: 'preset', days } as RangeSelection })),
  { label: 'All', selection: { kind: 'all' } },
];

/** Presets and a custom from/to, all kept in the URL query. */
export function DateRangeControl() {
  const { selection, setSelection } = useRangeSelection();
  const { data } = useOverview();
  // The inputs start from what is on screen: the custom range typed, else the range the server answered.
  // For "All" the lower bound sent is only the server's limit, not a real first day: leave it blank.
  const shownFrom =
    selection.kind === 'custom' ? (selection.from ?? data?.range.from) : selection.kind === 'all' ? undefined : data?.range.from;
  const shownTo = selection.kind === 'custom' ? (selection.to ?? data?.range.to) : data?.range.to;

  return (
    <div className="range-control" role="group" aria-label="Date range">
      <Segmented label="Preset ranges" options={PRESETS} isActive={(p) => isSameSelection(selection, p.selection)} onSelect={(p) => setSelection(p.selection)}>
        {(p) => p.label}
      </Segmented>
      <CustomRangeForm
        // Re-seed the inputs whenever the range on screen changes.
        key={`${shownFrom ?? ''}_${shownTo ?? ''}`}
        initialFrom={shownFrom?.slice(0, 10) ?? ''}
        initialTo={shownTo?.slice(0, 10) ?? ''}
        active={selection.kind === 'custom'}
        // Until the range on screen is known, typing would be overwritten when it arrives.
        disabled={!data}
        onApply={(from, to) => setSelection({ kind: 'custom', from, to })}
      />
    </div>
  );
}

interface CustomRangeFormProps {
  initialFrom: string;
  initialTo: string;
  active: boolean;
  disabled: boolean;
  onApply: (from: string, to: string) => void;
}

function CustomRangeForm({ initialFrom, initialTo, active, disabled, onApply }: CustomRangeFormProps) {
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  const [error, setError] = useState<string | null>(null);
  const changed = from !== initialFrom || to !== initialTo;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const problem = validateCustomRange(from, to);
    setError(problem);
    if (!problem) onApply(from, to);
  };

  return (
    <form className={active ? 'range-form is-active' : 'range-form'} onSubmit={onSubmit} noValidate>
      <label className="range-form__field">
        <span>From</span>
        <input type="date" disabled={disabled} value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} aria-invalid={!!error || undefined} />
      </label>
      <label className="range-form__field">
        <span>To</span>
        <input type="date" disabled={disabled} value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} aria-invalid={!!error || undefined} />
      </label>
      <button type="submit" className="button button--secondary" disabled={disabled || (!changed && active)}>
        Apply
      </button>
      {error && (
        <p className="range-form__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
