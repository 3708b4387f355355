import './lib/zod-jitless';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { type ApiError } from './api/api.client';
import { LOGIN_PATH } from './api/auth.api';
import { createQueryClient } from './api/query-client';
import { type AppRouter, createAppRouter } from './app.router';
import { LOGIN_ROUTE, loginUrl } from './features/auth/session';
import './styles/app.css';

let router: AppRouter;

// A 401 from any request means the session is gone: back to /login, remembering the page and
// telling the login page that the session ended (signed out from another browser, deactivated).
// A failed sign-in is the login form's business, and while a route loader is running it
// redirects by itself.
const queryClient = createQueryClient((error) => {
  if ((error as ApiError).path === LOGIN_PATH) return;
  const { location, navigation, initialized } = router.state;
  if (!initialized || navigation.state !== 'idle' || location.pathname === LOGIN_ROUTE) return;
  void router.navigate(loginUrl(location.pathname + location.search, true), { replace: true }).then(() => queryClient.clear());
});

router = createAppRouter(queryClient);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
