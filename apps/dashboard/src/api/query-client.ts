import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api.client';

/**
 * The app's QueryClient. `onUnauthorized` runs when any request answers 401 (an expired or
 * missing session): the router sends the user to /login from there.
 */
export function createQueryClient(onUnauthorized: (error: unknown) => void): QueryClient {
  const handle = (error: unknown) => {
    if (isApiError(error) && error.isUnauthorized) onUnauthorized(error);
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: handle }),
    mutationCache: new MutationCache({ onError: handle }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        // Client errors (4xx) will not fix themselves; network blips and 5xx get two more tries.
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
        refetchOnWindowFocus: true,
      },
    },
  });
}
