import type { CompositionTableDto } from '@hubpulse/contracts';
import { PeopleCount } from '../shared/people-count';
import { formatShare } from '../../lib/format';
import { buildCompositionBars } from './composition.transform';

const SHOWN = 8;

/** One dimension of a composition as labelled bars; a hidden cell has no bar and says why. */
export function CompositionBars({ title, table, minGroupSize }: { title: string; table: CompositionTableDto; minGroupSize: number }) {
  const bars = buildCompositionBars(table);
  const shown = bars.slice(0, SHOWN);
  return (
    <figure className="comp">
      <figcaption className="comp__title">
        {title}
        {!(table.suppressed && table.distinct === 0) && <span className="comp__meta">{table.distinct === 1 ? '1 value' : `${table.distinct} values`}</span>}
      </figcaption>
      {table.suppressed && bars.every((b) => b.count === null) ? (
        <p className="muted comp__empty">Hidden for privacy: the group is smaller than {minGroupSize}.</p>
      ) : bars.length === 0 ? (
        <p className="muted comp__empty">Nobody.</p>
      ) : (
        <ul className="comp__list">
          {shown.map((b) => (
            <li key={b.key} className={b.muted ? 'comp__row is-muted' : 'comp__row'}>
              <span className="comp__label" title={b.label}>
                {b.label}
              </span>
              <span className="comp__track" aria-hidden="true">
                {b.count !== null && <span className="comp__fill" style={{ width: `${Math.max(1.5, b.width * 100)}%` }} />}
              </span>
              <span className="comp__value">
                <PeopleCount value={b.count} reason={b.suppressed} minGroupSize={minGroupSize} variant="mark" />
                {b.share !== null && <span className="comp__share"> {formatShare(b.share)}</span>}
              </span>
            </li>
          ))}
          {bars.length > SHOWN && <li className="muted comp__more">and {bars.length - SHOWN} more</li>}
        </ul>
      )}
    </figure>
  );
}
