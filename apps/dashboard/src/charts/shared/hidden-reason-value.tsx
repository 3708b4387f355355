import type { ReactNode } from 'react';
import { hiddenReasonText, type HiddenReason } from '@hubpulse/contracts';
import { SUPPRESSED_MARK, formatCount } from '../../lib/format';
import { ExplainedMark } from './explained-mark';

/**
 * A number the disclosure layer hid: a mark (a dash unless `children` says otherwise) with a tooltip
 * (hover and keyboard focus) saying why, in the words of hiddenReasonText for the reason the API
 * sent. Never rendered as 0.
 */
export function HiddenReasonValue({ reason, minGroupSize, children = SUPPRESSED_MARK }: { reason: HiddenReason | null | undefined; minGroupSize: number; children?: ReactNode }) {
  return <ExplainedMark explanation={hiddenReasonText(reason, minGroupSize)}>{children}</ExplainedMark>;
}

/** A number the API may have hidden: formatted when shown, the mark with its reason when hidden, a muted dash when there is none. */
export function MaybeHiddenValue({
  value,
  reason,
  minGroupSize,
  format = formatCount,
}: {
  value: number | null;
  reason: HiddenReason | null;
  minGroupSize: number;
  format?: (n: number) => string;
}) {
  if (value !== null) return <>{format(value)}</>;
  return reason ? <HiddenReasonValue reason={reason} minGroupSize={minGroupSize} /> : <span className="muted">—</span>;
}
