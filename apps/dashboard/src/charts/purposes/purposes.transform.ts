// Shaping for the five purpose indices: a card per index (the latest value beside its definition),
// the indices over time, the comparison table of groups (the export's rows are contracts' purposesTable).

import { hiddenReasonText, type HiddenReason, type Purpose, type PurposeIndexPoint, type PurposesResponse, round } from '@hubpulse/contracts';

export interface PurposePart {
  key: string;
  definition: string;
  value: number | null;
  /** Why `value` is hidden (null: shown). */
  hidden: HiddenReason | null;
}

export interface PurposeCard {
  purpose: Purpose;
  label: string;
  definition: string;
  numeratorDefinition: string;
  denominatorDefinition: string;
  /** 0–100, one decimal; null when hidden or unavailable. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  day: string | null;
  status: 'ok' | 'suppressed' | 'unavailable' | 'no-data';
  /** Why there is no number, in words. */
  reason: string | null;
  /** Why the index is hidden (status 'suppressed'). */
  hiddenReason: HiddenReason | null;
  managementShare: number | null;
  managementHidden: HiddenReason | null;
  parts: PurposePart[];
  /** Daily values for the sparkline, oldest first. */
  spark: { day: string; value: number | null }[];
}


function pointStatus(p: PurposeIndexPoint | null, unavailable: string | null): PurposeCard['status'] {
  if (unavailable) return 'unavailable';
  if (!p) return 'no-data';
  if (p.value !== null) return 'ok';
  return p.hidden_reason ? 'suppressed' : 'no-data';
}

/** One card per index for one group (the organisation by default: the first group). */
export function buildPurposeCards(resp: PurposesResponse, group?: string): PurposeCard[] {
  const partDefs = new Map(resp.parts.map((p) => [p.key, p.definition]));
  return resp.indices.map((index) => {
    const g = group === undefined ? index.groups[0] : index.groups.find((x) => x.group === group);
    const latest = g?.latest ?? null;
    const status = pointStatus(latest, index.unavailable_reason);
    return {
      purpose: index.purpose,
      label: index.label,
      definition: index.definition,
      numeratorDefinition: index.numerator_definition,
      denominatorDefinition: index.denominator_definition,
      value: status === 'ok' && latest?.value !== null && latest?.value !== undefined ? round(latest.value, 1) : null,
      numerator: latest?.numerator ?? null,
      denominator: latest?.denominator ?? null,
      day: latest?.day.slice(0, 10) ?? null,
      status,
      reason: index.unavailable_reason ?? (latest?.hidden_reason ? hiddenReasonText(latest.hidden_reason, resp.min_group_size) : (latest?.reason ?? null)),
      hiddenReason: latest?.hidden_reason ?? null,
      managementShare: latest?.management_share ?? null,
      managementHidden: latest?.management_share_hidden ?? null,
      parts: Object.entries(latest?.parts ?? {}).map(([key, value]) => ({ key, definition: partDefs.get(key) ?? key, value, hidden: latest?.parts_hidden?.[key] ?? null })),
      spark: [...(g?.days ?? [])]
        .sort((a, b) => a.day.localeCompare(b.day))
        .map((p) => ({ day: p.day.slice(0, 10), value: p.value === null ? null : round(p.value, 1) })),
    };
  });
}

/** The five indices of one group as lines: one point per day, a key per purpose. */
export function buildPurposeTrend(resp: PurposesResponse, group?: string) {
  const days = new Set<string>();
  const values = resp.indices.map((index) => {
    const g = group === undefined ? index.groups[0] : index.groups.find((x) => x.group === group);
    const m = new Map<string, number | null>();
    for (const p of g?.days ?? []) {
      const day = p.day.slice(0, 10);
      days.add(day);
      m.set(day, p.value === null ? null : round(p.value, 1));
    }
    return m;
  });
  const series = resp.indices
    .map((index, i) => ({ key: index.purpose, label: index.label, dataKey: index.purpose as string, i }))
    .filter(({ i }) => [...values[i].values()].some((v) => v !== null))
    .map(({ key, label, dataKey }) => ({ key, label, dataKey }));
  const points = [...days].sort().map((day) => {
    const point: { day: string } & Record<string, number | null | string> = { day };
    resp.indices.forEach((index, i) => (point[index.purpose] = values[i].get(day) ?? null));
    return point;
  });
  return { series, points };
}

export interface PurposeGroupRow {
  group: string;
  /** Latest value per purpose; null = hidden or none. */
  values: Partial<Record<Purpose, number | null>>;
  suppressed: Partial<Record<Purpose, boolean>>;
  /** Why the latest value is hidden, per purpose (null: shown or none). */
  hidden: Partial<Record<Purpose, HiddenReason | null>>;
}

/** Latest value of every index per group, groups by name. */
export function buildPurposeGroupRows(resp: PurposesResponse): PurposeGroupRow[] {
  const rows = new Map<string, PurposeGroupRow>();
  for (const index of resp.indices) {
    for (const g of index.groups) {
      const row = rows.get(g.group) ?? { group: g.group, values: {}, suppressed: {}, hidden: {} };
      row.values[index.purpose] = g.latest?.value === null || g.latest?.value === undefined ? null : round(g.latest.value, 1);
      row.suppressed[index.purpose] = !!g.latest?.hidden_reason;
      row.hidden[index.purpose] = g.latest?.hidden_reason ?? null;
      rows.set(g.group, row);
    }
  }
  return [...rows.values()].sort((a, b) => a.group.localeCompare(b.group));
}

