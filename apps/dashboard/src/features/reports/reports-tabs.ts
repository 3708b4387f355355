import type { ComponentType } from 'react';

/**
 * The Reports area's tabs, in the order shown; the router makes one lazily loaded child route of
 * /reports per line, so a new tab is one line here (plus its line in PAGE_ACCESS, contracts, for its
 * roles and to be saveable as a view).
 */
export interface ReportsTab {
  /** Below /reports, e.g. `saved-views` → /reports/saved-views. */
  path: string;
  label: string;
  load: () => Promise<ComponentType>;
}

export const REPORTS_TABS: readonly ReportsTab[] = [
  { path: 'exports', label: 'Exports', load: async () => (await import('../exports/exports.page')).ExportsPage },
  { path: 'saved-views', label: 'Saved views', load: async () => (await import('./saved-views.page')).SavedViewsPage },
  { path: 'schedules', label: 'Schedules', load: async () => (await import('../schedules/schedules.page')).SchedulesPage },
  { path: 'alerts', label: 'Alerts', load: async () => (await import('./alerts.page')).AlertsPage },
  { path: 'tokens', label: 'Read tokens', load: async () => (await import('../read-tokens/read-tokens.page')).ReadTokensPage },
  { path: 'glossary', label: 'Glossary', load: async () => (await import('./glossary.page')).GlossaryPage },
];
