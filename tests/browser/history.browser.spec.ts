import type { BrowserContext } from 'playwright-core';
import { addDays, type GroupScoresDto, type ScoredPersonDto, type ScoreDistributionDto } from '@hubpulse/contracts';
import { fullPageShot, signedInPage, useDemoProduct } from './demo-product';
import { expectAccessible } from './accessibility';

const WRITE_KEY = 'hp_wk_history_browser_0123456789';

/**
 * History as it was (issue 15) in the dashboard: six people of the largest department move to the
 * second largest ten days before the newest scored day; Engagement → Scores by group counts the days
 * before the move under the department they were in by default, and "As of today" under today's.
 */
describe('Scores by group: the "Count under" control (production build, demo data)', () => {
  const product = useDemoProduct('history', async () => ({ HUBPULSE_DEMO_DAYS: '30', HUBPULSE_BOOTSTRAP_WRITE_KEY: WRITE_KEY }));
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  it('switches between as it was and as of today, and the figures before the move differ', async () => {
    const errors: string[] = [];
    const page = await signedInPage(product, 'admin@hubpulse.local', contexts, errors);
    const api = page.request;
    const url = product.api.url;
    // Wait for the demo's first score run.
    let newest: string | null = null;
    for (let i = 0; i < 60 && !newest; i++) {
      const r = await api.get(`${url}/api/engagement/distribution`);
      if (r.ok()) newest = ((await r.json()) as ScoreDistributionDto).day;
      else await page.waitForTimeout(5000);
    }
    expect(newest).toBeTruthy();
    const scored = (await (await api.get(`${url}/api/engagement/people?limit=200&day=${newest}`)).json()) as ScoredPersonDto[];
    const byDept = new Map<string, ScoredPersonDto[]>();
    for (const p of scored) if (p.department) byDept.set(p.department, [...(byDept.get(p.department) ?? []), p]);
    const [[from, movers], [to]] = [...byDept].sort((a, b) => b[1].length - a[1].length);
    const effective = addDays(newest!, -10);
    const people = [];
    for (const p of movers.slice(0, 6)) {
      const stints = (await (await api.get(`${url}/api/directory/people/${p.person_id}/history`)).json()) as { stints: { location: string; manager_id: string; title: string }[] };
      const now = stints.stints[stints.stints.length - 1];
      people.push({ person_id: p.person_id, name: p.name ?? p.person_id, department: to, location: now.location || null, manager_id: now.manager_id || null, title: now.title || null, effective_at: effective });
    }
    const read = async (attribution: string) => (await (await api.get(`${url}/api/engagement/groups?by=department&from=${addDays(newest!, -29)}&to=${newest}&attribution=${attribution}`)).json()) as GroupScoresDto;
    const size = (d: GroupScoresDto, dept: string) => d.groups.find((g) => g.key === dept)?.people;
    const before = await read('as_it_was');
    const put = await api.put(`${url}/v1/people`, { headers: { Authorization: `Bearer ${WRITE_KEY}` }, data: { people } });
    expect(put.status()).toBe(200);

    const [was, today] = [await read('as_it_was'), await read('today')];
    const first = (d: GroupScoresDto) => d.groups.find((g) => g.key === from)?.trend[0];
    expect(first(was)).not.toEqual(first(today));
    // the last day is after the move: both versions count the six under their new department
    for (const d of [was, today]) expect([size(d, from), size(d, to)]).toEqual([size(before, from)! - 6, size(before, to)! + 6]);

    await page.goto(`${url}/engagement?by=department&days=30`);
    const panel = page.locator('section[aria-label="Scores by group"]');
    await panel.locator('.recharts-line-curve').first().waitFor({ timeout: 120_000 });
    const control = panel.getByRole('radiogroup', { name: 'Count under' });
    await expect(control.getByRole('radio', { name: 'As it was' }).getAttribute('aria-checked')).resolves.toBe('true');
    await expect(panel.textContent()).resolves.toMatch(/under the group they were in that day/);
    await fullPageShot(page, 'history-as-it-was', 2500);
    await expectAccessible(page, 'history: scores by group counted as it was');

    await control.getByRole('radio', { name: 'As of today' }).click();
    await page.waitForURL(/attribution=today/);
    await panel.getByText("Each day counts people under today's groups.").waitFor();
    await panel.locator('.recharts-line-curve').first().waitFor();
    await fullPageShot(page, 'history-as-of-today', 2500);
    await expectAccessible(page, 'history: scores by group counted as of today');
    expect(errors).toEqual([]);
  }, 600_000);
});
