import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { scoreExplanationQuery } from '../../api/engagement.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { EmptyState, ErrorState, LoadingState } from '../../charts/shared/chart-states';
import { SCORE_DEFINITION } from '@hubpulse/contracts';
import { isValidDay } from '@hubpulse/contracts';
import { formatDay, formatScore } from '../../lib/format';
import { useNewestScoredDay } from '../engagement/use-engagement';
import { PersonPicker } from './person-picker';
import { ExplanationBody } from './explanation-body';

/** Admin: one person's score on one day, taken apart — which actions, how much each added, which model. */
export function ScoreExplanationPage() {
  const [search, setSearch] = useSearchParams();
  const personId = search.get('person');
  const rawDay = search.get('day') ?? '';
  const { newestDay } = useNewestScoredDay();
  const day = isValidDay(rawDay) ? rawDay : (newestDay ?? undefined);
  const update = useCallback(
    (key: 'person' | 'day', value: string) =>
      setSearch((current) => {
        const next = new URLSearchParams(current);
        next.set(key, value);
        return next;
      }),
    [setSearch],
  );

  return (
    <div className="page__grid why-layout">
      <title>Why this score · Hubpulse</title>
      <ChartPanel title="Pick a person and a day" description="Admins only: explanations name a person." className="why-layout__picker">
        <label className="form-field">
          <span>Day</span>
          <input type="date" value={day ?? ''} max={newestDay ?? undefined} onChange={(e) => isValidDay(e.target.value) && update('day', e.target.value)} />
        </label>
        <PersonPicker day={day} selected={personId} onPick={(id) => update('person', id)} />
      </ChartPanel>
      <div className="why-layout__result">
        {personId ? (
          <Explanation personId={personId} day={day} />
        ) : (
          <ChartPanel title="Why this score" description={SCORE_DEFINITION}>
            <EmptyState title="Pick a person" height={200}>
              Search for someone on the left to see which actions made their score, how much each added, and which model version counted them.
            </EmptyState>
          </ChartPanel>
        )}
      </div>
    </div>
  );
}

function Explanation({ personId, day }: { personId: string; day: string | undefined }) {
  const query = useQuery({ ...scoreExplanationQuery(personId, day), enabled: day !== undefined });
  const { data, error } = query;
  return (
    <ChartPanel
      title={data ? `Why ${data.name ?? data.person_id} scores ${formatScore(Math.round(data.score))}` : 'Why this score'}
      description={data ? `${formatDay(data.day)} · scoring model v${data.model_version}` : undefined}
    >
      {error ? (
        <ErrorState error={error} onRetry={() => void query.refetch()} />
      ) : !data ? (
        <LoadingState label="Taking the score apart…" />
      ) : (
        <ExplanationBody data={data} />
      )}
    </ChartPanel>
  );
}
