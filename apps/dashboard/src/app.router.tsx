import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter } from 'react-router';
import { LoginPage } from './features/auth/login.page';
import { requireSession, skipLoginWhenSignedIn } from './features/auth/session';
import { AppShell } from './features/shell/app-shell';
import { NotFoundPage, PageSplash, RouteError } from './features/shell/route-error';

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      hydrateFallbackElement: <PageSplash />,
      children: [
        { path: '/login', loader: skipLoginWhenSignedIn(queryClient), element: <LoginPage /> },
        {
          path: '/',
          loader: requireSession(queryClient),
          element: <AppShell />,
          children: [
            {
              index: true,
              // Charts (Recharts) load with the page, so the sign-in screen stays light.
              lazy: async () => ({ Component: (await import('./features/overview/overview.page')).OverviewPage }),
            },
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

export type AppRouter = ReturnType<typeof createAppRouter>;
