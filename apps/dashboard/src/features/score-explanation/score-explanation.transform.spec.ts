import type { ScoreExplanationDto } from '@hubpulse/contracts';
import { buildActionRows, buildTypeRows, personOptionLabel, rankSentence } from './score-explanation.transform';

const dto: ScoreExplanationDto = {
  person_id: 'p0042',
  name: 'Maria Lopez',
  day: '2026-11-20',
  model_version: 3,
  raw: 40,
  score: 62,
  score_cohort: 55.5,
  cohort: 'Sales · 1–3 years',
  population: 2400,
  cohort_population: 80,
  by_type: [
    { type: 'view', weight: 1, half_life_days: 14, daily_cap: 20, actions: 50, counted: 40, points: 10 },
    { type: 'comment', weight: 4, half_life_days: 14, daily_cap: null, actions: 8, counted: 8, points: 30 },
    { type: 'post', weight: 8, half_life_days: 14, daily_cap: null, actions: 0, counted: 0, points: 0 },
  ],
  actions: [
    { day: '2026-11-19', type: 'view', actions: 30, counted: 20, decay: 0.95, points: 19 },
    { day: '2026-11-20', type: 'view', actions: 20, counted: 20, decay: 1, points: 20 },
    { day: '2026-11-20', type: 'comment', actions: 8, counted: 8, decay: 1, points: 32 },
  ],
  summary: '62 because …',
};

describe('buildTypeRows', () => {
  it('puts the biggest contribution first, with its share and what the cap left out', () => {
    const rows = buildTypeRows(dto);
    expect(rows.map((r) => [r.type, r.share, r.capped])).toEqual([
      ['comment', 0.75, 0],
      ['view', 0.25, 10],
      ['post', 0, 0],
    ]);
    expect(rows[1].label).toBe('View');
  });

  it('has no shares for a raw score of 0', () => {
    expect(buildTypeRows({ raw: 0, by_type: [{ ...dto.by_type[2] }] })[0].share).toBeNull();
  });
});

describe('buildActionRows', () => {
  it('shows the newest day first and the biggest contribution within it', () => {
    expect(buildActionRows(dto).map((r) => `${r.day} ${r.type}`)).toEqual(['2026-11-20 comment', '2026-11-20 view', '2026-11-19 view']);
  });
});

describe('words', () => {
  it('says what a percentile rank means', () => {
    expect(rankSentence(62, 2400, 'the organisation')).toBe('higher than 62% of the organisation');
    expect(rankSentence(100, 1, 'the cohort')).toBe('the only person in the cohort');
  });

  it('labels people in the picker', () => {
    expect(personOptionLabel({ person_id: 'p1', name: 'Ana', department: 'IT', raw: 3.456, score: 71.25 })).toBe('Ana (p1) · IT · score 71.3 · raw 3.5');
    expect(personOptionLabel({ person_id: 'x9', name: null, department: null, raw: 0, score: 0 })).toBe('x9 · score 0 · raw 0');
  });
});
