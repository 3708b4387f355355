import type { SegmentRevisionDto } from '@hubpulse/contracts';
import { buildRevisionViews } from './segment-history.transform';

const rev = (v: number, o: Partial<SegmentRevisionDto> = {}): SegmentRevisionDto => ({
  definition_version: v,
  name: 'Sales',
  description: null,
  kind: 'dynamic',
  rule: { kind: 'attribute', field: 'department', op: 'in', values: ['Sales'] },
  edited_by: 'ana@example.com',
  edited_at: `2026-11-2${v}T10:00:00Z`,
  change_note: null,
  ...o,
});

describe('buildRevisionViews', () => {
  it('lists newest first and says what changed from the version before', () => {
    const both = { kind: 'attribute' as const, field: 'department' as const, op: 'in' as const, values: ['Sales', 'Marketing'] };
    const views = buildRevisionViews([rev(1), rev(3, { name: 'Sales & Marketing', change_note: 'rename', rule: both }), rev(2, { rule: both })]);
    expect(views.map((v) => [v.version, v.changes, v.ruleChanged])).toEqual([
      [3, ['Renamed from “Sales”'], false],
      [2, ['Rule changed'], true],
      [1, ['Created'], true],
    ]);
    expect(views[0].note).toBe('rename');
    expect(views[1].outline).toEqual([{ depth: 0, text: 'Department is “Sales” or “Marketing”' }]);
  });

  it('says so when a version changed nothing visible', () => {
    expect(buildRevisionViews([rev(1), rev(2)])[0].changes).toEqual(['No change to the definition']);
  });
});
