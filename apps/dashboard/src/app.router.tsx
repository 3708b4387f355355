import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect, type RouteObject } from 'react-router';
import { PAGE_READS, prefetchReads } from './app.prefetch';
import { AdminGate } from './features/admin/admin-gate';
import { LoginPage } from './features/auth/login.page';
import { requireSession, skipLoginWhenSignedIn } from './features/auth/session';
import { AppShell } from './features/shell/app-shell';
import { REPORTS_TABS } from './features/reports/reports-tabs';
import { landingRedirect } from './features/shell/landing';
import { NotFoundPage, PageSplash, RouteError } from './features/shell/route-error';

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(appRoutes(queryClient));
}

/** The dashboard's routes (apart from the browser's history, so that a spec can match and load them). */
export function appRoutes(queryClient: QueryClient): RouteObject[] {
  // A page's first reads are asked beside the loading of its code (see app.prefetch).
  const reads = (page: keyof typeof PAGE_READS) => prefetchReads(queryClient, PAGE_READS[page]);
  return [
    {
      errorElement: <RouteError />,
      hydrateFallbackElement: <PageSplash />,
      children: [
        { path: '/login', loader: skipLoginWhenSignedIn(queryClient), element: <LoginPage /> },
        // Public: an invitation or password reset link sets a password and signs in.
        { path: '/invite/:token', lazy: async () => ({ Component: (await import('./features/auth/accept-invite.page')).AcceptInvitePage }) },
        {
          path: '/',
          loader: requireSession(queryClient),
          element: <AppShell />,
          children: [
            { path: 'account', lazy: async () => ({ Component: (await import('./features/account/account.page')).AccountPage }) },
            // Personal read tokens; moves to /reports/tokens once the Reports area exists.
            // `/` is each role's landing page: Strategy for leadership, the overview for everyone else.
            { index: true, loader: landingRedirect(queryClient) },
            {
              path: 'overview',
              loader: reads('overview'),
              // Charts (Recharts) load with the page, so the sign-in screen stays light.
              lazy: async () => ({ Component: (await import('./features/overview/overview.page')).OverviewPage }),
            },
            {
              path: 'strategy',
              children: [
                { index: true, loader: reads('strategy'), lazy: async () => ({ Component: (await import('./features/strategy/strategy.page')).StrategyPage }) },
                { path: 'goals', loader: () => redirect('/strategy') },
                { path: 'goals/new', lazy: async () => ({ Component: (await import('./features/strategy/goal-editor.page')).GoalEditorPage }) },
                { path: 'goals/:id', loader: reads('goal'), lazy: async () => ({ Component: (await import('./features/strategy/goal-detail.page')).GoalDetailPage }) },
                { path: 'goals/:id/edit', lazy: async () => ({ Component: (await import('./features/strategy/goal-editor.page')).GoalEditorPage }) },
              ],
            },
            {
              path: 'engagement',
              lazy: async () => ({ Component: (await import('./features/engagement/engagement.page')).EngagementPage }),
              children: [
                {
                  index: true,
                  loader: reads('engagementScores'),
                  lazy: async () => ({ Component: (await import('./features/engagement/engagement-scores.page')).EngagementScoresPage }),
                },
                {
                  path: 'purposes',
                  loader: reads('purposes'),
                  lazy: async () => ({ Component: (await import('./features/engagement/engagement-purposes.page')).EngagementPurposesPage }),
                },
                {
                  path: 'personas',
                  loader: reads('personas'),
                  lazy: async () => ({ Component: (await import('./features/engagement/engagement-personas.page')).EngagementPersonasPage }),
                },
                {
                  path: 'leaders',
                  loader: reads('leaders'),
                  lazy: async () => ({ Component: (await import('./features/engagement/engagement-leaders.page')).EngagementLeadersPage }),
                },
                {
                  path: 'why',
                  // Explanations name people: admins only (the API says so too).
                  element: <AdminGate nested />,
                  children: [
                    {
                      index: true,
                      lazy: async () => ({ Component: (await import('./features/score-explanation/score-explanation.page')).ScoreExplanationPage }),
                    },
                  ],
                },
              ],
            },
            {
              path: 'audiences',
              lazy: async () => ({ Component: (await import('./features/audiences/audiences.page')).AudiencesPage }),
              children: [
                { index: true, loader: reads('segments'), lazy: async () => ({ Component: (await import('./features/audiences/segments-list.page')).SegmentsListPage }) },
                { path: 'segments', loader: () => redirect('/audiences') },
                { path: 'segments/new', lazy: async () => ({ Component: (await import('./features/audiences/segment-editor.page')).SegmentEditorPage }) },
                { path: 'segments/:id', loader: reads('segment'), lazy: async () => ({ Component: (await import('./features/audiences/segment-detail.page')).SegmentDetailPage }) },
                { path: 'segments/:id/edit', lazy: async () => ({ Component: (await import('./features/audiences/segment-editor.page')).SegmentEditorPage }) },
                { path: 'programmes', lazy: async () => ({ Component: (await import('./features/audiences/programmes-list.page')).ProgrammesListPage }) },
                { path: 'programmes/new', lazy: async () => ({ Component: (await import('./features/audiences/programme-editor.page')).ProgrammeEditorPage }) },
                { path: 'programmes/:id', loader: reads('programme'), lazy: async () => ({ Component: (await import('./features/audiences/programme.page')).ProgrammePage }) },
                { path: 'programmes/:id/edit', lazy: async () => ({ Component: (await import('./features/audiences/programme-editor.page')).ProgrammeEditorPage }) },
              ],
            },
            {
              path: 'content',
              lazy: async () => ({ Component: (await import('./features/content/content.page')).ContentPage }),
              children: [
                { index: true, loader: reads('contentItems'), lazy: async () => ({ Component: (await import('./features/content/content-items.page')).ContentItemsPage }) },
                { path: 'items/:id', loader: reads('contentItem'), lazy: async () => ({ Component: (await import('./features/content/content-item.page')).ContentItemPage }) },
                { path: 'newsletters', loader: reads('newsletters'), lazy: async () => ({ Component: (await import('./features/content/newsletters.page')).NewslettersPage }) },
                { path: 'newsletters/:issue', lazy: async () => ({ Component: (await import('./features/content/newsletter-issue.page')).NewsletterIssuePage }) },
                { path: 'authors', loader: reads('authors'), lazy: async () => ({ Component: (await import('./features/content/content-authors.page')).ContentAuthorsPage }) },
              ],
            },
            {
              path: 'reports',
              lazy: async () => ({ Component: (await import('./features/reports/reports.page')).ReportsPage }),
              children: [
                { index: true, loader: () => redirect(`/reports/${REPORTS_TABS[0].path}`) },
                ...REPORTS_TABS.map((tab) => ({ path: tab.path, lazy: async () => ({ Component: await tab.load() }) })),
              ],
            },
            // A saved view's link: checks the caller's role, then opens the page with the view's state.
            { path: 'views/:id', lazy: async () => ({ Component: (await import('./features/reports/open-view.page')).OpenViewPage }) },
            {
              path: 'admin',
              // Non-admins get an explanation at these addresses, not a redirect or a crash.
              element: <AdminGate />,
              children: [
                { index: true, loader: () => redirect('/admin/data-sources') },
                {
                  path: 'data-sources',
                  lazy: async () => ({ Component: (await import('./features/data-sources/data-sources.page')).DataSourcesPage }),
                },
                {
                  path: 'event-mappings',
                  lazy: async () => ({ Component: (await import('./features/event-mappings/event-mappings.page')).EventMappingsPage }),
                },
                {
                  path: 'scoring-model',
                  lazy: async () => ({ Component: (await import('./features/scoring-model/scoring-model.page')).ScoringModelPage }),
                },
                { path: 'people', lazy: async () => ({ Component: (await import('./features/people/people.page')).PeoplePage }) },
                { path: 'write-keys', lazy: async () => ({ Component: (await import('./features/write-keys/write-keys.page')).WriteKeysPage }) },
                { path: 'imports', lazy: async () => ({ Component: (await import('./features/imports/imports.page')).ImportsPage }) },
                { path: 'audit', lazy: async () => ({ Component: (await import('./features/audit/audit.page')).AuditPage }) },
              ],
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

export type AppRouter = ReturnType<typeof createAppRouter>;
