import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { needsAnchor, pageFor, parseRangeSearch, toRangeParams, type SessionUser, type TableCell } from '@hubpulse/contracts';
import type { SavedViewEntity, ScheduleEntity } from '@hubpulse/database';
import type { DeliveryFact, DeliveryMessage } from '../delivery';
import type { MailAttachment } from '../users/mailer.service';
import { escapeHtml } from '../delivery/mail-body';
import { ExportViewsService } from '../exports/export-views.service';
import { ExportsService, type ReadView } from '../exports/exports.service';
import { GoalLinksService } from '../goals/goal-links.service';
import { OverviewService } from '../overview/overview.service';
import { PdfRenderer } from './pdf-renderer';

/**
 * The server exports a saved view's page becomes in a scheduled report: the small views of the page's
 * Export menus whose roles include every role that may open the page (so any reader of the page may
 * read them; a segment's member list is neither). The e2e checks both against PAGE_ACCESS.
 */
export const PAGE_EXPORTS: Readonly<Record<string, readonly string[]>> = {
  '/overview': ['overview.engagement', 'overview.channels'],
  '/strategy': ['strategy.purposes'],
  '/strategy/goals/:id': ['goals.kpi-values', 'goals.kpi-history', 'goals.link-correlations'],
  '/engagement': ['engagement.groups', 'engagement.distribution', 'engagement.quantiles'],
  '/engagement/purposes': ['engagement.purposes'],
  '/engagement/personas': ['engagement.personas', 'engagement.persona-movement', 'engagement.ambassadors'],
  '/engagement/leaders': ['engagement.leaders'],
  '/engagement/why': ['engagement.explanation', 'engagement.explanation-days'],
  '/audiences': ['segments.list'],
  '/audiences/segments/:id': ['segments.composition', 'segments.size-history', 'segments.channels'],
  '/audiences/programmes/:id': ['programmes.scorecard'],
  '/admin/data-sources': ['ingestion.sources', 'ingestion.rejects'],
  '/admin/event-mappings': ['ingestion.mappings'],
  '/admin/scoring-model': ['engagement.scoring-models', 'engagement.score-jobs'],
  '/content': ['content.items'],
  '/content/items/:id': ['content.item-decay'],
  '/content/newsletters': ['content.newsletters'],
  '/content/newsletters/:issue': ['content.newsletter-links', 'content.newsletter-breakdown'],
  '/content/authors': ['content.authors'],
};
/**
 * Parameters an export view takes from the saved view's query string as they are, by the page's name
 * for them (from/to come from the range, id from the path).
 */
const QUERY_KEYS: Readonly<Record<string, string>> = { by: 'by', day: 'day', archived: 'archived', window: 'window', person_id: 'person' };
const FACTS_PER_TABLE = 4;

/** One audience's content: the message and what its fingerprint is made from. */
export interface ScheduleContent {
  message: DeliveryMessage;
  /** SHA-256 of the tables' rows and the notes: the same data gives the same fingerprint. */
  fingerprint: string;
}

/**
 * A schedule's content for one reader: each saved view's tables read through the server exports as
 * that reader (so the numbers, and what is hidden, are what their role sees on screen), key figures
 * from the newest row, a link back, and the chosen files (CSV, XLSX through the export writers; PDF of
 * the printable page when a Chromium is available).
 */
