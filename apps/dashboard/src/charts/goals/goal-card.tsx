import { Link } from 'react-router';
import type { GoalCardModel } from './goals.transform';
import { GoalSparkline } from './goal-sparkline';

interface GoalCardProps {
  goal: GoalCardModel;
  /** Formats a value in the goal's unit, for the sparkline's tooltip. */
  format: (value: number) => string;
  /** Where the goal's name links to (its detail page). */
  to?: string;
}

/** One strategy goal: status, how far along against how far it should be, the forecast, and its monthly course. */
export function GoalCard({ goal, format, to }: GoalCardProps) {
  const pct = Math.round(goal.progressBar * 100);
  return (
    <article className={`goal goal--${goal.status}`} aria-label={goal.name}>
      <header className="goal__header">
        <span className="goal__metric">
          {goal.metricLabel}
          <span className="goal__scope"> · {goal.scopeLabel}</span>
        </span>
        <span className={`badge badge--status badge--${goal.status}`}>{goal.statusLabel}</span>
      </header>
      <h3 className="goal__name">{to ? <Link to={to}>{goal.name}</Link> : goal.name}</h3>

      <div className="goal__figures">
        <div>
          <p className="goal__value">{goal.latestValue}</p>
          <p className="goal__caption">{goal.latestPeriod ? `Latest, ${goal.latestPeriod}` : 'No values yet'}</p>
        </div>
        <div className="goal__target">
          <p className="goal__target-value">{goal.target}</p>
          <p className="goal__caption">Target</p>
        </div>
      </div>

      <div
        className="progress"
        role="progressbar"
        aria-label={`Progress toward ${goal.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={goal.progressLabel}
      >
        <div className={`progress__bar progress__bar--${goal.status}`} style={{ width: `${pct}%` }} />
        {goal.expectedBar !== null && (
          <span className="progress__expected" style={{ left: `${Math.round(goal.expectedBar * 100)}%` }} title="Where it should be by now" />
        )}
      </div>
      <p className="goal__progress-label">{goal.progressLabel}</p>
      {goal.statusReason && <p className="goal__reason">{goal.statusReason}</p>}

      <div className="goal__forecast">
        <span className="forecast-tag">Forecast</span>
        {goal.forecast ? (
          <div>
            <p>
              {goal.forecast.month}: <strong>{goal.forecast.value}</strong>
            </p>
            <p className="goal__caption">{[goal.forecast.range, goal.forecast.chance].filter(Boolean).join(' · ')}</p>
          </div>
        ) : (
          <p className="goal__caption">None: {goal.forecastReason}</p>
        )}
      </div>

      {goal.sparkline.length > 0 ? (
        <div className="goal__spark">
          <GoalSparkline points={goal.sparkline} format={format} goal={goal.name} />
        </div>
      ) : (
        <div className="goal__spark goal__spark--empty">No monthly values</div>
      )}
      <p className="goal__footer">
        <span>{goal.targetLine}</span>
        <span>Baseline {goal.baseline}</span>
        {goal.owner && <span>Owner {goal.owner}</span>}
      </p>
    </article>
  );
}
