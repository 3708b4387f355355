import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { hiddenReasonText, type HiddenReason, type LeaderResponsivenessResponse } from '@hubpulse/contracts';
import { GroupTrendsChart } from '../../charts/group-trends/group-trends-chart';
import { KIND_LABELS, buildAnsweredTrend, buildQueueBars, formatHours, headlineRow } from '../../charts/leaders/leaders.transform';
import { categoryAxisProps, useNarrowScreen } from '../../charts/shared/category-axis';
import { chartTheme } from '../../charts/shared/chart-theme';
import { EmptyState } from '../../charts/shared/chart-states';
import { MaybeHiddenValue } from '../../charts/shared/hidden-reason-value';
import { formatCount } from '../../lib/format';
import { GroupComparePanel } from './group-compare.panel';
import { PatternRangeControl } from './pattern-range-control';
import { PatternPanel } from './pattern.panel';
import { sortLeaderRows } from '@hubpulse/contracts';
import { usePattern } from './use-engagement';
import { ChartFigure, categoryFigure } from '../../charts/shared/chart-figure';

/** Engagement → Leader responsiveness: do leaders answer what employees address to them? */
export function EngagementLeadersPage() {
  const org = usePattern('leaders', 'org');
  const data = org.data;
  return (
    <div className="page__grid">
      <title>Leader responsiveness · Hubpulse</title>
      <PatternRangeControl range={data?.range} />
      <PatternPanel
        query={org}
        title="Leader responsiveness"
        description={data?.definition ?? 'Questions and feedback addressed to leaders, and how leaders answer them.'}
        exportView="engagement.leaders"
        what="leader responsiveness"
        loadingLabel="Loading leader responsiveness…"
      >
        {(d) => <LeadersBody data={d} />}
      </PatternPanel>
      <LeadersComparePanel />
    </div>
  );
}

const formatPercent = (n: number) => `${Math.round(n)}%`;

function metricDefinition(data: LeaderResponsivenessResponse, key: string): string {
  return data.metrics.find((m) => m.key === key)?.definition ?? '';
}

