import type { Purpose, PurposesResponse } from '@hubpulse/contracts';
import { GroupTrendsChart } from '../../charts/group-trends/group-trends-chart';
import { PURPOSE_COLORS, PurposeCardView } from '../../charts/purposes/purpose-cards';
import { buildPurposeCards, buildPurposeGroupRows, buildPurposeTrend } from '../../charts/purposes/purposes.transform';
import { ChartPanel } from '../../charts/shared/chart-panel';
import { EmptyState } from '../../charts/shared/chart-states';
import { HiddenReasonValue } from '../../charts/shared/hidden-reason-value';
import { GroupComparePanel } from './group-compare.panel';
import { PatternRangeControl } from './pattern-range-control';
import { PatternPanel } from './pattern.panel';
import { usePattern } from './use-engagement';

/** Engagement → Purposes: the five purposes of the hub as indices, each beside its definition. */
export function EngagementPurposesPage() {
  const org = usePattern('purposes', 'org');
  const data = org.data;
  return (
    <div className="page__grid">
      <title>Purpose indices · Hubpulse</title>
      <PatternRangeControl range={data?.range} />
      <PatternPanel
        query={org}
        title="The five purposes"
        description={data ? `Each index, for the whole organisation, on the last day of the range. ${data.population_definition}` : 'Each index, for the whole organisation, on the last day of the range.'}
        exportView="engagement.purposes"
        what="purpose indices"
        loadingLabel="Loading the purpose indices…"
        empty={(d) => d.indices.length === 0 && 'No purpose indices yet'}
        emptyText="They are computed with the scores; run a recompute if this stays empty."
      >
        {(d) => (
          <div className="purposes">
            {buildPurposeCards(d).map((card) => (
              <PurposeCardView key={card.purpose} card={card} minGroupSize={d.min_group_size} managementDefinition={d.management_share_definition} />
            ))}
          </div>
        )}
      </PatternPanel>
      {data && <PurposeTrendPanel data={data} />}
      <PurposeComparePanel />
    </div>
  );
}

function PurposeTrendPanel({ data }: { data: PurposesResponse }) {
  const { series, points } = buildPurposeTrend(data);
  return (
    <ChartPanel
      title="Indices over time"
      description={`Each day's index over the ${data.window_days} days ending that day, for the whole organisation. Definitions are on the cards above.`}
      className="panel--wide"
    >
      {series.length === 0 ? (
        <EmptyState title="Nothing to draw in this range" height={260} />
      ) : (
        <GroupTrendsChart series={series.map((s) => ({ ...s, color: PURPOSE_COLORS[s.key] }))} points={points} height={280} name="Purpose indices by day" what="Daily index per purpose" format={(n) => `${n.toFixed(1)}%`} minGroupSize={data.min_group_size} />
      )}
    </ChartPanel>
  );
}

function PurposeComparePanel() {
  const query = usePattern('purposes', 'compare');
  const data = query.data;
  const purposes = (data?.indices ?? []).map((i) => ({ key: i.purpose as Purpose, label: i.label, definition: i.definition }));
  const rows = data ? buildPurposeGroupRows(data) : [];
  return (
    <GroupComparePanel
      query={query}
      title={`By ${query.selection.compare}`}
      description={`Each index per ${query.selection.compare} on the last day of the range (percent). A hidden number says why on hover: a group or a count below ${data?.min_group_size ?? 'the minimum of'} people, or one that subtraction would reveal.`}
      caption="Purpose indices"
      exportView="engagement.purposes"
      what="purpose indices"
      empty={rows.length === 0 && 'No groups'}
      columns={() => purposes.map((p) => ({ num: <abbr title={p.definition}>{p.label}</abbr> }))}
      rows={(data) =>
        rows.map((r) => (
          <tr key={r.group}>
            <th scope="row">{r.group}</th>
            {purposes.map((p) => {
              const v = r.values[p.key];
              return (
                <td className="num" key={p.key}>
                  {v === null || v === undefined ? (
                    r.suppressed[p.key] ? (
                      <HiddenReasonValue reason={r.hidden[p.key]} minGroupSize={data.min_group_size} />
                    ) : (
                      <span className="muted">—</span>
                    )
                  ) : (
                    <span className="heat" style={{ ['--heat' as string]: String(Math.min(1, v / 100)) }}>
                      {v.toFixed(1)}
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))
      }
    />
  );
}
