import type { ImportDto, ImportKind, ImportStatus } from '@hubpulse/contracts';
import { formatInteger } from '../../lib/format';

export const IMPORT_KINDS: readonly { kind: ImportKind; label: string; help: string }[] = [
  { kind: 'events', label: 'Events', help: 'hub actions, as POST /v1/events takes them' },
  { kind: 'people', label: 'Directory (people)', help: 'people, as PUT /v1/people takes them' },
];

export const IMPORT_ACCEPT = '.csv,.ndjson,.jsonl';

const STATUS_LABELS: Record<ImportStatus, string> = { queued: 'Queued', running: 'Importing', done: 'Done', failed: 'Failed' };

export function statusLabel(status: ImportStatus | string): string {
  return STATUS_LABELS[status as ImportStatus] ?? status;
}

export function isImportActive(i: Pick<ImportDto, 'status'>): boolean {
  return i.status === 'queued' || i.status === 'running';
}

/** Share of the file read (0–1): 1 when done, 0 before the worker starts. */
export function importShare(i: Pick<ImportDto, 'status' | 'progress'>): number {
  if (i.status === 'done') return 1;
  const { bytes, total } = i.progress;
  return total > 0 ? Math.min(1, bytes / total) : 0;
}

/** "1,204 rows: 1,200 accepted, 4 rejected". */
export function importSummary(i: Pick<ImportDto, 'progress'>): string {
  const { rows, accepted, rejected } = i.progress;
  return `${formatInteger(rows)} ${rows === 1 ? 'row' : 'rows'}: ${formatInteger(accepted)} accepted, ${formatInteger(rejected)} rejected`;
}


/** What a file name says about its format, for the form's hint; null when the API could not tell. */
export function fileFormat(name: string): 'CSV' | 'NDJSON' | null {
  const n = name.toLowerCase();
  if (n.endsWith('.csv')) return 'CSV';
  if (n.endsWith('.ndjson') || n.endsWith('.jsonl')) return 'NDJSON';
  return null;
}

/** Imports newest first, the one just uploaded merged in until the list has it. */
export function mergeImports(list: readonly ImportDto[] | undefined, latest: ImportDto | null): ImportDto[] {
  const all = [...(list ?? [])];
  if (latest && !all.some((i) => i.id === latest.id)) all.unshift(latest);
  return all.sort((a, b) => b.created_at.localeCompare(a.created_at));
}
