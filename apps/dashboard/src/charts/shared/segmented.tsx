import type { ReactNode } from 'react';

interface SegmentedProps<T> {
  /** The group's accessible name ("Range", "Group by"). */
  label: string;
  options: readonly T[];
  isActive: (option: T) => boolean;
  onSelect: (option: T) => void;
  /** The button's text. */
  children: (option: T) => ReactNode;
}

/** A row of toggle buttons, one pressed: presets, group-by, compare-by. */
export function Segmented<T>({ label, options, isActive, onSelect, children }: SegmentedProps<T>) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((option, i) => {
        const active = isActive(option);
        return (
          <button key={i} type="button" className={active ? 'segmented__item is-active' : 'segmented__item'} aria-pressed={active} onClick={() => onSelect(option)}>
            {children(option)}
          </button>
        );
      })}
    </div>
  );
}
