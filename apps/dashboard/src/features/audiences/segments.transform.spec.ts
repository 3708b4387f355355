import type { SegmentListDto, SegmentSummaryDto } from '@hubpulse/contracts';
import { segmentListTable, sortSegments, toCsv } from '@hubpulse/contracts';
import { canEditSegments, canSeeMembers, isComputing, memberRolesText, segmentStatus } from './segments.transform';

const segmentsCsv = (dto: SegmentListDto) => {
  const t = segmentListTable(dto);
  return toCsv(t.columns.map((c) => c.name), t.rows);
};

const NOW = Date.parse('2026-11-25T12:00:00Z');
const elapsed = (ms: number) => `${Math.round(ms / 60000)} min ago`;

function seg(overrides: Partial<SegmentSummaryDto> = {}): SegmentSummaryDto {
  return {
    id: 's1',
    name: 'Observers',
    description: null,
    kind: 'dynamic',
    starter: true,
    definition_version: 1,
    created_by: 'system',
    created_at: '2026-11-01T00:00:00Z',
    updated_at: '2026-11-01T00:00:00Z',
    archived_at: null,
    frozen_at: null,
    frozen_definition_version: null,
    size: 420,
    size_suppressed: null,
    computed_at: '2026-11-25T11:50:00Z',
    membership_version: 3,
    computed_definition_version: 1,
    status: 'ok',
    last_error: null,
    runs: [],
    ...overrides,
  };
}

describe('segmentStatus', () => {
  it('says when the membership was computed', () => {
    expect(segmentStatus(seg(), NOW, elapsed)).toEqual({ tone: 'ok', label: 'Computed 10 min ago', error: null, fallback: null });
  });

  it('shows a failed run loudly and says the last good membership stays', () => {
    const v = segmentStatus(seg({ status: 'failed', last_error: 'ClickHouse timeout' }), NOW, elapsed);
    expect(v.tone).toBe('failed');
    expect(v.error).toBe('ClickHouse timeout');
    expect(v.fallback).toBe('Showing the last good membership, computed Nov 25, 11:50 UTC.');
    expect(segmentStatus(seg({ status: 'failed', last_error: null, computed_at: null }), NOW, elapsed).fallback).toMatch(/No membership/);
  });

  it('knows what is still computing', () => {
    expect(segmentStatus(seg({ status: 'never_computed', computed_at: null }), NOW, elapsed).label).toBe('Computing…');
    const changed = seg({ definition_version: 2, computed_definition_version: 1 });
    expect(isComputing(changed)).toBe(true);
    expect(segmentStatus(changed, NOW, elapsed).label).toBe('Recomputing for the new rule…');
    // Static segments keep the frozen membership until frozen again.
    expect(isComputing(seg({ kind: 'static', definition_version: 2, computed_definition_version: 1 }))).toBe(false);
    expect(isComputing(seg({ status: 'failed' }))).toBe(false);
    expect(isComputing(seg({ status: 'never_computed', archived_at: '2026-11-02T00:00:00Z' }))).toBe(false);
  });

  it('says "frozen" for static segments', () => {
    expect(segmentStatus(seg({ kind: 'static', frozen_at: '2026-11-25T11:00:00Z' }), NOW, elapsed).label).toBe('Frozen 60 min ago');
  });
});

describe('roles', () => {
  it('lets admins and planners edit and see members, nobody else', () => {
    expect(['admin', 'planner', 'leader', 'analyst', undefined].map((r) => [canEditSegments(r), canSeeMembers(r)])).toEqual([
      [true, true],
      [true, true],
      [false, false],
      [false, false],
      [false, false],
    ]);
    expect(memberRolesText()).toBe('admins and comms planners');
  });
});

describe('list', () => {
  it('puts starters first in shipping order, then the rest by name', () => {
    const list = sortSegments([
      seg({ id: 'b', name: 'beta', starter: false }),
      seg({ id: 'l', name: 'Leaders', created_at: '2026-11-01T00:00:05Z' }),
      seg({ id: 'o', name: 'Observers', created_at: '2026-11-01T00:00:01Z' }),
      seg({ id: 'a', name: 'Alpha', starter: false }),
    ]);
    expect(list.map((s) => s.id)).toEqual(['o', 'l', 'a', 'b']);
  });

  it('exports hidden sizes as empty cells with the reason, never 0', () => {
    const dto: SegmentListDto = { min_group_size: 5, population: 2400, segments: [seg({ size: null, size_suppressed: 'remainder' })] };
    const line = segmentsCsv(dto).split('\r\n')[1];
    expect(line).toBe('s1,Observers,dynamic,true,,ok,2026-11-25T11:50:00Z,3,1,,Hidden to protect privacy: the whole organisation minus the shown groups would leave fewer than 5 people.');
    expect(line).not.toMatch(/,0,/);
  });
});
