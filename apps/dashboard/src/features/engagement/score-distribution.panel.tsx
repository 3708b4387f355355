import { type FormEvent, useState } from 'react';
import { isValidDay } from '@hubpulse/contracts';
import { SCORE_DEFINITION } from '@hubpulse/contracts';
import { ScoreDistributionView } from '../../charts/score-distribution/score-distribution-view';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { QueryStates } from '../../charts/shared/chart-states';
import { ExportMenu } from '../../charts/shared/export-menu';
import { useScoreDay, useScoreDistribution } from './use-engagement';

const HEIGHT = 280;

export function ScoreDistributionPanel() {
  const query = useScoreDistribution();
  const { data, error } = query;
  const { day, setDay } = useScoreDay();

  return (
    <ChartPanel
      title="Score distribution"
      description={SCORE_DEFINITION}
      className={query.isPlaceholderData ? 'panel--wide is-stale' : 'panel--wide'}
      aside={
        <div className="panel__aside--stack">
          <DayPicker day={day ?? data?.day ?? undefined} onChange={setDay} onReset={day ? () => setDay(undefined) : undefined} />
          {data && (
            <div className="panel__actions">
              <ExportMenu view="engagement.distribution" params={{ day: data.day ?? undefined }} what="score distribution" disabled={data.bins.length === 0} />
              <ExportMenu view="engagement.quantiles" params={{ day: data.day ?? undefined }} what="score quantiles" label="Export quantiles" disabled={!data.quantiles} />
            </div>
          )}
        </div>
      }
    >
      <QueryStates data={data} error={error} onRetry={() => void query.refetch()} height={HEIGHT} loadingLabel="Loading the score distribution…">
        {(d) => <ScoreDistributionView data={d} height={HEIGHT} />}
      </QueryStates>
    </ChartPanel>
  );
}

/** A day for the distribution; "Latest" goes back to the newest scored day. */
function DayPicker({ day, onChange, onReset }: { day: string | undefined; onChange: (day: string) => void; onReset?: () => void }) {
  const [value, setValue] = useState(day ?? '');
  const [shown, setShown] = useState(day);
  // Follow the day on screen when it changes from elsewhere (the server's newest day arriving).
  if (day !== shown) {
    setShown(day);
    setValue(day ?? '');
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (isValidDay(value)) onChange(value);
  };
  return (
    <form className="day-picker" onSubmit={submit}>
      <label className="day-picker__field">
        <span>Day</span>
        <input
          type="date"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            if (isValidDay(e.target.value)) onChange(e.target.value);
          }}
        />
      </label>
      {onReset && (
        <button type="button" className="button button--ghost button--small" onClick={onReset}>
          Latest
        </button>
      )}
    </form>
  );
}
