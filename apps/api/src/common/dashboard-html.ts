import { firstReadsFor } from '@hubpulse/contracts';

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The dashboard's index.html for a page, naming that page's first reads (PAGE_ACCESS `firstReads`)
 * as `<link rel="preload" as="fetch">`: the browser asks them while it loads the dashboard's code,
 * and the dashboard's own requests for them take those answers instead of asking again. Only for a
 * visitor with a session cookie (anyone else is sent to the sign-in page) and a page opened without
 * a query string (a query changes what the page reads). The reads go through the same routes,
 * sessions and disclosure control as any other request.
 */
export function dashboardPageHtml(indexHtml: string, page: { path: string; hasQuery: boolean; hasSession: boolean }): string {
  if (!page.hasSession || page.hasQuery) return indexHtml;
  const reads = firstReadsFor(page.path);
  const head = indexHtml.indexOf('</head>');
  if (reads.length === 0 || head < 0) return indexHtml;
  // Ahead of the scripts, so that they go out first: the start of the first <script>'s line, else of </head>'s.
  const script = indexHtml.indexOf('<script');
  const at = indexHtml.lastIndexOf('\n', script >= 0 && script < head ? script : head) + 1;
  const links = reads.map((read) => `    <link rel="preload" href="${escapeAttribute(read)}" as="fetch" crossorigin="anonymous" />\n`).join('');
  return `${indexHtml.slice(0, at)}    <!-- This page's first reads, asked with the page (dashboardPageHtml). -->\n${links}${indexHtml.slice(at)}`;
}
