import { hiddenReasonText } from '@hubpulse/contracts';
import { formatCount, formatShortDay } from '../../lib/format';
import { HiddenReasonValue } from '../shared/hidden-reason-value';
import type { PurposeCard } from './purposes.transform';

/** Each purpose's colour, on its card and its line (themed in styles/base.css). */
export const PURPOSE_COLORS: Record<string, string> = {
  inform: 'var(--purpose-inform)',
  vision: 'var(--purpose-vision)',
  productivity: 'var(--purpose-productivity)',
  engagement: 'var(--purpose-engagement)',
  strategy: 'var(--purpose-strategy)',
};

/** One index: the number, what it counts (numerator of denominator), and its definition beside it. */
export function PurposeCardView({ card, minGroupSize, managementDefinition }: { card: PurposeCard; minGroupSize: number; managementDefinition: string }) {
  return (
    <article className={`purpose purpose--${card.purpose}`} aria-label={`${card.label} index`}>
      <header className="purpose__head">
        <h3 className="purpose__label">{card.label}</h3>
        {card.day && <span className="purpose__day muted">28 days to {formatShortDay(card.day)}</span>}
      </header>
      <div className="purpose__figure">
        {card.status === 'ok' && card.value !== null ? (
          <span className="purpose__value">
            {card.value}
            <span className="purpose__unit">%</span>
          </span>
        ) : card.status === 'suppressed' ? (
          <span className="purpose__value purpose__value--muted">
            <HiddenReasonValue reason={card.hiddenReason} minGroupSize={minGroupSize} />
          </span>
        ) : (
          <span className="purpose__value purpose__value--muted">—</span>
        )}
        <span className="purpose__count">
          {card.status === 'ok' && card.numerator !== null && card.denominator !== null
            ? `${formatCount(card.numerator)} of ${formatCount(card.denominator)}`
            : card.status === 'suppressed'
              ? card.denominator !== null
                ? `hidden, of ${formatCount(card.denominator)}`
                : 'hidden'
              : card.status === 'unavailable'
                ? 'Not available yet'
                : 'No data in the range'}
        </span>
      </div>
      <p className="purpose__definition">{card.definition}</p>
      {(card.status === 'unavailable' || card.status === 'suppressed') && card.reason && <p className="purpose__reason">{card.status === 'suppressed' ? hiddenReasonText(card.hiddenReason, minGroupSize) : card.reason}</p>}
      {card.purpose === 'engagement' && card.status === 'ok' && (
        <p className="purpose__extra" title={managementDefinition}>
          Management takes part in{' '}
          <strong>{card.managementShare === null ? <HiddenReasonValue reason={card.managementHidden} minGroupSize={minGroupSize} /> : `${Math.round(card.managementShare)}%`}</strong> of these
          conversations
        </p>
      )}
      {card.parts.length > 0 && card.status === 'ok' && (
        <details className="purpose__parts">
          <summary>How it is counted</summary>
          <p className="definition">
            <strong>Counts</strong> {card.numeratorDefinition}; <strong>out of</strong> {card.denominatorDefinition}.
          </p>
          <ul>
            {card.parts.map((p) => (
              <li key={p.key}>
                <strong>{p.value === null ? <HiddenReasonValue reason={p.hidden} minGroupSize={minGroupSize} /> : formatCount(p.value)}</strong> {p.definition}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
