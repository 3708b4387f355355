import { type HiddenReason, type Purpose, type StrategyOverviewDto } from '@hubpulse/contracts';
import { LOCALE } from '../../lib/format';

// The five purposes scorecard of the Strategy page: the organisation's index for each purpose with
// its change, and a department drill-down in which groups under the minimum size stay hidden.

type Scorecard = StrategyOverviewDto['scorecard'];

export interface ChangeModel {
  /** "+2.0 pts", "−1.2 pts", "no change". */
  text: string;
  direction: 'up' | 'down' | 'flat';
}

export interface ScorecardRowModel {
  purpose: Purpose;
  label: string;
  definition: string;
  /** "88.7%", or null with `reason`. */
  value: string | null;
  /** 0–1 for the bar. */
  share: number;
  change: ChangeModel | null;
  reason: string | null;
}

export interface DepartmentCell {
  value: string | null;
  /** 0–1 for the heat shading. */
  share: number;
  change: ChangeModel | null;
  /** Hidden by the disclosure layer: shown as hidden with the reason, never as 0. */
  suppressed: boolean;
  hidden_reason: HiddenReason | null;
}

export interface DepartmentRowModel {
  department: string;
  cells: Record<Purpose, DepartmentCell>;
  /** Hidden for every purpose. */
  allHidden: boolean;
}

const one = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const signed = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });

export function formatChange(change: number | null): ChangeModel | null {
  if (change === null || !Number.isFinite(change)) return null;
  if (Math.abs(change) < 0.05) return { text: 'no change', direction: 'flat' };
  return { text: `${signed.format(change).replace('-', '\u2212')} pts`, direction: change > 0 ? 'up' : 'down' };
}

const pct = (v: number | null) => (v === null || !Number.isFinite(v) ? null : `${one.format(v)}%`);
const share = (v: number | null) => (v === null || !Number.isFinite(v) ? 0 : Math.min(1, Math.max(0, v / 100)));

export function buildScorecardRows(scorecard: Scorecard): ScorecardRowModel[] {
  return scorecard.purposes.map((p) => ({
    purpose: p.purpose,
    label: p.label,
    definition: p.definition,
    value: pct(p.organisation.value),
    share: share(p.organisation.value),
    change: formatChange(p.organisation.change),
    reason: p.organisation.value === null ? (p.unavailable_reason ?? p.organisation.reason ?? 'Not available.') : null,
  }));
}

/** Departments × purposes, departments in name order; a department missing for a purpose counts as hidden. */
export function buildDepartmentRows(scorecard: Scorecard): DepartmentRowModel[] {
  const names = [...new Set(scorecard.purposes.flatMap((p) => p.departments.map((d) => d.department)))].sort((a, b) => a.localeCompare(b));
  return names.map((department) => {
    const cells = {} as Record<Purpose, DepartmentCell>;
    for (const p of scorecard.purposes) {
      const d = p.departments.find((x) => x.department === department);
      const suppressed = !d || d.suppressed || d.value === null;
      cells[p.purpose] = suppressed
        ? { value: null, share: 0, change: null, suppressed: true, hidden_reason: d?.hidden_reason ?? 'below_minimum' }
        : { value: pct(d.value), share: share(d.value), change: formatChange(d.change), suppressed: false, hidden_reason: null };
    }
    return { department, cells, allHidden: Object.values(cells).every((c) => c.suppressed) };
  });
}
