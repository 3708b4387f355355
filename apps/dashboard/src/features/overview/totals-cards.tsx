import { useId } from 'react';
import type { TotalCard } from './totals.transform';

export function TotalsCards({ cards }: { cards: TotalCard[] }) {
  return (
    <div className="totals__grid">
      {cards.map((card) => (
        <TotalCardView key={card.key} card={card} />
      ))}
    </div>
  );
}

function TotalCardView({ card }: { card: TotalCard }) {
  const labelId = useId();
  const explanationId = useId();
  return (
    <div className="stat" role="group" aria-labelledby={labelId}>
      <p className="stat__label" id={labelId}>
        {card.label}
      </p>
      {card.suppressed ? (
        <p className="stat__value stat__value--suppressed">
          <span className="suppressed" data-tip={card.explanation} tabIndex={0} aria-describedby={explanationId}>
            {card.value}
          </span>
        </p>
      ) : (
        <p className="stat__value">{card.value}</p>
      )}
      <p className="stat__caption">{card.caption}</p>
      {card.explanation && (
        <span id={explanationId} className="visually-hidden">
          {card.explanation}
        </span>
      )}
    </div>
  );
}
