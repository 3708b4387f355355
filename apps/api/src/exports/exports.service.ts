import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, ForbiddenException, GoneException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ClickHouseService, EventsRepository, ScoresRepository } from '@hubpulse/clickhouse';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { DAY_MS, ROLE_LABELS, type ExportCreate, type ExportDto, type ExportFormatName, type ExportStatus, type ExportViewDto, type Role, type SessionUser, type TableCell } from '@hubpulse/contracts';
import { ExportsRepository, ScoringModelsRepository, UsersRepository, type ExportEntity } from '@hubpulse/database';
import { canonicalManifestJson, EXPORT_CONTENT_TYPES, EXPORT_EXTENSIONS, writeExport, type ExportManifest } from '@hubpulse/exports';
import { exportJobId, JobName, QueueName } from '@hubpulse/queue';
import { parseOr400 } from '../common/zod.pipe';
import { ExportViewsService, type ExportSource } from './export-views.service';

/** How many exports a history lists. */
const HISTORY_MAX = 200;
/** Progress is written at most this often while rows stream. */
const PROGRESS_EVERY_MS = 1000;

export const EXPORT_JOB_OPTS = { attempts: 2, backoff: { type: 'fixed', delay: 2000 }, removeOnComplete: true, removeOnFail: true } as const;

/** The manifest fields a re-run takes over so that unchanged data gives the same bytes. */
export interface RerunFrom {
  view: string;
  params: Record<string, string | number | boolean>;
  format: ExportFormatName;
  created_at: string;
  created_by: string;
}

