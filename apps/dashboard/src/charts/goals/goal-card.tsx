import type { GoalCardModel } from './goals.transform';
import { GoalSparkline } from './goal-sparkline';

/** One strategy goal: where it stands, how far along, and its monthly course against target. */
export function GoalCard({ goal }: { goal: GoalCardModel }) {
  const pct = Math.round(goal.progressBar * 100);
  return (
    <article className="goal" aria-label={goal.name}>
      <header className="goal__header">
        <span className="goal__metric">{goal.metricLabel}</span>
        <span className={`badge badge--${goal.status}`}>{goal.statusLabel}</span>
      </header>
      <h3 className="goal__name">{goal.name}</h3>

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
      </div>
      <p className="goal__progress-label">{goal.progressLabel}</p>

      {goal.sparkline.length > 0 ? (
        <div className="goal__spark" aria-hidden="true">
          <GoalSparkline points={goal.sparkline} unit={goal.unit} />
        </div>
      ) : (
        <div className="goal__spark goal__spark--empty">No monthly values</div>
      )}
      <p className="goal__footer">
        <span>{goal.targetLine}</span>
        <span>Baseline {goal.baseline}</span>
      </p>
    </article>
  );
}
