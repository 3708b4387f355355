import { SUPPRESSED_MARK, suppressedExplanation, suppressedLabel } from '../../lib/format';
import { ExplainedMark } from './explained-mark';

/**
 * A number hidden below the privacy threshold: "fewer than N" (or a dash) with a tooltip,
 * on hover and on keyboard focus, saying why. Never rendered as 0.
 */
export function SuppressedValue({ minGroupSize, variant = 'inline' }: { minGroupSize: number; variant?: 'inline' | 'mark' }) {
  return <ExplainedMark explanation={suppressedExplanation(minGroupSize)}>{variant === 'mark' ? SUPPRESSED_MARK : suppressedLabel(minGroupSize)}</ExplainedMark>;
}
