/** A saved view: a dashboard page's path and query string (range, grouping, filters, …) under a name. */
export interface SavedViewDto {
  id: string;
  name: string;
  /** e.g. `/engagement` */
  path: string;
  /** Without the leading "?", e.g. `by=department&days=180`; empty for none. */
  query: string;
  /** Shared: listed for, and opened by, every user whose role may open the page. */
  shared: boolean;
  /** What the page is called (PAGE_ACCESS). */
  page_label: string;
  owner: { id: string; email: string; name: string };
  /** The caller owns it (may rename, share, change, delete). */
  mine: boolean;
  /** The caller may delete it: the owner, or an admin. */
  can_delete: boolean;
  created_at: string;
  updated_at: string;
}

/** Where a saved view opens: its path followed by its query string. */
export function savedViewHref(v: Pick<SavedViewDto, 'path' | 'query'>): string {
  return v.query ? `${v.path}?${v.query}` : v.path;
}
