import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, type ExportDto, type ExportFormatName } from '@hubpulse/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { createExport, downloadExport, getExport, type ExportParams } from '../../api/exports.api';
import { queryKeys } from '../../api/query-keys';
import { saveBlob } from '../../lib/download';
import { formatCount } from '../../lib/format';
import { rovingKeyDown } from '../../lib/roving-focus';

/** How often a running export is asked about, and for how long before the menu hands over to Reports → Exports. */
const POLL_MS = 500;
const WAIT_MS = 120_000;

interface ExportMenuProps {
  /** A view id of GET /api/exports/views. */
  view: string;
  /** The view's parameters as the panel shows them (range, grouping, id). */
  params: ExportParams;
  /** Names the panel for screen readers when a page has several. */
  what: string;
  disabled?: boolean;
  /** Visible text where a panel has two menus side by side ("Export rejects"); default "Export". */
  label?: string;
}

type State = { kind: 'idle' } | { kind: 'running'; format: ExportFormatName; progress: number; rows: number | null } | { kind: 'done'; dto: ExportDto } | { kind: 'waiting' } | { kind: 'error'; message: string };

/**
 * "Export ▾" for a panel: the server makes the file from the same numbers as the screen (hidden ones
 * empty, with a note), in the chosen format with a manifest beside it, and the browser downloads it.
 */
export function ExportMenu({ view, params, what, disabled, label = 'Export' }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const listId = useId();
  const alive = useRef(true);
  const queryClient = useQueryClient();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // Which item takes focus when the menu opens (menu button pattern: ↑ opens on the last one).
  const [first, setFirst] = useState<'first' | 'last'>('first');
  useEffect(() => {
    if (!open) return;
    const items = listRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]');
    items?.[first === 'last' ? items.length - 1 : 0]?.focus();
  }, [open, first]);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  async function run(format: ExportFormatName) {
    setState({ kind: 'running', format, progress: 0, rows: null });
    try {
      let dto = await createExport(view, params, format);
      const until = Date.now() + WAIT_MS;
      while (dto.status === 'queued' || dto.status === 'running') {
        if (!alive.current) return;
        if (Date.now() > until) {
          setState({ kind: 'waiting' });
          return;
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
        dto = await getExport(dto.id);
        setState({ kind: 'running', format, progress: dto.progress, rows: dto.rows });
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.exports });
      if (dto.status !== 'done') throw new Error(dto.error ?? `the export ${dto.status}`);
      const { blob, fileName } = await downloadExport(dto, 'file');
      saveBlob(fileName ?? dto.file_name ?? `hubpulse-export.${format}`, blob);
      if (alive.current) setState({ kind: 'done', dto });
    } catch (err) {
      if (alive.current) setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  }

  const busy = state.kind === 'running';
  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };
  return (
    // Focus leaving the menu (Tab, a click elsewhere) closes it.
    <div className="export-menu" onBlur={(e) => open && !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <button
        ref={buttonRef}
        type="button"
        className="button button--secondary button--small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-label={`Export: ${what}`}
        // While exporting the button keeps focus (a disabled one would drop it to the page) and does nothing.
        disabled={disabled}
        aria-disabled={busy || undefined}
        onClick={() => {
          if (busy) return;
          setFirst('first');
          setOpen((o) => !o);
        }}
        onKeyDown={(e) => {
          if (busy || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
          e.preventDefault();
          setOpen(true);
          setFirst(e.key === 'ArrowUp' ? 'last' : 'first');
        }}
      >
        {busy ? 'Exporting…' : `${label} ▾`}
      </button>
      {open && (
        <ul
          id={listId}
          ref={listRef}
          role="menu"
          aria-label={`Export ${what} as`}
          className="export-menu__list"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close(true);
            } else rovingKeyDown('[role="menuitem"]', 'vertical')(e);
          }}
        >
          {EXPORT_FORMATS.map((f) => (
            <li key={f} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="export-menu__item"
                onClick={() => {
                  close(true);
                  void run(f);
                }}
              >
                {EXPORT_FORMAT_LABELS[f]}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="export-menu__status" role="status" aria-live="polite">
        {statusText(state)}
      </p>
    </div>
  );
}

function statusText(s: State): string {
  switch (s.kind) {
    case 'idle':
      return '';
    case 'running':
      return `Preparing the ${s.format.toUpperCase()}… ${s.rows !== null && s.rows > 0 ? `${formatCount(s.rows)} rows` : `${s.progress}%`}`;
    case 'waiting':
      return 'Still running: it will be in Reports → Exports when done.';
    case 'done':
      return `Downloaded ${s.dto.file_name ?? 'the file'}: ${formatCount(s.dto.rows ?? 0)} rows${s.dto.hidden_cells ? `, ${formatCount(s.dto.hidden_cells)} cells hidden for privacy` : ''}. Its manifest is in Reports → Exports.`;
    case 'error':
      return `Could not export: ${s.message}`;
  }
}
