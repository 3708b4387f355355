import type { ContentFigure } from '@hubpulse/contracts';
import { MaybeHiddenValue } from '../../charts/shared/hidden-reason-value';
import { formatCount, formatShare } from '../../lib/format';

/** Rates of single items are read closely: one decimal. */
const formatRate = (share: number) => formatShare(share, 1);

/** A Content number: formatted when shown, the privacy mark with its reason when hidden. */
export function Figure({ f, k, rate }: { f: ContentFigure; k: number; rate?: boolean }) {
  return <MaybeHiddenValue value={f.value} reason={f.hidden} minGroupSize={k} format={rate ? formatRate : formatCount} />;
}
