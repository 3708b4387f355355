import { shrinkageText, formatRate, type RateCell } from './channel-rates.transform';

/** Said and marked beside the colour, so the verdict never rests on green and amber alone. */
const VERDICT = {
  above: { mark: '▲', text: ' Whole interval above the organisation.' },
  below: { mark: '▼', text: ' Whole interval below the organisation.' },
  similar: { mark: '', text: '' },
} as const;

/**
 * One shrunk rate on its metric's scale: the 95% interval as a band, the estimate as a dot and the
 * organisation's rate as a dashed tick. Green ▲ / amber ▼ when the whole interval is above/below it.
 */
export function IntervalBar({ cell, label }: { cell: RateCell; label: string }) {
  const verdict = VERDICT[cell.verdict];
  const text = `${label}: ${shrinkageText(cell.rate)}${verdict.text}`;
  return (
    <div className={`ivl ivl--${cell.verdict}`} title={text} role="img" aria-label={text}>
      <span className="ivl__value">
        {verdict.mark && <span className="ivl__verdict">{verdict.mark} </span>}
        {formatRate(cell.rate.estimate)}
      </span>
      <span className="ivl__track" aria-hidden="true">
        <span className="ivl__band" style={{ left: `${cell.lowerPos * 100}%`, width: `${Math.max(0.8, (cell.upperPos - cell.lowerPos) * 100)}%` }} />
        <span className="ivl__org" style={{ left: `${cell.orgPos * 100}%` }} />
        <span className="ivl__dot" style={{ left: `${cell.estimatePos * 100}%` }} />
      </span>
    </div>
  );
}
