import type { HiddenReason } from '@hubpulse/contracts';
import { HiddenReasonValue } from '../../charts/shared/hidden-reason-value';

/**
 * A number the disclosure layer hid, in the Strategy area's words ("fewer than 5", "hidden"; a dash
 * as a `mark`), with the API's reason on hover and keyboard focus. Never rendered as 0.
 */
export function HiddenValue({ reason, minGroupSize, variant = 'inline' }: { reason: HiddenReason | null; minGroupSize: number; variant?: 'inline' | 'mark' }) {
  if (variant === 'mark') return <HiddenReasonValue reason={reason} minGroupSize={minGroupSize} />;
  return (
    <HiddenReasonValue reason={reason} minGroupSize={minGroupSize}>
      {reason === 'below_minimum' ? `fewer than ${minGroupSize}` : 'hidden'}
    </HiddenReasonValue>
  );
}
