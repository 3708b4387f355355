import { resolveWindow } from './calendar';

describe('resolveWindow', () => {
  it('includes the whole of a bare end date', () => {
    const w = resolveWindow('2026-03-31', 90);
    expect(w.startDate).toBe('2026-01-01');
    expect(w.endDate).toBe('2026-03-31');
    expect(new Date(w.cutoffMs).toISOString()).toBe('2026-03-31T23:59:59.000Z');
  });

  it('treats a midnight Date as the end: the 90 full days before it', () => {
    const w = resolveWindow(new Date('2026-04-01T00:00:00Z'), 90);
    expect(w.startDate).toBe('2026-01-01');
    expect(w.endDate).toBe('2026-03-31');
    expect(new Date(w.cutoffMs).toISOString()).toBe('2026-03-31T23:59:59.000Z');
  });

  it('stops at an instant within the last day, so "now" never yields the future', () => {
    const w = resolveWindow('2026-03-31T14:30:00Z', 90);
    expect(w.endDate).toBe('2026-03-31');
    expect(new Date(w.cutoffMs).toISOString()).toBe('2026-03-31T14:29:59.000Z');
  });

  it('rejects nonsense', () => {
    expect(() => resolveWindow('not a date', 90)).toThrow('endDate is not a date');
    expect(() => resolveWindow('2026-03-31', 0)).toThrow('days must be a positive integer');
  });
});