/**
 * Server exports: a row and a job per export; the job builds the view's table through the same
 * services as the screen (as the user who asked, so privacy is the screen's own), writes the file
 * with bounded memory under `<data dir>/exports/`, and records its hash and manifest. The file is
 * kept for the retention period, then deleted by the hourly sweep.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger('Exports');
  private readonly dir: string;

  constructor(
    private readonly views: ExportViewsService,
    private readonly repo: ExportsRepository,
    private readonly users: UsersRepository,
    private readonly models: ScoringModelsRepository,
    private readonly events: EventsRepository,
    private readonly scores: ScoresRepository,
    private readonly ch: ClickHouseService,
    @InjectQueue(QueueName.Exports) private readonly queue: Queue,
    @Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig,
  ) {
    this.dir = path.join(config.dataDir, 'exports');
  }

  listViews(user: SessionUser): ExportViewDto[] {
    return this.views.list(user.role as Role);
  }

  /** Checks the view, the role and the parameters (400 / 403 naming what), records the export and queues it. */
  async create(input: ExportCreate, user: SessionUser, rerun?: RerunFrom): Promise<ExportDto> {
    const view = this.views.get(input.view);
    if (!view) throw new NotFoundException(`view: no exportable view "${input.view}" (GET /api/exports/views lists them)`);
    const role = user.role as Role;
    if (!view.roles.includes(role)) {
      throw new ForbiddenException(`view: exporting ${view.title} needs the role ${view.roles.map((r) => ROLE_LABELS[r]).join(' or ')}; you are signed in as ${ROLE_LABELS[role]}`);
    }
    const params = parseOr400(view.params, input.params, 'params') as Record<string, string | number | boolean>;
    const now = new Date();
    const row: ExportEntity = {
      id: randomUUID(),
      view: view.id,
      title: view.title,
      params,
      format: input.format,
      status: 'queued',
      progress: 0,
      rows: null,
      hiddenCells: null,
      bytes: null,
      sha256: null,
      manifest: null,
      rerunOf: rerun ? JSON.stringify({ created_at: rerun.created_at, created_by: rerun.created_by }) : null,
      fileName: null,
      createdAt: now.toISOString(),
      createdBy: user.email,
      createdById: user.id,
      finishedAt: null,
      expiresAt: new Date(now.getTime() + this.config.exportRetentionDays * DAY_MS).toISOString(),
      error: null,
    };
    await this.repo.insert(row);
    await this.queue.add(JobName.ExportsRun, { exportId: row.id }, { ...EXPORT_JOB_OPTS, jobId: exportJobId(row.id) });
    return toDto(row);
  }

  /** An export again from its manifest: same view, parameters and format, and the manifest's time and author, so unchanged data gives the same bytes. */
  rerun(from: RerunFrom, user: SessionUser): Promise<ExportDto> {
    return this.create({ view: from.view, params: from.params, format: from.format }, user, from);
  }

  async list(user: SessionUser, all: boolean): Promise<ExportDto[]> {
    return (await this.repo.list(all && user.role === 'admin' ? undefined : user.id, HISTORY_MAX)).map(toDto);
  }

  async get(id: string, user: SessionUser): Promise<ExportDto> {
    return toDto(await this.mine(id, user));
  }

  /** Sends the file (owner or admin; 409 until done, 410 once deleted). */
  async sendFile(id: string, user: SessionUser, res: Response): Promise<void> {
    const row = await this.ready(id, user);
    res.status(200);
    res.setHeader('Content-Type', EXPORT_CONTENT_TYPES[row.format as ExportFormatName]);
    res.setHeader('Content-Disposition', `attachment; filename="${row.fileName}"`);
    res.setHeader('Content-Length', String(row.bytes));
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-SHA256', row.sha256 ?? '');
    await pipeline(fs.createReadStream(this.filePath(row)), res);
  }

  /** The manifest written beside the file. */
  async manifest(id: string, user: SessionUser): Promise<string> {
    return (await this.ready(id, user)).manifest!;
  }

  // ── the job ──

  /** Builds the file; records progress, then the hash, size, counts and manifest. Throws on failure (the processor records it). */
  async run(id: string): Promise<void> {
    const row = await this.repo.find(id);
    if (!row || row.status === 'done' || row.status === 'expired') return;
    const user = await this.exporter(row);
    await this.repo.update(id, { status: 'running', progress: 0, error: null });
    const view = this.views.get(row.view);
    if (!view) throw new Error(`the view ${row.view} no longer exists`);
    const source = await view.source(row.params as never, user, row.format as ExportFormatName);
    const rerunOf = row.rerunOf ? (JSON.parse(row.rerunOf) as { created_at: string; created_by: string }) : undefined;
    const manifest = await this.manifestFor(row, source, rerunOf);
    const ext = EXPORT_EXTENSIONS[row.format as ExportFormatName];
    const fileName = `hubpulse-${row.view.replace(/[^a-z0-9]+/gi, '-')}-${manifest.created_at.slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}.${ext}`;
    await fs.promises.mkdir(this.dir, { recursive: true });
    const part = path.join(this.dir, `${id}.${ext}.part`);
    const out = fs.createWriteStream(part);
    try {
      const result = await writeExport(row.format as ExportFormatName, { columns: source.columns, rows: this.withProgress(id, source) }, manifest, out, { clickhouse: this.ch.client, database: this.ch.database });
      await fs.promises.rename(part, path.join(this.dir, `${id}.${ext}`));
      const final: ExportManifest = { ...manifest, rows: result.rows };
      await this.repo.update(id, {
        status: 'done',
        progress: 100,
        rows: result.rows,
        hiddenCells: source.hiddenCells,
        bytes: result.bytes,
        sha256: result.sha256,
        manifest: canonicalManifestJson(final),
        fileName,
        finishedAt: new Date().toISOString(),
      });
    } catch (err) {
      out.destroy();
      await fs.promises.rm(part, { force: true });
      throw err;
    }
  }

  /** The source's pages as they pass, writing how many rows went out (and the share, where known) at most once a second. */
  private async *withProgress(id: string, source: ExportSource): AsyncIterable<readonly (readonly TableCell[])[]> {
    let written = 0;
    let lastProgress = Date.now();
    for await (const page of source.pages) {
      written += page.length;
      if (Date.now() - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        await this.repo.update(id, { rows: written, progress: source.expectedRows ? Math.min(99, Math.floor((written / source.expectedRows) * 100)) : 0 });
      }
      yield page;
    }
  }

  async markFailed(id: string, message: string): Promise<void> {
    await this.repo.update(id, { status: 'failed', error: message.slice(0, 2000), finishedAt: new Date().toISOString() });
  }

  /** Deletes the files past their retention time; returns how many exports expired. */
  async sweep(now = new Date()): Promise<number> {
    const due = await this.repo.expiredBy(now.toISOString());
    for (const row of due) {
      await fs.promises.rm(this.filePath(row), { force: true });
      await this.repo.update(row.id, { status: 'expired' });
    }
    if (due.length) this.logger.log(`deleted ${due.length} export file(s) past their retention of ${this.config.exportRetentionDays} day(s)`);
    return due.length;
  }

  // ── in memory, for scheduled reports ──

  /**
   * A small view's whole table read as `user` (their role's access and privacy, as on their screen);
   * refused for large views, and past `maxRows`. Params are checked by the view's schema (400 naming them).
   */
  async readView(viewId: string, params: unknown, user: SessionUser, maxRows = 50_000): Promise<ReadView> {
    const view = this.views.get(viewId);
    if (!view || view.large) throw new NotFoundException(`view: no small exportable view "${viewId}"`);
    if (!view.roles.includes(user.role as Role)) throw new ForbiddenException(`view: ${view.title} is not for the role ${ROLE_LABELS[user.role as Role]}`);
    const checked = parseOr400(view.params, params, 'params') as Record<string, string | number | boolean>;
    const source = await view.source(checked as never, user, 'csv');
    const rows: (readonly TableCell[])[] = [];
    for await (const page of source.pages) {
      rows.push(...page);
      if (rows.length > maxRows) throw new Error(`${view.title} has more than ${maxRows} rows; too many for a scheduled mail`);
    }
    return { view: view.id, title: source.title, params: checked, columns: source.columns, rows, hiddenCells: source.hiddenCells, segmentVersions: source.segmentVersions };
  }

  /** A read view written as a file in memory with its manifest (made at `createdAt` by `createdBy`). */
  async fileOf(read: ReadView, format: 'csv' | 'xlsx', createdAt: string, createdBy: string): Promise<{ fileName: string; contentType: string; content: Buffer; sha256: string }> {
    const source: ExportSource = { title: read.title, columns: read.columns, pages: (async function* () { yield read.rows; })(), hiddenCells: read.hiddenCells, segmentVersions: read.segmentVersions, expectedRows: read.rows.length };
    const manifest = await this.manifestFor({ view: read.view, params: read.params, format, createdAt, createdBy }, source);
    const chunks: Buffer[] = [];
    const out = new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(c), cb()) });
    const result = await writeExport(format, { columns: source.columns, rows: source.pages }, manifest, out);
    const fileName = `hubpulse-${read.view.replace(/[^a-z0-9]+/gi, '-')}-${createdAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}.${EXPORT_EXTENSIONS[format]}`;
    return { fileName, contentType: EXPORT_CONTENT_TYPES[format], content: Buffer.concat(chunks), sha256: result.sha256 };
  }

  // ── helpers ──

  /** The user the export runs as, re-read now: a deactivated user or a role that lost the view gets nothing. */
  private async exporter(row: ExportEntity): Promise<SessionUser> {
    const u = await this.users.find(row.createdById);
    if (!u || !u.active) throw new ExportRefusedError(`${row.createdBy} is no longer an active user`);
    const view = this.views.get(row.view);
    if (view && !view.roles.includes(u.role)) throw new ExportRefusedError(`the role ${ROLE_LABELS[u.role]} may no longer export ${view.title}`);
    return { id: u.id, email: u.email, name: u.name, role: u.role } as SessionUser;
  }

  private async manifestFor(row: Pick<ExportEntity, 'view' | 'params' | 'format' | 'createdAt' | 'createdBy'>, source: ExportSource, rerunOf?: { created_at: string; created_by: string }): Promise<ExportManifest> {
    const [model, newestIngested, scored] = await Promise.all([this.models.current(), this.events.newestIngestedAt(), this.scores.lastScoredDay()]);
    return {
      view: row.view,
      title: source.title,
      params: row.params,
      attribution: row.params.attribution === 'as_it_was' ? 'as_it_was' : 'today',
      format: row.format as ExportFormatName,
      min_group_size: this.config.minGroupSize,
      scoring_model_version: model.version,
      segment_membership_versions: source.segmentVersions,
      data_watermark: { newest_ingested_at: newestIngested ? `${newestIngested.replace(' ', 'T')}Z` : null, newest_scored_day: scored },
      created_at: rerunOf?.created_at ?? row.createdAt,
      created_by: rerunOf?.created_by ?? row.createdBy,
      columns: source.columns.map((c) => ({ name: c.name, type: c.type, description: c.description })),
      rows: source.expectedRows ?? 0,
      hidden_cells: source.hiddenCells,
      hidden_note: `Cells about fewer than ${this.config.minGroupSize} people are empty (never 0); the row's note says why.`,
      generator: 'hubpulse',
    };
  }

  private async mine(id: string, user: SessionUser): Promise<ExportEntity> {
    const row = await this.repo.find(id);
    if (!row || (row.createdById !== user.id && user.role !== 'admin')) throw new NotFoundException(`id: no export ${id}`);
    return row;
  }

  private async ready(id: string, user: SessionUser): Promise<ExportEntity> {
    const row = await this.mine(id, user);
    if (row.status === 'expired') throw new GoneException(`id: export ${id} was deleted after ${this.config.exportRetentionDays} day(s); run it again`);
    if (row.status !== 'done') throw new ExportNotReadyError(row.status as ExportStatus);
    return row;
  }

  private filePath(row: ExportEntity): string {
    return path.join(this.dir, `${row.id}.${EXPORT_EXTENSIONS[row.format as ExportFormatName]}`);
  }
}

