import { useId } from 'react';
import { ExplainedMark } from '../../charts/shared/explained-mark';
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
          <ExplainedMark explanation={card.explanation ?? ''}>{card.value}</ExplainedMark>
        </p>
      ) : (
        <p className="stat__value">{card.value}</p>
      )}
      <p className="stat__caption">{card.caption}</p>
      {!card.suppressed && card.explanation && (
        <span id={explanationId} className="visually-hidden">
          {card.explanation}
        </span>
      )}
    </div>
  );
}
