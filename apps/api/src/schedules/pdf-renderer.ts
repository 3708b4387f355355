import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import type { SessionUser } from '@hubpulse/contracts';
import { SessionsRepository, type SavedViewEntity } from '@hubpulse/database';
import { SESSION_COOKIE } from '../auth/auth.service';
import { newToken, sha256 } from '../auth/password';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** A PDF's session lives this long, and is deleted when the PDF is made. */
const SESSION_MS = 3 * 60_000;
const PAGE_TIMEOUT_MS = 45_000;

export type PdfResult = { ok: true; pdf: Buffer } | { ok: false; reason: string };

/**
 * The printable page of a saved view as a PDF: this API's own dashboard opened in headless Chromium
 * (HUBPULSE_CHROMIUM_PATH) as the reader, through a session made for it and deleted afterwards, so
 * the page shows exactly what the reader's role sees. Without a Chromium, or when the page cannot
 * be rendered, it answers why instead of failing the send.
 */
@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private readonly log = new Logger('SchedulePdf');
  private browser: Promise<Browser> | null = null;

  constructor(
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
    private readonly sessions: SessionsRepository,
  ) {}

  async render(view: SavedViewEntity, reader: SessionUser): Promise<PdfResult> {
    if (!this.config.chromiumPath) return { ok: false, reason: 'no Chromium on this server (HUBPULSE_CHROMIUM_PATH)' };
    const token = newToken();
    const now = Date.now();
    await this.sessions.insert({ tokenHash: sha256(token), userId: reader.id, expiresAt: new Date(now + SESSION_MS).toISOString(), createdAt: new Date(now).toISOString(), userAgent: 'hubpulse scheduled PDF' });
    const base = `http://${['0.0.0.0', '::', ''].includes(this.config.host) ? '127.0.0.1' : this.config.host.includes(':') ? `[${this.config.host}]` : this.config.host}:${this.config.port}`;
    try {
      const browser = await this.launch();
      const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      try {
        await context.addCookies([{ name: SESSION_COOKIE, value: token, url: base, httpOnly: true, sameSite: 'Lax' }]);
        const page = await context.newPage();
        const res = await page.goto(`${base}${view.path}${view.query ? `?${view.query}` : ''}`, { waitUntil: 'networkidle', timeout: PAGE_TIMEOUT_MS });
        if (!res || res.status() >= 400) return { ok: false, reason: `the dashboard answered ${res?.status() ?? 'nothing'}` };
        if (new URL(page.url()).pathname.startsWith('/login')) return { ok: false, reason: 'the dashboard did not accept the reader' };
        // the panels load their data after the route's chunk: wait until none shows its loading state
        await page.waitForFunction("!document.querySelector('.chart-state--loading')", undefined, { timeout: PAGE_TIMEOUT_MS });
        await page.emulateMedia({ media: 'print' });
        return { ok: true, pdf: await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } }) };
      } finally {
        await context.close();
      }
    } catch (err) {
      this.log.warn(`PDF of ${view.path} not made: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      return { ok: false, reason: `the page could not be rendered (${err instanceof Error ? err.message.split('\n')[0].slice(0, 120) : String(err)})` };
    } finally {
      await this.sessions.delete(sha256(token));
    }
  }

  private launch(): Promise<Browser> {
    // loaded on first use: playwright-core is a devDependency today (see README), so a production install without it skips PDFs
    this.browser ??= import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: this.config.chromiumPath!, args: ARGS })).catch((err: unknown) => {
      this.browser = null;
      throw err;
    });
    return this.browser;
  }

  async onModuleDestroy(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    if (b) await (await b.catch(() => null))?.close();
  }
}