function LeadersBody({ data }: { data: LeaderResponsivenessResponse }) {
  const row = headlineRow(data);
  const k = data.min_group_size;
  const narrow = useNarrowScreen();
  if (!row) return <EmptyState title="Nothing addressed to leaders in this range" />;
  const queue = buildQueueBars(data, row);
  const trend = buildAnsweredTrend(data);
  const num = (value: number | null, reason: HiddenReason | null, format?: (n: number) => string) => <MaybeHiddenValue value={value} reason={reason} minGroupSize={k} format={format} />;
  return (
    <>
      <div className="leader-kpis">
        <div className="leader-kpi">
          <p className="leader-kpi__label">Raised</p>
          <p className="leader-kpi__value">{num(row.raised, row.hidden_reason)}</p>
          <p className="leader-kpi__definition">{metricDefinition(data, 'raised')}</p>
        </div>
        <div className="leader-kpi">
          <p className="leader-kpi__label">Answered by a leader</p>
          <p className="leader-kpi__value">{num(row.answered_share, row.answers_hidden, formatPercent)}</p>
          <p className="leader-kpi__definition">
            {row.answered !== null && row.raised !== null && `${formatCount(row.answered)} of ${formatCount(row.raised)}. `}
            {metricDefinition(data, 'answered_share')}
          </p>
        </div>
        <div className="leader-kpi">
          <p className="leader-kpi__label">Median time to first reply</p>
          <p className="leader-kpi__value">{num(row.median_reply_hours, row.answers_hidden, formatHours)}</p>
          <p className="leader-kpi__definition">{metricDefinition(data, 'median_reply_hours')}</p>
        </div>
        <div className="leader-kpi">
          <p className="leader-kpi__label">Unanswered now</p>
          <p className="leader-kpi__value">{num(row.queue_total, row.queue_hidden)}</p>
          <p className="leader-kpi__definition">{metricDefinition(data, 'queue')}</p>
        </div>
      </div>
      <div className="split split--even">
        <div>
          <h3 className="table-toolbar__title">Unanswered queue by age</h3>
          <p className="chart-caption">Items still without a leader reply at the end of the range, by how long they have waited</p>
          <ChartFigure {...categoryFigure('Unanswered items by age', 'Waiting', 'Unanswered items', queue.map((b) => ({ key: b.key, label: b.label, value: b.items, hidden: b.items === null, reason: row?.queue_hidden ?? null })), formatCount)} minGroupSize={k}>
            {(a11y) => (
              <BarChart {...a11y} data={queue} responsive style={{ width: '100%', height: 220 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid vertical={false} stroke={chartTheme.grid} />
                <XAxis dataKey="label" {...categoryAxisProps(narrow, queue.map((b) => b.label))} tick={{ fill: chartTheme.axis, fontSize: chartTheme.fontSize }} tickLine={false} axisLine={{ stroke: chartTheme.grid }} />
                <YAxis width={40} allowDecimals={false} tick={{ fill: chartTheme.axis, fontSize: chartTheme.fontSize }} tickLine={false} axisLine={false} />
                <Tooltip cursor={{ fill: chartTheme.cursor }} formatter={(v) => [v === null || v === undefined ? 'hidden' : String(v), 'Unanswered']} />
                <Bar dataKey="items" name="Unanswered" fill={chartTheme.danger} radius={[3, 3, 0, 0]} maxBarSize={56} />
              </BarChart>
            )}
          </ChartFigure>
          {queue.some((b) => b.items === null) && (
            <p className="panel__note">
              {hiddenReasonText(row.queue_hidden, k)} The unanswered queue is not drawn.
            </p>
          )}
        </div>
        <div>
          <h3 className="table-toolbar__title">Share answered, by day raised</h3>
          <p className="chart-caption">Percent of the items raised each day that a leader has replied to so far; recent days may still catch up</p>
          {trend.some((p) => p.answered !== null) ? (
            <GroupTrendsChart series={[{ key: 'answered', label: 'Answered', dataKey: 'answered' }]} points={trend} height={220} name="Share answered, by day raised" what="Share answered" format={(n) => `${n.toFixed(1)}%`} minGroupSize={k} />
          ) : (
            <EmptyState title="No day with enough items to show" height={220} />
          )}
          {data.days.some((d) => d.answered_share === null && d.raised !== null) && (
            <p className="panel__note">Days whose replies came from fewer than {k} leaders (or that would reveal such a day beside the total) are not drawn.</p>
          )}
        </div>
      </div>
    </>
  );
}

function LeadersComparePanel() {
  const query = usePattern('leaders', 'compare');
  const rows = query.data ? sortLeaderRows(query.data.groups) : [];
  return (
    <GroupComparePanel
      query={query}
      title={`By ${query.selection.compare} of the asker`}
      description="Per group and kind of item: raised, answered by a leader, median time to first reply and the unanswered queue."
      caption="Leader responsiveness"
      exportView="engagement.leaders"
      what="leader responsiveness"
      empty={rows.length === 0 && 'No items in this range'}
      columns={() => ['Kind', { num: 'Raised' }, { num: 'Answered' }, { num: 'Share answered' }, { num: 'Median first reply' }, { num: 'Unanswered' }]}
      rows={(data) => {
        const k = data.min_group_size;
        return rows.map((r) => (
          <tr key={`${r.group}:${r.kind}`} className={r.kind === 'all' ? 'row--group' : undefined}>
            <th scope="row">{r.kind === 'all' ? r.group : <span className="visually-hidden">{r.group}</span>}</th>
            <td>{KIND_LABELS[r.kind]}</td>
            <td className="num"><MaybeHiddenValue value={r.raised} reason={r.hidden_reason} minGroupSize={k} /></td>
            <td className="num"><MaybeHiddenValue value={r.answered} reason={r.answers_hidden} minGroupSize={k} /></td>
            <td className="num"><MaybeHiddenValue value={r.answered_share} reason={r.answers_hidden} minGroupSize={k} format={formatPercent} /></td>
            <td className="num"><MaybeHiddenValue value={r.median_reply_hours} reason={r.answers_hidden} minGroupSize={k} format={formatHours} /></td>
            <td className="num"><MaybeHiddenValue value={r.queue_total} reason={r.queue_hidden} minGroupSize={k} /></td>
          </tr>
        ));
      }}
    />
  );
}
