import type { Page } from 'playwright-core';
import { fullPageShot, signInAs, useDemoProduct } from './demo-product';
import { expectAccessible } from './accessibility';

/**
 * The security headers (CSP, frame-ancestors, nosniff, …) and the Origin check do not break the
 * dashboard: the production build in headless Chromium, signed in, the main pages opened, no CSP
 * violation reported and no page error; a write from the dashboard passes the Origin check.
 */
describe('security headers and the Origin check in headless Chromium (production build, demo data)', () => {
  const product = useDemoProduct('security-headers');

  /** Every CSP violation the page reports, from the DOM event and from the console. */
  async function watch(page: Page): Promise<string[]> {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    await page.exposeFunction('reportCspViolation', (v: string) => problems.push(`violation: ${v}`));
    // A string: this runs in the page, where the DOM types of the backend's tsconfig do not apply.
    await page.addInitScript("document.addEventListener('securitypolicyviolation', (e) => window.reportCspViolation(e.violatedDirective + ' ' + e.blockedURI + ' on ' + location.pathname + ' from ' + e.sourceFile + ':' + e.lineNumber))");
    return problems;
  }

  it('shows the main pages without a CSP violation, and dashboard writes pass the Origin check', async () => {
    const page = await product.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = await watch(page);
    const response = await page.goto(`${product.api.url}/login`);
    expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await signInAs(page, 'admin@hubpulse.local');
    for (const route of ['/overview', '/strategy', '/goals', '/engagement', '/engagement/purposes', '/audiences', '/programmes', '/admin/data-sources', '/admin/scoring-model']) {
      await page.goto(`${product.api.url}${route}`);
      // Some pages poll (score jobs): wait for the load and for the charts to draw, not for network idle.
      await page.waitForLoadState('load');
      await page.waitForTimeout(2000);
      // axe is injected through the DevTools protocol: the check must not trip the CSP either (problems stays empty).
      await expectAccessible(page, `security headers: ${route}`);
    }
    await fullPageShot(page, 'security-headers-last-page');
    // A state-changing request from the dashboard's own origin, with the cookie: allowed.
    const status = await page.evaluate(async () => (await fetch('/api/auth/logout', { method: 'POST' })).status);
    expect(status).toBe(204);
    // The API docs (Swagger UI) keep working under their own, looser policy.
    await page.goto(`${product.api.url}/api/docs`);
    await page.getByText('Hubpulse API').first().waitFor();
    expect(problems).toEqual([]);
  }, 300_000);

  it('cannot be framed by another site', async () => {
    const page = await product.browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => problems.push(m.text()));
    await page.setContent(`<iframe src="${product.api.url}/login"></iframe>`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f.url().includes('/login'));
    const framed = frame ? await frame.evaluate<string>("document.body ? document.body.innerText : ''").catch(() => '') : '';
    expect(framed).not.toMatch(/Sign in/);
  }, 60_000);
});
