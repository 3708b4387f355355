import type { ScoreExplanationDto, ScoringModelDto } from '../engagement.types';
import type { SegmentChannelStatsDto, SegmentDetailDto, ShrunkRateDto } from '../segments.types';
import type { StrategyOverviewDto } from '../strategy.types';
import { scoreExplanationTypesTable, scoringModelsTable } from './admin-tables';
import { segmentChannelsTable, segmentCompositionTable, segmentSizeHistoryTable } from './audience-tables';
import { purposeScorecardTable } from './strategy-tables';

/** The new panels' tables: hidden cells empty and counted with the note, absent numbers empty and not counted. */
const byName = (t: { columns: { name: string }[]; rows: unknown[][] }, row: number) => Object.fromEntries(t.columns.map((c, i) => [c.name, t.rows[row][i]]));

describe('segment tables', () => {
  const base = { id: 's1', name: 'Sales', min_group_size: 5 };

  it('composition: hidden cells empty with the reason, the rest labelled', () => {
    const composition: SegmentDetailDto['composition'] = {
      size: 12,
      by: {
        department: { total: 12, distinct: 3, suppressed: false, cells: [{ value: 'Sales', count: 9, suppressed: null }, { value: '__other__', count: null, suppressed: 'complementary' }] },
        location: { total: 12, distinct: 1, suppressed: false, cells: [{ value: '', count: 12, suppressed: null }] },
        title: { total: 12, distinct: 0, suppressed: false, cells: [] },
      },
      score: { bins: [{ from: 0, to: 50, count: null, suppressed: 'below_minimum' }], unscored: 8, unscored_suppressed: null, suppressed: false },
    };
    const t = segmentCompositionTable({ ...base, composition });
    expect(t.hidden_cells).toBe(2);
    expect(t.rows.map((r) => r.slice(2))).toEqual([
      ['department', 'Sales', 9, ''],
      ['department', 'all others', null, 'Hidden to protect privacy: another hidden number could otherwise be worked out from this one and the total.'],
      ['location', '', 12, ''],
      ['score', '0-50', null, 'Hidden to protect privacy: fewer than 5 people are behind this number.'],
      ['score', 'no score', 8, ''],
    ]);
    expect(segmentCompositionTable({ ...base, composition: null }).rows).toEqual([]);
  });

  it('channel rates: a hidden rate has every number empty and counted; a channel with nothing published is empty, not hidden', () => {
    const rate: ShrunkRateDto = { observed: 0.5, estimate: 0.45, lower: 0.3, upper: 0.6, org: 0.2, lift: 2.25, lift_lower: 1.5, lift_upper: 3, weight: 0.4 };
    const dto = {
      segment_id: 's1', from: '2026-03-01', to: '2026-03-31', min_group_size: 5,
      channels: [{ channel: 'blog', items: 3, reached: 9, reached_suppressed: null, reach_rate: rate, read_rate: null, read_rate_hidden: 'complement', interaction_rate: null, interaction_rate_hidden: null }],
    } as unknown as SegmentChannelStatsDto;
    const t = segmentChannelsTable(dto, 'Sales');
    expect(t.rows).toHaveLength(3);
    expect(byName(t, 0)).toMatchObject({ metric: 'reach_rate', observed: 0.5, estimate: 0.45, lower_95: 0.3, organisation: 0.2, verdict: 'above', note: '' });
    expect(byName(t, 1)).toMatchObject({ metric: 'read_rate', observed: null, estimate: null, own_data_weight: null, verdict: null });
    expect(byName(t, 1).note).toMatch(/^Hidden to protect privacy: all but fewer than 5/);
    expect(byName(t, 2)).toMatchObject({ metric: 'interaction_rate', estimate: null, note: '' });
    expect(t.hidden_cells).toBe(7);
  });

  it('size over time: oldest first; a hidden size is counted, a failed run has none', () => {
    const run = (finished_at: string, status: 'ok' | 'failed', size: number | null) => ({ version: 1, definition_version: 1, started_at: null, finished_at, status, error: status === 'failed' ? 'boom' : null, size, entered: size, left: 0 });
    const t = segmentSizeHistoryTable({ ...base, runs: [run('2026-03-02T10:00:00Z', 'ok', null), run('2026-03-01T10:00:00Z', 'failed', null)] });
    expect(t.rows.map((r) => [r[2], r[3], r[6], r[9]])).toEqual([
      ['2026-03-01T10:00:00.000Z', 'failed', null, 'boom'],
      ['2026-03-02T10:00:00.000Z', 'ok', null, null],
    ]);
    expect(t.hidden_cells).toBe(2); // size and entered of the ok run
  });
});

describe('purpose scorecard table', () => {
  it('tells a value hidden for privacy from one not available', () => {
    const score = (value: number | null, hidden: 'below_minimum' | null, reason: string | null = null) => ({ value, change: value === null ? null : 1, reason, hidden_reason: hidden });
    const dto = {
      min_group_size: 5,
      scorecard: {
        day: '2026-03-03', window_days: 28,
        purposes: [
          { purpose: 'inform', label: 'Inform', definition: '', organisation: score(40, null), departments: [{ department: 'Legal', value: null, change: null, suppressed: true, hidden_reason: null }], unavailable_reason: null },
          { purpose: 'connect', label: 'Connect', definition: '', organisation: score(null, null, 'no content yet'), departments: [], unavailable_reason: null },
        ],
      },
    } as unknown as StrategyOverviewDto;
    const t = purposeScorecardTable(dto);
    expect(t.rows.map((r) => r.slice(1, 6))).toEqual([
      ['Organisation', 'inform', 40, 1, null],
      ['Legal', 'inform', null, null, null],
      ['Organisation', 'connect', null, null, 'no content yet'],
    ]);
    expect(t.hidden_cells).toBe(2);
  });
});

describe('admin tables', () => {
  it('scoring models: one column per action type and setting, an empty cap for none', () => {
    const m = { version: 2, weights: { view: 1, post: 5 }, half_lives: { view: 7, post: 14 }, daily_caps: { view: 20 }, lookback_days: 90, note: null, created_by: 'a@x', created_at: '2026-03-01T09:00:00Z' } as unknown as ScoringModelDto;
    const t = scoringModelsTable([m]);
    expect(byName(t, 0)).toMatchObject({ version: 2, created_at: '2026-03-01T09:00:00.000Z', weight_view: 1, weight_post: 5, half_life_days_post: 14, daily_cap_view: 20, daily_cap_post: null });
    expect(t.hidden_cells).toBe(0);
    expect(t.columns.some((c) => c.name === 'note' && c.type === 'string')).toBe(true);
  });

  it('why a score: biggest contribution first, the share rounded', () => {
    const row = (type: string, points: number) => ({ type, weight: 1, half_life_days: 7, daily_cap: null, actions: points, counted: points, points });
    const dto = { person_id: 'p1', day: '2026-03-03', model_version: 1, raw: 3, by_type: [row('view', 1), row('post', 2)], actions: [] } as unknown as ScoreExplanationDto;
    const t = scoreExplanationTypesTable(dto);
    expect(t.rows.map((r) => [r[3], r[10]])).toEqual([
      ['post', 0.6667],
      ['view', 0.3333],
    ]);
  });
});
