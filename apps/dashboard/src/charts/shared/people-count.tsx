import { hiddenShortText, type HiddenReason } from '@hubpulse/contracts';
import { formatCount } from '../../lib/format';
import { HiddenReasonValue } from './hidden-reason-value';

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
  if (value !== null) return <>{formatCount(value)}</>;
  return (
    <HiddenReasonValue reason={reason} minGroupSize={minGroupSize}>
      {variant === 'mark' ? '—' : hiddenShortText(reason, minGroupSize)}
    </HiddenReasonValue>
  );
}
