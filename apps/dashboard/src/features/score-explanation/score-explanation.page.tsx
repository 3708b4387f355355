import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { ScoreExplanationDto } from '@hubpulse/contracts';
import { scoreExplanationQuery } from '../../api/engagement.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { EmptyState, ErrorState, LoadingState } from '../../charts/shared/chart-states';
import { ExportCsvButton } from '../../charts/shared/export-csv-button';
import { SCORE_DEFINITION } from '../../charts/score-distribution/score-distribution-view';
import { isValidDay } from '@hubpulse/contracts';
import { formatCount, formatDay, formatPoints, formatScore } from '../../lib/format';
import { useNewestScoredDay } from '../engagement/use-engagement';
import { PersonPicker } from './person-picker';
import { actionRowsCsv, buildActionRows, buildTypeRows, rankSentence, typeRowsCsv } from './score-explanation.transform';

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

function ExplanationBody({ data }: { data: ScoreExplanationDto }) {
  const types = buildTypeRows(data);
  const actions = buildActionRows(data);
  const stem = `why-${data.person_id}-${data.day}`;
  return (
    <div className="why">
      <p className="why__summary">{data.summary}</p>
      <dl className="why__kpis">
        <div>
          <dt>Score in the organisation</dt>
          <dd>{formatScore(Math.round(data.score * 10) / 10)}</dd>
          <p className="why__kpi-note">
            {rankSentence(data.score, data.population, 'the organisation')} ({formatCount(data.population)} people)
          </p>
        </div>
        <div>
          <dt>Score in the cohort</dt>
          <dd>{formatScore(Math.round(data.score_cohort * 10) / 10)}</dd>
          <p className="why__kpi-note">
            {rankSentence(data.score_cohort, data.cohort_population, data.cohort)} ({formatCount(data.cohort_population)} people)
          </p>
        </div>
        <div>
          <dt>Raw score</dt>
          <dd>{formatPoints(data.raw)}</dd>
          <p className="why__kpi-note">decayed points from {actions.length} day-and-action entries</p>
        </div>
      </dl>

      <div className="table-toolbar">
        <h3 className="table-toolbar__title">Points per action type</h3>
        <ExportCsvButton stem={stem} csv={() => typeRowsCsv(data)} what="points per action type" />
      </div>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">Points per action type</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col" className="num">
                Actions
              </th>
              <th scope="col" className="num">
                <abbr title="After the daily cap">Counted</abbr>
              </th>
              <th scope="col" className="num">
                Weight
              </th>
              <th scope="col" className="num">
                Half-life
              </th>
              <th scope="col" className="num">
                Daily cap
              </th>
              <th scope="col" className="num">
                Points
              </th>
              <th scope="col">Share of raw</th>
            </tr>
          </thead>
          <tbody>
            {types.map((r) => (
              <tr key={r.type} className={r.actions === 0 ? 'is-quiet' : undefined}>
                <th scope="row">{r.label}</th>
                <td className="num">{formatCount(r.actions)}</td>
                <td className="num">
                  {formatCount(r.counted)}
                  {r.capped > 0 && <span className="muted"> ({formatCount(r.capped)} over cap)</span>}
                </td>
                <td className="num">{formatPoints(r.weight)}</td>
                <td className="num">{r.halfLifeDays} d</td>
                <td className="num">{r.dailyCap ?? <span className="muted">none</span>}</td>
                <td className="num">
                  <strong>{formatPoints(r.points)}</strong>
                </td>
                <td>
                  {r.share === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <span className="share-bar">
                      <span className="share-bar__track">
                        <span className="share-bar__fill" style={{ width: `${Math.round(r.share * 100)}%` }} />
                      </span>
                      {Math.round(r.share * 100)}%
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <details className="why__details">
        <summary>Day by day: what each day's actions add today ({actions.length})</summary>
        <div className="table-toolbar">
          <p className="muted">Decay = ½^(age ÷ half-life): an action counts in full on its day and half after one half-life.</p>
          <ExportCsvButton stem={`${stem}-days`} csv={() => actionRowsCsv(data)} what="day by day contributions" />
        </div>
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Contributions per day and action type</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Action</th>
                <th scope="col" className="num">
                  Actions
                </th>
                <th scope="col" className="num">
                  Counted
                </th>
                <th scope="col" className="num">
                  Decay
                </th>
                <th scope="col" className="num">
                  Points today
                </th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={`${a.day}:${a.type}`}>
                  <td className="nowrap">{formatDay(a.day)}</td>
                  <td>{a.label}</td>
                  <td className="num">{formatCount(a.actions)}</td>
                  <td className="num">{formatCount(a.counted)}</td>
                  <td className="num">{a.decay.toFixed(3)}</td>
                  <td className="num">{formatPoints(a.points)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