@Injectable()
export class ScheduleContentService {
  constructor(
    private readonly exports: ExportsService,
    private readonly views: ExportViewsService,
    private readonly overview: OverviewService,
    private readonly links: GoalLinksService,
    private readonly pdf: PdfRenderer,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {}

  async build(schedule: ScheduleEntity, views: readonly SavedViewEntity[], reader: SessionUser, opts: { files: boolean; at: Date }): Promise<ScheduleContent> {
    const notes: string[] = [];
    const attachments: MailAttachment[] = [];
    const sections: { view: SavedViewEntity; link: string; facts: DeliveryFact[]; tables: ReadView[] }[] = [];
    const hash = createHash('sha256');
    const missing = schedule.viewIds.length - views.length;
    if (missing > 0) notes.push(`${missing} saved view${missing === 1 ? ' was' : 's were'} deleted and ${missing === 1 ? 'is' : 'are'} left out.`);
    // where presets end (the newest event day) and where "All" starts (the first, when over ten years before)
    const anchor = lazy(async () => [(await this.overview.resolveRange({})).to, await this.overview.dataFrom()] as const);
    for (const view of views) {
      const link = `${this.config.linkBaseUrl}${view.path}${view.query ? `?${view.query}` : ''}`;
      const tables: ReadView[] = [];
      for (const exportId of exportsOf(view.path)) {
        try {
          for (const params of await this.perPanel(exportId, await this.paramsOf(exportId, view, anchor))) tables.push(await this.exports.readView(exportId, params, reader));
        } catch (err) {
          notes.push(`${view.name}: ${exportId} could not be read (${err instanceof Error ? err.message : String(err)}).`);
        }
      }
      for (const t of tables) hash.update(JSON.stringify([view.id, t.view, t.params, t.columns.map((c) => c.name), t.rows, t.hiddenCells]));
      sections.push({ view, link, tables, facts: tables.flatMap((t) => keyFacts(t, this.config.minGroupSize)) });
      if (!exportsOf(view.path).length) notes.push(`${view.name}: ${pageFor(view.path)?.label ?? view.path} has no table to attach; open it from the link.`);
    }
    const stamp = opts.at.toISOString();
    if (opts.files) {
      for (const s of sections) {
        for (const t of s.tables) {
          for (const format of schedule.attachments) {
            if (format === 'pdf') continue;
            const f = await this.exports.fileOf(t, format, stamp, `schedule:${schedule.id}`);
            attachments.push({ filename: unique(f.fileName, attachments), contentType: f.contentType, content: f.content });
          }
        }
        if (schedule.attachments.includes('pdf')) {
          const made = await this.pdf.render(s.view, reader);
          if (made.ok) attachments.push({ filename: `${fileStem(s.view.name)}.pdf`, contentType: 'application/pdf', content: made.pdf });
          else notes.push(`PDF of ${s.view.name} skipped: ${made.reason}.`);
        }
      }
    }
    hash.update(JSON.stringify(notes.filter((n) => !n.startsWith('PDF '))));
    const facts = sections.flatMap((s) => s.facts.map((f) => ({ label: `${s.view.name} — ${f.label}`, value: f.value })));
    const message: DeliveryMessage = {
      subject: `${schedule.name} — Hubpulse report`,
      summary: sections.map((s) => `${s.view.name} (${pageFor(s.view.path)?.label ?? s.view.path}): ${s.link}`),
      facts,
      link: { url: `${this.config.linkBaseUrl}/reports/schedules`, label: 'Schedules in Hubpulse' },
      attachments,
      notes: [...notes, `Numbers about fewer than ${this.config.minGroupSize} people are hidden, as on screen (for the role ${reader.role}).`],
    };
    message.html = html(schedule, sections, message.notes ?? [], this.config.linkBaseUrl);
    return { message, fingerprint: hash.digest('hex') };
  }

  /** A view the page shows once per item gets one table per item: a goal's link correlations, one per link (as its panels). */
  private async perPanel(exportId: string, params: Record<string, string>): Promise<Record<string, string>[]> {
    if (exportId !== 'goals.link-correlations') return [params];
    return (await this.links.list(params.id)).map((l) => ({ ...params, link_id: l.id }));
  }

  /**
   * The parameters `exportId` takes, from the saved view: its page's id, the query keys exports know,
   * and the date range read as the dashboard reads it — a preset (`range=30`) ends at the newest event
   * day now, resolved as the overview's default read does, so a "last 30 days" view sends the newest 30 days.
   */
  private async paramsOf(exportId: string, view: SavedViewEntity, anchor: () => Promise<readonly [string, string | null]>): Promise<Record<string, string>> {
    const takes = new Set(this.views.get(exportId)?.paramDocs.map((p) => p.name) ?? []);
    const q = new URLSearchParams(view.query);
    const out: Record<string, string> = {};
    for (const [k, name] of Object.entries(QUERY_KEYS)) {
      const v = q.get(name);
      if (v && takes.has(k)) out[k] = v;
    }
    if (takes.has('from') || takes.has('to')) {
      const selection = parseRangeSearch(q);
      const [to, dataFrom] = needsAnchor(selection) ? await anchor() : [undefined, null];
      const range = toRangeParams(selection, to, dataFrom) ?? {};
      if (range.from) out.from = range.from;
      if (range.to) out.to = range.to;
    }
    const page = pageFor(view.path);
    // the page's path parameter (`/strategy/goals/:id`, `/content/newsletters/:issue`) by its name
    const param = /\/:([a-z_]+)$/.exec(page?.pattern ?? '')?.[1];
    if (param && takes.has(param)) out[param] = decodeURIComponent(view.path.split('/').pop()!);
    return out;
  }
}

/** `name`, or name-2, name-3 … when another attachment has it (a view read once per link). */
function unique(name: string, taken: readonly MailAttachment[]): string {
  const dot = name.lastIndexOf('.');
  let candidate = name;
  for (let n = 2; taken.some((a) => a.filename === candidate); n++) candidate = `${name.slice(0, dot)}-${n}${name.slice(dot)}`;
  return candidate;
}

/** A value computed once, on first use. */
function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

export function exportsOf(path: string): readonly string[] {
  const page = pageFor(path);
  return page ? (PAGE_EXPORTS[page.pattern] ?? []) : [];
}

/** The newest row's first figures, labelled by its first text column; hidden cells said so. */
function keyFacts(t: ReadView, k: number): DeliveryFact[] {
  const last = t.rows[t.rows.length - 1];
  if (!last) return [{ label: t.title, value: 'no rows' }];
  const keyCol = t.columns.findIndex((c) => c.type === 'string' || c.type === 'date');
  const key = keyCol >= 0 && last[keyCol] !== null ? ` (${String(last[keyCol])})` : '';
  const numeric = t.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.type === 'int' || c.type === 'float').slice(0, FACTS_PER_TABLE);
  return numeric.map(({ c, i }) => ({ label: `${c.name}${key}`, value: show(last[i], k) }));
}

