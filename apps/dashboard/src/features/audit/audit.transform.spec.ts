import type { AuditLogEntryDto } from '@hubpulse/contracts';
import { applyAuditSearch, auditChoices, auditCsv, countText, describeDetails, EMPTY_AUDIT_FILTER, filterAudit, parseAuditSearch } from './audit.transform';

const entry = (id: string, at: string, actor: string, action: string, details: Record<string, unknown> = {}): AuditLogEntryDto => ({ id, at, actor, action, target: `segment:${id}`, details });

const entries = [
  entry('1', '2026-03-03T10:00:00.000Z', 'admin@hubpulse.local', 'segment.members.export', { rows: 12, format: 'csv' }),
  entry('2', '2026-03-02T23:59:00.000Z', 'Ana@Example.com', 'segment.members.view'),
  entry('3', '2026-03-01T00:00:00.000Z', 'admin@hubpulse.local', 'user.invite'),
  entry('4', '2026-02-01T00:00:00.000Z', 'admin@hubpulse.local', 'something.new'),
];

describe('audit filters', () => {
  it('filters by action, actor (part, any case) and days inclusive', () => {
    expect(filterAudit(entries, { ...EMPTY_AUDIT_FILTER, action: 'segment.members.view' }).map((e) => e.id)).toEqual(['2']);
    expect(filterAudit(entries, { ...EMPTY_AUDIT_FILTER, actor: 'ana@' }).map((e) => e.id)).toEqual(['2']);
    expect(filterAudit(entries, { ...EMPTY_AUDIT_FILTER, from: '2026-03-02', to: '2026-03-02' }).map((e) => e.id)).toEqual(['2']);
    expect(filterAudit(entries, { ...EMPTY_AUDIT_FILTER, from: '2026-03-02' }).map((e) => e.id)).toEqual(['1', '2']);
    expect(filterAudit(entries, EMPTY_AUDIT_FILTER)).toHaveLength(4);
  });

  it('round-trips the filter through the address, dropping bad days', () => {
    const search = applyAuditSearch(new URLSearchParams('x=1'), { action: 'user.invite', actor: '', from: '2026-03-01', to: '' });
    expect(search.toString()).toBe('x=1&action=user.invite&from=2026-03-01');
    expect(parseAuditSearch(search)).toEqual({ action: 'user.invite', actor: '', from: '2026-03-01', to: '' });
    expect(parseAuditSearch(new URLSearchParams('from=yesterday')).from).toBe('');
  });

  it('offers the actions and actors present, labelled', () => {
    const c = auditChoices(entries);
    expect(c.actors).toEqual(['Ana@Example.com', 'admin@hubpulse.local']);
    expect(c.actions.map((a) => a.label)).toEqual(['Exported segment members', 'Invited someone', 'something.new', 'Viewed segment members']);
  });
});

describe('audit output', () => {
  it('describes details and counts', () => {
    expect(describeDetails({ rows: 12, format: 'csv', none: null, segment_name: 'A' })).toBe('rows: 12 · format: csv · segment name: A');
    expect(describeDetails(undefined)).toBe('');
    expect(countText(3, 3)).toBe('3 entries');
    expect(countText(1, 3)).toBe('1 of 3 entries');
  });

  it('exports CSV with a header and the details as JSON', () => {
    const csv = auditCsv(entries.slice(0, 1));
    expect(csv.split('\r\n')[0]).toBe('at,actor,action,action_label,target,details');
    expect(csv).toContain('2026-03-03T10:00:00.000Z,admin@hubpulse.local,segment.members.export,Exported segment members,segment:1,"{""rows"":12,""format"":""csv""}"');
  });
});
