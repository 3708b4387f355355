import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import type { ImportFormat, ImportMeta } from '@hubpulse/queue';

const ID = /^\d{8}-\d{6}-[0-9a-f]{8}$/;

/**
 * Import state as files, so imports need no relational migration:
 * `<HUBPULSE_DATA_DIR>/imports/<id>/` holds `upload.<format>` (the decoded file, removed once imported), `meta.json`
 * (what the API lists) and `errors.csv` (one line per rejected row).
 *
 * The API writes the upload and the first meta.json; the import worker reads the upload and
 * updates meta.json (this repository is the one owner of that folder's layout). External workers (HUBPULSE_WORKERS=external) therefore need the API's data
 * folder mounted at the same HUBPULSE_DATA_DIR; the embedded deployment always runs them inline.
 */
@Injectable()
export class ImportsRepository {
  readonly root: string;

  constructor(@Inject(HUBPULSE_CONFIG) config: HubpulseConfig) {
    this.root = path.join(config.dataDir, 'imports');
  }

  /** Ids sort by creation time: `YYYYMMDD-hhmmss-<random hex>` (UTC). */
  newId(now = new Date()): string {
    const iso = now.toISOString();
    return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${randomBytes(4).toString('hex')}`;
  }

  /** Ids come from URLs: only this exact shape ever reaches the file system. */
  isId(id: string): boolean {
    return ID.test(id);
  }

  dir(id: string): string {
    if (!this.isId(id)) throw new Error(`not an import id: ${id}`);
    return path.join(this.root, id);
  }

  uploadPath(id: string, format: ImportFormat): string {
    return path.join(this.dir(id), `upload.${format}`);
  }

  errorsPath(id: string): string {
    return path.join(this.dir(id), 'errors.csv');
  }

  async create(id: string): Promise<string> {
    const dir = this.dir(id);
    await fs.promises.mkdir(dir, { recursive: true });
    return dir;
  }

  async remove(id: string): Promise<void> {
    await fs.promises.rm(this.dir(id), { recursive: true, force: true });
  }

  async read(id: string): Promise<ImportMeta | null> {
    if (!this.isId(id)) return null;
    try {
      return JSON.parse(await fs.promises.readFile(path.join(this.dir(id), 'meta.json'), 'utf8')) as ImportMeta;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Replaces meta.json atomically (write + rename): a reader never sees half a file. */
  async write(meta: ImportMeta): Promise<void> {
    const file = path.join(this.dir(meta.id), 'meta.json');
    const tmp = `${file}.${process.pid}.${randomBytes(3).toString('hex')}.tmp`;
    await fs.promises.writeFile(tmp, JSON.stringify(meta, null, 1));
    await fs.promises.rename(tmp, file);
  }

  /** The newest imports first. */
  async list(limit = 100): Promise<ImportMeta[]> {
    let names: string[];
    try {
      names = await fs.promises.readdir(this.root);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const ids = names.filter((n) => this.isId(n)).sort().reverse();
    const out: ImportMeta[] = [];
    for (const id of ids) {
      if (out.length >= limit) break;
      const meta = await this.read(id);
      if (meta) out.push(meta); // an upload still streaming in has no meta.json yet
    }
    return out.sort((a, b) => b.created_at.localeCompare(a.created_at));
  }
}
