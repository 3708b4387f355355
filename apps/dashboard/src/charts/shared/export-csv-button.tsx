import { csvFileName } from '@hubpulse/contracts';
import { downloadCsv } from '../../lib/download';

interface ExportCsvButtonProps {
  /** File name stem: "score-distribution-2026-11-20" → hubpulse-score-distribution-2026-11-20-<time>.csv. */
  stem: string;
  /** Built only on click, so large tables cost nothing until exported. */
  csv: () => string;
  disabled?: boolean;
  label?: string;
  /** Names the table for screen readers when a page has several export buttons. */
  what?: string;
  /** Whether some values are hidden for privacy: the title says how they export. */
  hasSuppressed?: boolean;
}

/** "Export CSV" for a table, with the same file naming and quoting everywhere. */
export function ExportCsvButton({ stem, csv, disabled, label = 'Export CSV', what, hasSuppressed }: ExportCsvButtonProps) {
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      disabled={disabled}
      aria-label={what ? `${label}: ${what}` : undefined}
      title={hasSuppressed ? 'Values hidden for privacy export as empty cells, with a note saying why.' : undefined}
      onClick={() => downloadCsv(csvFileName(stem, new Date()), csv())}
    >
      {label}
    </button>
  );
}
