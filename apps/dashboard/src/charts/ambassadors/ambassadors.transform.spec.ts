import type { AmbassadorsResponse } from '@hubpulse/contracts';
import { ambassadorsTable, toCsv, type ViewTable } from '@hubpulse/contracts';
import { buildFunnel, buildPipelineWeeks } from './ambassadors.transform';
/** A view table as the server's CSV export writes it. */
const csvOf = (t: ViewTable) => toCsv(t.columns.map((c) => c.name), t.rows);
const ambassadorsCsv = (r: Parameters<typeof ambassadorsTable>[0]) => csvOf(ambassadorsTable(r));


const keys = ['inactive', 'observer', 'contributor', 'steady', 'connector', 'ambassador'];

function resp(ambassador: number | null = 4): AmbassadorsResponse {
  return {
    range: { from: '2026-11-02', to: '2026-11-15' },
    by: 'org',
    min_group_size: 5,
    definition: 'Ambassadors engage steadily',
    window_weeks: 8,
    stages: keys.map((k) => ({ key: k, label: k, definition: `def ${k}` })),
    weeks: [
      {
        week: '2026-11-09',
        groups: [
          {
            group: 'org', population: 200, population_hidden: null, suppressed: ambassador === null,
            stages: { inactive: 20, observer: 80, contributor: 50, steady: 30, connector: 12, ambassador },
            hidden: { inactive: null, observer: null, contributor: null, steady: null, connector: null, ambassador: ambassador === null ? 'numerator' : null },
          },
        ],
      },
    ],
  };
}

describe('buildFunnel', () => {
  it('counts who reached each rung, with conversions', () => {
    const { week, stages } = buildFunnel(resp());
    expect(week).toBe('2026-11-09');
    expect(stages.map((s) => s.reached)).toEqual([196, 176, 96, 46, 16, 4]);
    expect(stages[0].share).toBe(0.98);
    expect(stages[5].conversion).toBe(0.25);
    expect(stages.every((s) => !s.atLeast)).toBe(true);
  });

  it('turns sums over a hidden rung into lower bounds, never guessing the hidden count', () => {
    const { stages } = buildFunnel(resp(null));
    expect(stages[5]).toMatchObject({ atStage: null, reached: 0, atLeast: true, conversion: null });
    expect(stages[4]).toMatchObject({ reached: 12, atLeast: true });
    expect(stages[3].conversion).toBeNull();
  });
});

describe('weeks and CSV', () => {
  it('gives one point per week with a key per stage', () => {
    expect(buildPipelineWeeks(resp())[0]).toMatchObject({ day: '2026-11-09', ambassador: 4, steady: 30 });
  });

  it('exports hidden counts empty with a note', () => {
    expect(ambassadorsCsv(resp(null)).split('\r\n')).toContain('2026-11-09,org,org,200,ambassador,,Hidden to protect privacy: fewer than 5 people are counted in this number.');
  });
});
