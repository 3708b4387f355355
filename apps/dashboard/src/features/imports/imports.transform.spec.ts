import type { ImportDto } from '@hubpulse/contracts';
import { formatBytes } from '../../lib/format';
import { fileFormat, importShare, importSummary, isImportActive, mergeImports, statusLabel } from './imports.transform';

const imp = (id: string, created: string, extra: Partial<ImportDto> = {}): ImportDto => ({
  id,
  kind: 'events',
  format: 'csv',
  filename: `${id}.csv`,
  size: 100,
  created_by: { id: 'u', email: 'admin@x' },
  created_at: created,
  status: 'running',
  progress: { bytes: 25, total: 100, rows: 3, accepted: 2, rejected: 1 },
  chunks: 0,
  attempts: 1,
  started_at: null,
  finished_at: null,
  error: null,
  errors_url: `/api/imports/${id}/errors`,
  ...extra,
});

describe('imports transform', () => {
  it('reads progress and status', () => {
    expect(importShare(imp('a', '2026-01-01'))).toBe(0.25);
    expect(importShare(imp('a', '2026-01-01', { status: 'done', progress: { bytes: 0, total: 0, rows: 0, accepted: 0, rejected: 0 } }))).toBe(1);
    expect(importShare(imp('a', '2026-01-01', { progress: { bytes: 0, total: 0, rows: 0, accepted: 0, rejected: 0 } }))).toBe(0);
    expect(isImportActive({ status: 'queued' })).toBe(true);
    expect(isImportActive({ status: 'failed' })).toBe(false);
    expect(statusLabel('running')).toBe('Importing');
  });

  it('summarises rows', () => {
    expect(importSummary(imp('a', '2026-01-01', { progress: { bytes: 1, total: 1, rows: 1204, accepted: 1200, rejected: 4 } }))).toBe('1,204 rows: 1,200 accepted, 4 rejected');
    expect(importSummary(imp('a', '2026-01-01', { progress: { bytes: 1, total: 1, rows: 1, accepted: 1, rejected: 0 } }))).toBe('1 row: 1 accepted, 0 rejected');
  });

  it('formats sizes and formats', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
    expect(fileFormat('People.CSV')).toBe('CSV');
    expect(fileFormat('events.jsonl')).toBe('NDJSON');
    expect(fileFormat('events.json')).toBeNull();
  });

  it('merges the just-uploaded import into the history, newest first', () => {
    const list = [imp('old', '2026-01-01T00:00:00Z')];
    expect(mergeImports(list, imp('new', '2026-01-02T00:00:00Z')).map((i) => i.id)).toEqual(['new', 'old']);
    expect(mergeImports(list, imp('old', '2026-01-01T00:00:00Z'))).toHaveLength(1);
    expect(mergeImports(undefined, null)).toEqual([]);
  });
});
