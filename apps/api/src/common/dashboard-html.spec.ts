import { dashboardPageHtml } from './dashboard-html';

const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <title>Hubpulse</title>
    <link rel="preload" href="/api/auth/me" as="fetch" crossorigin="anonymous" />
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>
`;

const preloads = (html: string) => [...html.matchAll(/<link rel="preload" href="([^"]*)" as="fetch" crossorigin="anonymous" \/>/g)].map((m) => m[1]);

describe('dashboardPageHtml', () => {
  const signedIn = { hasQuery: false, hasSession: true };

  it("names the page's first reads ahead of its scripts, ids filled in", () => {
    const html = dashboardPageHtml(INDEX, { path: '/audiences/segments/3f1c-77', ...signedIn });
    expect(preloads(html)).toEqual(['/api/auth/me', '/api/segments/3f1c-77', '/api/segments/3f1c-77/history', '/api/segments/3f1c-77/channels']);
    expect(html.indexOf('/api/segments/3f1c-77"')).toBeLessThan(html.indexOf('<script'));
    // The rest of the page is unchanged.
    expect(html.replace(/ *<!--.*-->\n|.*\/api\/segments\/.*\n/g, '')).toBe(INDEX);
  });

  it('escapes what it writes into an attribute', () => {
    const html = dashboardPageHtml(INDEX, { path: '/engagement', ...signedIn });
    expect(preloads(html)).toContain('/api/engagement/groups?by=department&amp;days=30');
  });

  it('leaves the page as it is without a session, with a query string, off the pages, or for an id that is not plain', () => {
    expect(dashboardPageHtml(INDEX, { path: '/overview', hasQuery: false, hasSession: false })).toBe(INDEX);
    expect(dashboardPageHtml(INDEX, { path: '/overview', hasQuery: true, hasSession: true })).toBe(INDEX);
    expect(dashboardPageHtml(INDEX, { path: '/reports/exports', ...signedIn })).toBe(INDEX);
    expect(dashboardPageHtml(INDEX, { path: '/nowhere', ...signedIn })).toBe(INDEX);
    expect(dashboardPageHtml(INDEX, { path: '/content/items/a"b', ...signedIn })).toBe(INDEX);
    expect(dashboardPageHtml(INDEX, { path: '/content/items/%3Cscript%3E', ...signedIn })).toBe(INDEX);
  });
});
