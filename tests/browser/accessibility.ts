import * as fs from 'node:fs';
import * as path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { SHOTS } from './demo-product';

/** The WCAG 2.0, 2.1 and 2.2 A and AA rules of axe-core (issue 18: what procurement asks for). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Every state checked, one JSON line each (state, URL, violations), for reading after a CI run. */
const LOG = path.join(SHOTS, 'accessibility.jsonl');

/** One violation as a line of a failure message: rule, impact, what it is about, and every element's selector. */
function describe(v: Result): string {
  const targets = v.nodes.map((n) => `    ${n.target.join(' >>> ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''}`);
  return `  ${v.id} (${v.impact ?? 'n/a'}, ${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'}): ${v.help}\n${targets.join('\n')}`;
}

/**
 * Runs axe-core's WCAG 2.x A/AA rules on the page as it is now and fails with every violation —
 * rule id, impact, the elements' selectors and `state` (what the spec had just done) — so a CI log
 * says what broke where. Call it once the state has rendered (wait for it first).
 *
 * axe is injected with Playwright's evaluate, which runs through the DevTools protocol and so is not
 * subject to the page's CSP (`script-src 'self'`, no eval): nothing in the production policy is
 * loosened for it. Legacy mode runs axe in the page itself: the default mode finishes in a second
 * page of the same context, which pages opened with `browser.newPage()` cannot have, and the
 * dashboard has no iframes for the default mode to visit.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  const violations = results.violations;
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.appendFileSync(LOG, `${JSON.stringify({ state, url: page.url(), violations: violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => `${n.target.join(' >>> ')} — ${n.failureSummary ?? ''}`) })) })}\n`);
  if (violations.length === 0) return;
  const count = violations.reduce((n, v) => n + v.nodes.length, 0);
  throw new Error(`${count} accessibility violation${count === 1 ? '' : 's'} (axe-core, WCAG 2.x A/AA) in state "${state}" at ${page.url()}:\n${violations.map(describe).join('\n')}`);
}
