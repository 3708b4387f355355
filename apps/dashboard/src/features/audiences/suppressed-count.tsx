import { useId } from 'react';
import type { HiddenReason } from '@hubpulse/contracts';
import { formatCount } from '../../lib/format';
import { suppressionReason, suppressionShort } from './audience-labels';

interface CountProps {
  value: number | null;
  reason: HiddenReason | null;
  minGroupSize: number;
  /** 'mark': a dash in dense tables; 'inline': the short reason ("fewer than 5"). */
  variant?: 'inline' | 'mark';
}

/**
 * A count of people as the API allows it: the number, or the short reason it is hidden with the
 * full reason (hiddenReasonText) on hover and focus. Never a 0.
 */
export function PeopleCount({ value, reason, minGroupSize, variant = 'inline' }: CountProps) {
  const id = useId();
  if (value !== null) return <>{formatCount(value)}</>;
  const explanation = suppressionReason(reason, minGroupSize);
  return (
    <>
      <span className="suppressed" data-tip={explanation} aria-describedby={id} tabIndex={0}>
        {variant === 'mark' ? '—' : suppressionShort(reason, minGroupSize)}
      </span>
      <span id={id} className="visually-hidden">
        {explanation}
      </span>
    </>
  );
}
