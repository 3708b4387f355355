import type { ReactNode } from 'react';
import { rovingKeyDown } from '../../lib/roving-focus';

interface SegmentedProps<T> {
  /** The group's accessible name ("Range", "Group by"). */
  label: string;
  options: readonly T[];
  isActive: (option: T) => boolean;
  onSelect: (option: T) => void;
  /** The button's text. */
  children: (option: T) => ReactNode;
}

/**
 * A row of choices, one chosen: presets, group-by, compare-by. A radio group (ARIA Authoring
 * Practices): Tab reaches the chosen one only, the arrow keys (and Home / End) move and choose.
 */
export function Segmented<T>({ label, options, isActive, onSelect, children }: SegmentedProps<T>) {
  const anyActive = options.some(isActive);
  return (
    <div className="segmented" role="radiogroup" aria-label={label} onKeyDown={rovingKeyDown('[role="radio"]', 'both', (i) => onSelect(options[i]))}>
      {options.map((option, i) => {
        const active = isActive(option);
        return (
          <button
            key={i}
            type="button"
            role="radio"
            className={active ? 'segmented__item is-active' : 'segmented__item'}
            aria-checked={active}
            // Nothing chosen yet: the first one takes Tab.
            tabIndex={active || (!anyActive && i === 0) ? 0 : -1}
            onClick={() => onSelect(option)}
          >
            {children(option)}
          </button>
        );
      })}
    </div>
  );
}