/** A view's table read whole, as one user. */
export interface ReadView {
  view: string;
  title: string;
  params: Record<string, string | number | boolean>;
  columns: ExportSource['columns'];
  rows: (readonly TableCell[])[];
  hiddenCells: number;
  segmentVersions: Record<string, number>;
}

/** The export cannot run for its author any more: recorded as failed, not retried. */
export class ExportRefusedError extends Error {}

/** 409 while the file is being made (or failed). */
class ExportNotReadyError extends ConflictException {
  constructor(status: ExportStatus) {
    super(status === 'failed' ? 'id: this export failed; see its error and run it again' : `id: this export is ${status}; poll GET /api/exports/{id} until done`);
  }
}

function toDto(r: ExportEntity): ExportDto {
  const done = r.status === 'done';
  return {
    id: r.id,
    view: r.view,
    title: r.title,
    params: r.params,
    format: r.format as ExportFormatName,
    status: r.status as ExportStatus,
    progress: r.progress,
    rows: r.rows,
    hidden_cells: r.hiddenCells,
    bytes: r.bytes,
    sha256: r.sha256,
    created_at: r.createdAt,
    created_by: r.createdBy,
    finished_at: r.finishedAt,
    expires_at: r.expiresAt,
    error: r.error,
    file_url: done ? `/api/exports/${r.id}/file` : null,
    manifest_url: done ? `/api/exports/${r.id}/manifest.json` : null,
    file_name: r.fileName,
  };
}
