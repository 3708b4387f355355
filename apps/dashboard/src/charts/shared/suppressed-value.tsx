import { useId } from 'react';
import { SUPPRESSED_MARK, suppressedExplanation, suppressedLabel } from '../../lib/format';

/**
 * A number hidden below the privacy threshold: "fewer than N" (or a dash) with a tooltip,
 * on hover and on keyboard focus, saying why. Never rendered as 0.
 */
export function SuppressedValue({ minGroupSize, variant = 'inline' }: { minGroupSize: number; variant?: 'inline' | 'mark' }) {
  const id = useId();
  const explanation = suppressedExplanation(minGroupSize);
  return (
    <>
      <span className="suppressed" data-tip={explanation} aria-describedby={id} tabIndex={0}>
        {variant === 'mark' ? SUPPRESSED_MARK : suppressedLabel(minGroupSize)}
      </span>
      <span id={id} className="visually-hidden">
        {explanation}
      </span>
    </>
  );
}
