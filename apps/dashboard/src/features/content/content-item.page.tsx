import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { channelLabel, CONTENT_DEFINITIONS, FIRST_COMMENT_BANDS, hiddenReasonText, PURPOSE_LABELS, type ContentFigure, type ContentItemDto } from '@hubpulse/contracts';
import { contentItemQuery } from '../../api/content.api';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { categoryAxisProps, useNarrowScreen } from '../../charts/shared/category-axis';
import { chartTheme } from '../../charts/shared/chart-theme';
import { EmptyState, QueryStates } from '../../charts/shared/chart-states';
import { ExportMenu } from '../../charts/shared/export-menu';
import { HiddenReasonValue } from '../../charts/shared/hidden-reason-value';
import { formatDateTime } from '../../lib/format';
import { Figure } from './content-figure';
import { decayBars } from './content.transform';
import { ChartFigure, categoryFigure } from '../../charts/shared/chart-figure';

/** Content → an item: how far it reached within its audience, how people took part, how attention decayed. */
export function ContentItemPage() {
  const { id = '' } = useParams();
  const query = useQuery(contentItemQuery(id));
  return (
    <div className="page__grid">
      <title>{`${query.data?.title ?? 'Content item'} · Hubpulse`}</title>
      <p className="breadcrumb">
        <Link to="/content">← Content</Link>
      </p>
      <QueryStates data={query.data} error={query.error} onRetry={() => void query.refetch()} loadingLabel="Loading the item…">
        {(d) => <ItemBody item={d} />}
      </QueryStates>
    </div>
  );
}

function Kpi({ label, f, k, rate, definition, note }: { label: string; f: ContentFigure; k: number; rate?: boolean; definition: string; note?: string }) {
  return (
    <div className="leader-kpi">
      <p className="leader-kpi__label">{label}</p>
      <p className="leader-kpi__value">
        <Figure f={f} k={k} rate={rate} />
      </p>
      <p className="leader-kpi__definition">
        {note && `${note} `}
        {definition}
      </p>
    </div>
  );
}

function ItemBody({ item }: { item: ContentItemDto }) {
  const k = item.min_group_size;
  const bars = decayBars(item.decay);
  const narrow = useNarrowScreen();
  const audience = item.audience.segment_id ? `Aimed at the segment ${item.audience.name}` : 'Aimed at everyone';
  return (
    <>
      <ChartPanel
        title={item.title || item.content_id}
        description={`${channelLabel(item.channel)} · ${PURPOSE_LABELS[item.purpose as keyof typeof PURPOSE_LABELS] ?? item.purpose} · by ${item.author_name ?? 'no author'} · published ${formatDateTime(item.published_at)} · ${audience}`}
        className="panel--wide"
      >
        <div className="leader-kpis">
          <Kpi label="Audience" f={item.audience.size} k={k} definition={CONTENT_DEFINITIONS.audience} />
          <Kpi label="Read rate" f={item.read_rate} k={k} rate definition={CONTENT_DEFINITIONS.read_rate} note={item.readers.value !== null ? `${item.readers.value} readers.` : undefined} />
          <Kpi label="Reach" f={item.reach_rate} k={k} rate definition={CONTENT_DEFINITIONS.reach_rate} />
          <Kpi label="Interactions" f={item.interactions} k={k} definition={CONTENT_DEFINITIONS.interactions} />
          <Kpi label="Comments and answers" f={item.comments} k={k} definition={CONTENT_DEFINITIONS.comments} />
          <Kpi label="Leader replies" f={item.leader_replies} k={k} definition={CONTENT_DEFINITIONS.leader_replies} />
          <div className="leader-kpi">
            <p className="leader-kpi__label">Median time to first comment</p>
            <p className="leader-kpi__value">
              {item.median_time_to_first_comment.band !== null ? (
                FIRST_COMMENT_BANDS.find((b) => b.key === item.median_time_to_first_comment.band)!.label
              ) : (
                <HiddenReasonValue reason={item.median_time_to_first_comment.hidden} minGroupSize={k}>
                  Fewer than {k} commented
                </HiddenReasonValue>
              )}
            </p>
            <p className="leader-kpi__definition">{CONTENT_DEFINITIONS.time_to_first_comment}</p>
          </div>
          {item.everyone && <Kpi label="Read rate, everyone" f={item.everyone.read_rate} k={k} rate definition="Everyone in the directory who viewed it, beside the segment it was aimed at." />}
        </div>
      </ChartPanel>
      <ChartPanel
        title="Attention by day since publishing"
        description={CONTENT_DEFINITIONS.decay}
        className="panel--wide"
        aside={<ExportMenu view="content.item-decay" params={{ id: item.content_id }} what="attention by day" />}
      >
        {bars.length === 0 ? (
          <EmptyState title="Not enough readers to draw" height={160}>
            {hiddenReasonText(item.decay_hidden, k)}
          </EmptyState>
        ) : (
          <ChartFigure {...categoryFigure('New readers by day since publishing', 'Days since publishing', 'Share of new readers', bars.map((b) => ({ key: b.label, label: b.label, value: b.percent })), (n) => `${n}%`)} minGroupSize={k}>
            {(a11y) => (
              <BarChart {...a11y} data={bars} responsive style={{ width: '100%', height: 240 }} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid vertical={false} stroke={chartTheme.grid} />
                <XAxis dataKey="label" {...categoryAxisProps(narrow, bars.map((b) => b.label))} tick={{ fill: chartTheme.axis, fontSize: chartTheme.fontSize }} tickLine={false} axisLine={{ stroke: chartTheme.grid }} />
                <YAxis width={44} unit="%" tick={{ fill: chartTheme.axis, fontSize: chartTheme.fontSize }} tickLine={false} axisLine={false} />
                <Tooltip cursor={{ fill: chartTheme.cursor }} formatter={(v, _n, p) => [`${String(v)}% (${(p.payload as { readers: number }).readers} readers)`, 'New readers']} />
                <Bar dataKey="percent" name="New readers" fill={chartTheme.series[0]} radius={[3, 3, 0, 0]} maxBarSize={56} isAnimationActive={false} />
              </BarChart>
            )}
          </ChartFigure>
        )}
      </ChartPanel>
    </>
  );
}
