import { useId } from 'react';
import { hiddenReasonText, type HiddenReason } from '@hubpulse/contracts';
import { SUPPRESSED_MARK } from '../../lib/format';

/**
 * A number the disclosure layer hid, with the API's reason in words (hiddenReasonText) on hover and
 * keyboard focus. Never rendered as 0.
 */
export function HiddenValue({ reason, minGroupSize, variant = 'inline' }: { reason: HiddenReason | null; minGroupSize: number; variant?: 'inline' | 'mark' }) {
  const id = useId();
  const explanation = hiddenReasonText(reason, minGroupSize);
  return (
    <>
      <span className="suppressed" data-tip={explanation} aria-describedby={id} tabIndex={0}>
        {variant === 'mark' ? SUPPRESSED_MARK : reason === 'below_minimum' ? `fewer than ${minGroupSize}` : 'hidden'}
      </span>
      <span id={id} className="visually-hidden">
        {explanation}
      </span>
    </>
  );
}
