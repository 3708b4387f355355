import { applyAuditSearch, auditChoices, auditParams, countText, describeDetails, EMPTY_AUDIT_FILTER, parseAuditSearch } from './audit.transform';

describe('audit filters', () => {
  it('round-trips the filter through the address, dropping bad days', () => {
    const search = applyAuditSearch(new URLSearchParams('x=1'), { action: 'user.invite', actor: '', from: '2026-03-01', to: '' });
    expect(search.toString()).toBe('x=1&action=user.invite&from=2026-03-01');
    expect(parseAuditSearch(search)).toEqual({ action: 'user.invite', actor: '', from: '2026-03-01', to: '' });
    expect(parseAuditSearch(new URLSearchParams('from=yesterday')).from).toBe('');
  });

  it('sends only the filters set, the actor trimmed', () => {
    expect(auditParams({ ...EMPTY_AUDIT_FILTER, actor: '  ana@ ', to: '2026-03-02' })).toEqual({ action: undefined, actor: 'ana@', from: undefined, to: '2026-03-02' });
    expect(auditParams({ ...EMPTY_AUDIT_FILTER, actor: '   ' }).actor).toBeUndefined();
  });

  it('offers the families with entries on record, then each recorded action by its label', () => {
    const c = auditChoices({ actions: ['segment.members.export', 'user.invite', 'something.new', 'goal.update'], actors: [] }, '');
    expect(c.families.map((f) => f.value)).toEqual(['user.', 'goal.', 'segment.']);
    expect(c.families[1].label).toBe('Goals and links: every action');
    expect(c.actions.map((a) => a.label)).toEqual(['Changed a goal', 'Exported segment members', 'Invited someone', 'something.new']);
  });

  it('keeps the current choice even when nothing of it is on record', () => {
    expect(auditChoices({ actions: [], actors: [] }, 'programme.').families.map((f) => f.value)).toEqual(['programme.']);
    expect(auditChoices(undefined, 'goal.delete').actions).toEqual([{ value: 'goal.delete', label: 'Deleted a goal' }]);
  });
});

describe('audit output', () => {
  it('describes details and counts', () => {
    expect(describeDetails({ rows: 12, format: 'csv', none: null, segment_name: 'A' })).toBe('rows: 12 · format: csv · segment name: A');
    expect(describeDetails({ rule: { kind: 'leader', value: true } })).toBe('rule: {"kind":"leader","value":true}');
    expect(describeDetails(undefined)).toBe('');
    expect(countText(3, false)).toBe('3 entries');
    expect(countText(200, true)).toBe('The latest 200 entries; older ones load on request');
  });
});
