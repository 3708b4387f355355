// Size over time of a segment, from its runs (oldest first): the sparkline of the list and the
// detail's size and churn charts. Hidden counts stay null (a gap), never 0.

import type { SegmentRunDto } from '@hubpulse/contracts';
import { formatInteger } from '../../lib/format';
import { RUNS, summarizeCategories, summarizeSeries } from '../shared/chart-summary';

export interface SizePoint {
  /** Unique x value: the run's position. */
  key: string;
  at: string;
  /** Short axis label: "Nov 25 14:02". */
  label: string;
  size: number | null;
  entered: number | null;
  /** Shown downwards in the churn chart (as −left); `left` keeps the count. */
  leftDown: number | null;
  left: number | null;
  failed: boolean;
  error: string | null;
  version: number | null;
  definitionVersion: number | null;
}

const timeFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' });
const secondsFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'UTC' });

/** "Nov 25, 11:00" (UTC); with seconds when asked, for runs minutes apart. */
export function runLabel(iso: string, withSeconds = false): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : (withSeconds ? secondsFormat : timeFormat).format(t);
}

export function buildSizePoints(runs: readonly SegmentRunDto[]): SizePoint[] {
  const sorted = [...runs].sort((a, b) => a.finished_at.localeCompare(b.finished_at));
  // Runs in the same minute (a manual recompute right after a save) need seconds to be told apart.
  const minutes = sorted.map((r) => runLabel(r.finished_at));
  const withSeconds = new Set(minutes).size < minutes.length;
  return sorted
    .map((r, i) => ({
      key: String(i),
      at: r.finished_at,
      label: runLabel(r.finished_at, withSeconds),
      size: r.status === 'ok' ? r.size : null,
      entered: r.status === 'ok' ? r.entered : null,
      left: r.status === 'ok' ? r.left : null,
      leftDown: r.status === 'ok' && r.left !== null ? -r.left : null,
      failed: r.status === 'failed',
      error: r.error,
      version: r.version,
      definitionVersion: r.definition_version,
    }));
}

/** The points a sparkline can draw (good runs); a hidden size stays as a gap. */
export function sparklinePoints(runs: readonly SegmentRunDto[]): SizePoint[] {
  return buildSizePoints(runs).filter((p) => !p.failed);
}

/** Whether there is a line to draw: at least two shown sizes. */
export function hasTrend(points: readonly SizePoint[]): boolean {
  return points.filter((p) => p.size !== null).length >= 2;
}

export interface SizeChange {
  /** Last shown size minus the first shown one, over the runs listed. */
  delta: number;
  direction: 'up' | 'down' | 'flat';
}

/** The change between the first and last shown sizes; null when either is hidden or there is one run. */
export function sizeChange(points: readonly SizePoint[]): SizeChange | null {
  const shown = points.filter((p) => !p.failed);
  if (shown.length < 2) return null;
  const first = shown[0].size;
  const last = shown[shown.length - 1].size;
  // Only two numbers already on screen are subtracted; a hidden end gives no change.
  if (first === null || last === null) return null;
  const delta = last - first;
  return { delta, direction: delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat' };
}

/** Whether a run has entered/left counts to draw (the first run has no previous membership). */
export function hasChurn(points: readonly SizePoint[]): boolean {
  return points.some((p) => (p.entered ?? 0) > 0 || (p.left ?? 0) > 0);
}


/** The size chart's text alternative: the size's course over the runs; a failed run or a hidden size is neither drawn nor guessed. */
export function sizeSummary(points: readonly SizePoint[]): string {
  const failed = points.filter((p) => p.failed).length;
  const text = summarizeSeries({ what: 'Segment size', points: points.filter((p) => !p.failed).map((p) => ({ label: `${p.label} UTC`, value: p.size, hidden: p.size === null })), format: formatInteger, noun: RUNS });
  return failed ? `${text} ${failed === 1 ? '1 run' : `${failed} runs`} failed (the membership before stayed).` : text;
}

/** The churn chart's text alternative: people entering and leaving over the runs, and the largest of each. */
export function churnSummary(points: readonly SizePoint[]): string {
  const ok = points.filter((p) => !p.failed);
  const sum = (k: 'entered' | 'left') => ok.reduce((n, p) => n + (p[k] ?? 0), 0);
  const hidden = ok.filter((p) => p.entered === null || p.left === null).length;
  const most = (k: 'entered' | 'left', what: string) => summarizeCategories({ what, items: ok.map((p) => ({ label: `${p.label} UTC`, value: p[k], hidden: p[k] === null })), format: formatInteger });
  return `Across ${ok.length} runs, ${formatInteger(sum('entered'))} entries and ${formatInteger(sum('left'))} exits shown${hidden ? ` (${hidden} ${hidden === 1 ? 'run' : 'runs'} with a count hidden for privacy, not added)` : ''}. ${most('entered', 'Entered per run')} ${most('left', 'Left per run')}`;
}
