import { useState } from 'react';
import type { AmbassadorsResponse, PersonasResponse } from '@hubpulse/contracts';
import { AmbassadorFunnel } from '../../charts/ambassadors/ambassador-funnel';
import { buildFunnel } from '../../charts/ambassadors/ambassadors.transform';
import { PersonaWeeksChart } from '../../charts/personas/persona-weeks-chart';
import {
  buildPersonaRows,
  buildPersonaWeeks,
  buildTransitionMatrix,
  lastCompleteWeek,
  personaDefs,
} from '../../charts/personas/personas.transform';
import { TransitionMatrixTable } from '../../charts/personas/transition-matrix';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { EmptyState } from '../../charts/shared/chart-states';
import { ExportMenu } from '../../charts/shared/export-menu';
import { HiddenReasonValue } from '../../charts/shared/hidden-reason-value';
import { formatCount, formatShare, formatShortDay } from '../../lib/format';
import { PatternRangeControl } from './pattern-range-control';
import { PatternPanel, patternExportParams } from './pattern.panel';
import { usePattern } from './use-engagement';
import { DataTable } from '../../charts/shared/data-table';

/** Engagement → Personas & ambassadors: counts only, never names. */
export function EngagementPersonasPage() {
  const personas = usePattern('personas', 'org');
  const ambassadors = usePattern('ambassadors', 'org');
  return (
    <div className="page__grid">
      <title>Personas and ambassadors · Hubpulse</title>
      <PatternRangeControl range={personas.data?.range} />
      <PatternPanel
        query={personas}
        title="Personas"
        description={personas.data?.period_definition ?? 'Personas from the balance of what a person gives and receives, per ISO week.'}
        exportView="engagement.personas"
        what="personas per week"
        loadingLabel="Loading personas…"
        empty={(d) => d.weeks.length === 0 && 'No weeks in this range'}
        emptyText="Personas are computed per week with the scores."
      >
        {(d) => <PersonasBody data={d} />}
      </PatternPanel>
      {personas.data && personas.data.movement.length > 0 && <MovementPanel data={personas.data} />}
      <PatternPanel
        query={ambassadors}
        title="Ambassador pipeline"
        description={ambassadors.data?.definition ?? 'From observer to ambassador, in aggregate.'}
        exportView="engagement.ambassadors"
        what="ambassador pipeline"
        loadingLabel="Loading the pipeline…"
        empty={(d) => d.weeks.length === 0 && 'No weeks in this range'}
      >
        {(d) => <AmbassadorsBody data={d} />}
      </PatternPanel>
    </div>
  );
}

function PersonasBody({ data }: { data: PersonasResponse }) {
  const defs = personaDefs(data);
  const latest = buildPersonaRows(data);
  return (
    <div className="split">
      <div>
        <p className="chart-caption">
          People per persona, each ISO week of the range, whole organisation
          {latest.week && data.weeks.at(-1)?.week.slice(0, 10) !== latest.week && ' · the last bar is the current week, counted so far'}
        </p>
        <PersonaWeeksChart bars={buildPersonaWeeks(data)} personas={defs} minGroupSize={data.min_group_size} />
      </div>
      <div>
        <p className="chart-caption">
          Week of <strong>{latest.week ? formatShortDay(latest.week) : '—'}</strong> (newest complete week) · population{' '}
          {latest.population === null ? <HiddenReasonValue reason={latest.populationHidden} minGroupSize={data.min_group_size} /> : formatCount(latest.population)}
        </p>
        <DataTable caption="Personas in the latest week, with their definitions" className="persona-table" columns={['Persona', { num: 'People' }, { num: 'Share' }, { num: <abbr title="Compared with the week before">Change</abbr> }]} bare>
          {[...latest.rows].reverse().map((r) => (
            <tr key={r.key}>
              <th scope="row">
                <span className="persona-name">{r.label}</span>
                <span className="persona-definition">{r.definition}</span>
              </th>
              <td className="num">{r.people === null ? <HiddenReasonValue reason={r.hidden} minGroupSize={data.min_group_size} /> : formatCount(r.people)}</td>
              <td className="num">{r.share === null ? <span className="muted">—</span> : formatShare(r.share)}</td>
              <td className="num">
                {r.change === null ? (
                  <span className="muted">—</span>
                ) : (
                  <span className={r.change > 0 ? 'delta delta--up' : r.change < 0 ? 'delta delta--down' : 'delta'}>
                    {r.change > 0 ? `+${formatCount(r.change)}` : r.change < 0 ? `−${formatCount(-r.change)}` : '0'}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
    </div>
  );
}

function MovementPanel({ data }: { data: PersonasResponse }) {
  const weeks = data.movement.map((m) => m.week.slice(0, 10));
  // The current week is still filling up: start on the newest complete one.
  const [week, setWeek] = useState(lastCompleteWeek(weeks, data.range.to) ?? '');
  const matrix = buildTransitionMatrix(data, week || undefined);
  return (
    <ChartPanel
      title="Movement between personas"
      description={data.movement_definition}
      className="panel--wide"
      aside={
        <div className="panel__controls">
          <label className="day-picker__field">
            <span>Into the week of</span>
            <select value={week} onChange={(e) => setWeek(e.target.value)}>
              {[...weeks].reverse().map((w) => (
                <option key={w} value={w}>
                  {formatShortDay(w)}
                </option>
              ))}
            </select>
          </label>
          <ExportMenu view="engagement.persona-movement" params={patternExportParams(data)} what="persona movement" />
        </div>
      }
    >
      {matrix ? (
        <>
          <p className="chart-caption">
            People by persona in the week of <strong>{formatShortDay(matrix.fromWeek)}</strong> (rows) and of <strong>{formatShortDay(matrix.week)}</strong>{' '}
            (columns); the shaded diagonal stayed put. Counts only, never names.
          </p>
          <TransitionMatrixTable matrix={matrix} minGroupSize={data.min_group_size} />
        </>
      ) : (
        <EmptyState title="No movement for this week" height={160} />
      )}
    </ChartPanel>
  );
}

function AmbassadorsBody({ data }: { data: AmbassadorsResponse }) {
  const funnel = buildFunnel(data);
  return (
    <>
      <p className="chart-caption">
        Week of <strong>{funnel.week ? formatShortDay(funnel.week) : '—'}</strong>, over the {data.window_weeks} weeks ending then · population{' '}
        {funnel.population === null ? <HiddenReasonValue reason={funnel.populationHidden} minGroupSize={data.min_group_size} /> : formatCount(funnel.population)}
      </p>
      <AmbassadorFunnel stages={funnel.stages} population={funnel.population} minGroupSize={data.min_group_size} />
      {funnel.stages.some((s) => s.atLeast) && (
        <p className="panel__note">
          “≥” marks a total that leaves out a rung hidden for privacy (hover the dash for why).
        </p>
      )}
    </>
  );
}
