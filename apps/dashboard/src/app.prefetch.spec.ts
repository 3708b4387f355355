import { QueryClient } from '@tanstack/react-query';
import { matchRoutes } from 'react-router';
import { firstReadsFor, PAGE_ACCESS } from '@hubpulse/contracts';
import { sessionQuery } from './api/auth.api';
import { appRoutes } from './app.router';

/**
 * The API names a page's first reads in its HTML (PAGE_ACCESS `firstReads`, preloaded with the page)
 * and the dashboard asks its own from its route loaders (app.prefetch). The browser hands a preloaded
 * answer only to a request for exactly the same address: these must agree, page by page, or every
 * such page load costs the server a read nobody uses (and the page still waits for its own).
 */
describe("the API's preloads are the dashboard's first reads", () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  /** What the loaders of the routes `path` matches ask, opened without a query string by a signed-in admin. */
  async function readsAsked(path: string): Promise<string[]> {
    const asked: string[] = [];
    // Records the addresses only; each answer is an empty JSON object.
    globalThis.fetch = (async (input: string | URL | Request) => {
      asked.push(typeof input === 'string' ? input : input instanceof URL ? input.pathname + input.search : input.url);
      return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    queryClient.setQueryData(sessionQuery.queryKey, { id: 'u1', email: 'admin@hubpulse.local', name: 'Admin', role: 'admin' });
    for (const match of matchRoutes(appRoutes(queryClient), path) ?? []) {
      const loader = match.route.loader;
      if (typeof loader !== 'function') continue;
      try {
        await loader({ request: new Request(`http://hubpulse.test${path}`), params: match.params, context: undefined } as Parameters<typeof loader>[0]);
      } catch {
        // a redirect (an area's index page): not a page's reads
      }
    }
    // The prefetches start after the session is known (a resolved promise) and chain at most once more.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    return asked.filter((url) => url !== '/api/auth/me').sort();
  }

  const pages = PAGE_ACCESS.map((p) => p.pattern.replace(/:[a-z]+/g, 'p-1'));

  it.each(pages)('%s', async (path) => {
    expect(await readsAsked(path)).toEqual([...firstReadsFor(path)].sort());
  });

  it('names some reads at all (the table is not empty by mistake)', () => {
    expect(pages.filter((p) => firstReadsFor(p).length > 0).length).toBeGreaterThanOrEqual(14);
  });
});
