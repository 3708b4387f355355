import { generateGoals } from './goals-generator';
import { generateOrganisation } from './organisation-generator';

describe('generateGoals', () => {
  const org = generateOrganisation({ seed: 42, people: 200, endDate: '2026-03-31' });
  const goals = generateGoals(org);

  it('sets the four strategy goals with their units and target types', () => {
    expect(goals.map((g) => [g.metric, g.unit, g.target_type])).toEqual([
      ['revenue', 'USD', 'increase_to'],
      ['cost_reduction', 'USD', 'at_or_above'],
      ['profit', 'USD', 'increase_to'],
      ['market_share', '%', 'increase_to'],
    ]);
    for (const g of goals) expect(g.target).toBeGreaterThan(g.baseline);
    expect(goals.every((g) => g.owner && org.people.some((p) => p.name === g.owner))).toBe(true);
  });

  it('covers the window with a fiscal year, with 12 monthly values up to the last month (three before the year)', () => {
    for (const g of goals) {
      expect(g.period_start <= org.window.startDate).toBe(true);
      expect(g.period_end >= org.window.endDate).toBe(true);
      expect(g.period_start).toBe('2025-07-01');
      expect(g.period_end).toBe('2026-06-30');
      expect(g.values.map((v) => v.period)).toEqual([
        '2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01',
        '2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01',
      ]);
      // monthly targets only inside the year, rising on a straight line
      expect(g.values.slice(0, 3).every((v) => v.target === null)).toBe(true);
      const targets = g.values.slice(3).map((v) => v.target!);
      expect([...targets].sort((a, b) => a - b)).toEqual(targets);
      // Noise, but a trend: the last value beats the first.
      expect(g.values[g.values.length - 1].value).toBeGreaterThan(g.values[0].value);
      for (const v of g.values) expect(Math.abs(v.value - g.baseline) / g.baseline).toBeLessThan(0.8);
    }
  });

  it('links each goal to an audience of the organisation with a hypothesis', () => {
    for (const g of goals) {
      expect(g.links).toHaveLength(1);
      const [l] = g.links!;
      expect(l.hypothesis.length).toBeGreaterThan(20);
      for (const d of l.values) expect(org.departments).toContain(d);
    }
    expect(goals.map((g) => g.links![0].scope)).toEqual(['department', 'department', 'organisation', 'department']);
  });

  it('is deterministic', () => {
    expect(generateGoals(generateOrganisation({ seed: 42, people: 200, endDate: '2026-03-31' }))).toEqual(goals);
  });
});
