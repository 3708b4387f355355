import { round, type ScoreExplanationDto } from '@hubpulse/contracts';
import { ExportMenu } from '../../charts/shared/export-menu';
import { DataTable } from '../../charts/shared/data-table';
import { formatCount, formatDay, formatPoints, formatScore } from '../../lib/format';
import { type ActionRow, type TypeRow, buildActionRows, buildTypeRows, rankSentence } from './score-explanation.transform';

/** One person's score taken apart: the ranks, the points per action type, and day by day. */
export function ExplanationBody({ data }: { data: ScoreExplanationDto }) {
  const actions = buildActionRows(data);
  const params = { person_id: data.person_id, day: data.day };
  return (
    <div className="why">
      <p className="why__summary">{data.summary}</p>
      <ScoreKpis data={data} entries={actions.length} />

      <div className="table-toolbar">
        <h3 className="table-toolbar__title">Points per action type</h3>
        <ExportMenu view="engagement.explanation" params={params} what="points per action type" />
      </div>
      <TypeTable rows={buildTypeRows(data)} />

      <details className="why__details">
        <summary>Day by day: what each day's actions add today ({actions.length})</summary>
        <div className="table-toolbar">
          <p className="muted">Decay = ½^(age ÷ half-life): an action counts in full on its day and half after one half-life.</p>
          <ExportMenu view="engagement.explanation-days" params={params} what="day by day contributions" />
        </div>
        <DayTable rows={actions} />
      </details>
    </div>
  );
}

function ScoreKpis({ data, entries }: { data: ScoreExplanationDto; entries: number }) {
  return (
    <dl className="why__kpis">
      <div>
        <dt>Score in the organisation</dt>
        <dd>{formatScore(round(data.score, 1))}</dd>
        <p className="why__kpi-note">
          {rankSentence(data.score, data.population, 'the organisation')} ({formatCount(data.population)} people)
        </p>
      </div>
      <div>
        <dt>Score in the cohort</dt>
        <dd>{formatScore(round(data.score_cohort, 1))}</dd>
        <p className="why__kpi-note">
          {rankSentence(data.score_cohort, data.cohort_population, data.cohort)} ({formatCount(data.cohort_population)} people)
        </p>
      </div>
      <div>
        <dt>Raw score</dt>
        <dd>{formatPoints(data.raw)}</dd>
        <p className="why__kpi-note">decayed points from {entries} day-and-action entries</p>
      </div>
    </dl>
  );
}

const TYPE_COLUMNS = [
  'Action',
  { num: 'Actions' },
  { num: <abbr title="After the daily cap">Counted</abbr> },
  { num: 'Weight' },
  { num: 'Half-life' },
  { num: 'Daily cap' },
  { num: 'Points' },
  'Share of raw',
];

function TypeTable({ rows }: { rows: TypeRow[] }) {
  return (
    <DataTable caption="Points per action type" columns={TYPE_COLUMNS}>
      {rows.map((r) => (
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
    </DataTable>
  );
}

const DAY_COLUMNS = ['Day', 'Action', { num: 'Actions' }, { num: 'Counted' }, { num: 'Decay' }, { num: 'Points today' }];

function DayTable({ rows }: { rows: ActionRow[] }) {
  return (
    <DataTable caption="Contributions per day and action type" columns={DAY_COLUMNS}>
      {rows.map((a) => (
        <tr key={`${a.day}:${a.type}`}>
          <td className="nowrap">{formatDay(a.day)}</td>
          <td>{a.label}</td>
          <td className="num">{formatCount(a.actions)}</td>
          <td className="num">{formatCount(a.counted)}</td>
          <td className="num">{a.decay.toFixed(3)}</td>
          <td className="num">{formatPoints(a.points)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
