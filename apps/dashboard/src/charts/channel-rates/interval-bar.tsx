import { shrinkageText, formatRate, type RateCell } from './channel-rates.transform';

/**
 * One shrunk rate on its metric's scale: the 95% interval as a band, the estimate as a dot and the
 * organisation's rate as a dashed tick. Green/amber when the whole interval is above/below it.
 */
export function IntervalBar({ cell, label }: { cell: RateCell; label: string }) {
  const text = `${label}: ${shrinkageText(cell.rate)}`;
  return (
    <div className={`ivl ivl--${cell.verdict}`} title={text} role="img" aria-label={text}>
      <span className="ivl__value">{formatRate(cell.rate.estimate)}</span>
      <span className="ivl__track" aria-hidden="true">
        <span className="ivl__band" style={{ left: `${cell.lowerPos * 100}%`, width: `${Math.max(0.8, (cell.upperPos - cell.lowerPos) * 100)}%` }} />
        <span className="ivl__org" style={{ left: `${cell.orgPos * 100}%` }} />
        <span className="ivl__dot" style={{ left: `${cell.estimatePos * 100}%` }} />
      </span>
    </div>
  );
}
