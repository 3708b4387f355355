import type { SavedViewDto } from '@hubpulse/contracts';

/** The query string as short "key value" parts for a table cell (`by=department&days=180` → `by department · days 180`). */
export function viewStateText(query: string): string {
  const params = new URLSearchParams(query);
  const parts = [...params.entries()].map(([k, v]) => (v ? `${k} ${v}` : k));
  return parts.length ? parts.join(' · ') : 'default state';
}

/** The shareable link of a view: `/views/<id>` on this origin (it checks the role, then opens the page). */
export function viewLink(origin: string, id: string): string {
  return `${origin.replace(/\/+$/, '')}/views/${encodeURIComponent(id)}`;
}

export interface SavedViewGroups {
  mine: SavedViewDto[];
  shared: SavedViewDto[];
}

/** Own views, then those shared by others; each by name (case-insensitive), then id. */
export function groupSavedViews(views: readonly SavedViewDto[]): SavedViewGroups {
  const byName = (a: SavedViewDto, b: SavedViewDto) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id);
  return { mine: views.filter((v) => v.mine).sort(byName), shared: views.filter((v) => !v.mine).sort(byName) };
}