function show(v: TableCell | undefined, k: number): string {
  if (v === null || v === undefined) return `hidden (fewer than ${k} people)`;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 3 });
  return String(v);
}

function fileStem(name: string): string {
  return `hubpulse-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'view'}`;
}

function html(schedule: ScheduleEntity, sections: { view: SavedViewEntity; link: string; facts: DeliveryFact[]; tables: ReadView[] }[], notes: readonly string[], base: string): string {
  const font = 'font-family:system-ui,sans-serif';
  const parts = [`<h2 style="${font};margin:0 0 8px">${escapeHtml(schedule.name)}</h2>`];
  for (const s of sections) {
    parts.push(`<h3 style="${font};margin:16px 0 4px"><a href="${escapeHtml(s.link)}">${escapeHtml(s.view.name)}</a> <span style="color:#666;font-weight:400">${escapeHtml(pageFor(s.view.path)?.label ?? s.view.path)}</span></h3>`);
    if (s.facts.length) {
      const rows = s.facts.map((f) => `<tr><th align="left" style="padding:2px 12px 2px 0;font-weight:600">${escapeHtml(f.label)}</th><td style="padding:2px 0">${escapeHtml(f.value)}</td></tr>`);
      parts.push(`<table style="${font};border-collapse:collapse">${rows.join('')}</table>`);
    }
    for (const t of s.tables) parts.push(`<p style="${font};color:#666;font-size:12px;margin:2px 0">${escapeHtml(t.title)}: ${t.rows.length} rows${t.hiddenCells ? `, ${t.hiddenCells} hidden cells` : ''}</p>`);
  }
  for (const n of notes) parts.push(`<p style="${font};color:#666;font-size:12px;margin:8px 0 0">${escapeHtml(n)}</p>`);
  parts.push(`<p style="${font};font-size:12px"><a href="${escapeHtml(base)}/reports/schedules">Manage this schedule in Hubpulse</a></p>`);
  return `<!doctype html><html><body>${parts.join('\n')}</body></html>`;
}

