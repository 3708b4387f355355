/**
 * Imports a file of events or people into a running Hubpulse: signs in, streams the file to
 * POST /api/imports (never read whole into memory; .gz files are sent gzip-encoded as they are),
 * then follows the import until it is done and prints its summary.
 *
 *   npx tsx tools/import-file.ts --url http://127.0.0.1:3000 --email you@corp.example --password … \
 *     --kind events --format ndjson events.ndjson
 *
 * Exit code 0 when the import finished (rejected rows are listed in its error report), 1 when it
 * or the upload failed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { ImportFormat, ImportKind, ImportMeta } from '@hubpulse/queue';

const HELP = `Import a CSV or NDJSON file of events or people into Hubpulse.

Usage: npx tsx tools/import-file.ts [options] FILE

Options:
  --url <url>          API base URL (default http://127.0.0.1:3000)
  --email <email>      an admin; default HUBPULSE_EMAIL
  --password <pw>      default HUBPULSE_PASSWORD
  --kind <kind>        events, people or content
  --format <format>    ndjson or csv (default: from the file name: .ndjson, .jsonl, .csv, optionally .gz)
  --errors-out <file>  save the error report (CSV) there when rows were rejected
  --help               show this text`;

export type ImportView = ImportMeta & { errors_url: string };

export class ImportCliError extends Error {}

const CONTENT_TYPE: Record<ImportFormat, string> = { csv: 'text/csv', ndjson: 'application/x-ndjson' };

async function failure(res: Response, what: string): Promise<ImportCliError> {
  const text = await res.text().catch(() => '');
  let message = text.slice(0, 500);
  try {
    const body = JSON.parse(text) as { message?: string | string[] };
    if (body.message) message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
  } catch {
    /* not JSON */
  }
  return new ImportCliError(`${what}: HTTP ${res.status} ${message}`);
}

/** POST /api/auth/login; returns the session cookie ("hp_session=…"). */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw await failure(res, 'sign-in failed');
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('hp_session='));
  if (!cookie) throw new ImportCliError('sign-in answered without a session cookie');
  return cookie.split(';')[0];
}

function formatOf(file: string): ImportFormat | undefined {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) return 'ndjson';
  return undefined;
}

/** Streams `file` as the request body (gzip-encoded as is when it ends in .gz); returns the queued import. */
export async function uploadFile(opts: { url: string; cookie: string; kind: ImportKind; format: ImportFormat; file: string }): Promise<ImportView> {
  const gz = opts.file.toLowerCase().endsWith('.gz');
  const filename = path.basename(opts.file).replace(/\.gz$/i, '');
  const query = new URLSearchParams({ kind: opts.kind, format: opts.format, filename });
  const headers: Record<string, string> = { Cookie: opts.cookie, 'Content-Type': CONTENT_TYPE[opts.format] };
  if (gz) headers['Content-Encoding'] = 'gzip';
  const res = await fetch(`${opts.url}/api/imports?${query}`, {
    method: 'POST',
    headers,
    // A Node stream as the body: sent as it is read, never buffered whole.
    body: fs.createReadStream(opts.file, { highWaterMark: 1 << 20 }) as unknown as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (res.status !== 202) throw await failure(res, 'upload failed');
  return ((await res.json()) as { import: ImportView }).import;
}

async function getImport(url: string, cookie: string, id: string): Promise<ImportView> {
  const res = await fetch(`${url}/api/imports/${encodeURIComponent(id)}`, { headers: { Cookie: cookie } });
  if (!res.ok) throw await failure(res, `could not read import ${id}`);
  return ((await res.json()) as { import: ImportView }).import;
}

/** Polls the import until it is done or failed, calling `onProgress` with each state seen. */
export async function waitForImport(opts: { url: string; cookie: string; id: string; everyMs?: number; onProgress?: (m: ImportView) => void }): Promise<ImportView> {
  for (;;) {
    const m = await getImport(opts.url, opts.cookie, opts.id);
    opts.onProgress?.(m);
    if (m.status === 'done' || m.status === 'failed') return m;
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 1000));
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en');

/** "37.5% · 1,234,567 rows · 250,000 rows/s · 12 rejected" */
export function progressLine(m: ImportView, startedAt: number, now = Date.now()): string {
  const p = m.progress;
  const pct = p.total ? (100 * p.bytes) / p.total : 0;
  const since = m.started_at ? Date.parse(m.started_at) : startedAt;
  const secs = Math.max(0.001, (now - Math.max(since, startedAt)) / 1000);
  const retry = m.status === 'queued' && m.error ? ` · ${m.error}` : '';
  return `${m.status.padEnd(7)} ${pct.toFixed(1).padStart(5)}% · ${fmt(p.rows)} rows · ${fmt(p.rows / secs)} rows/s · ${fmt(p.accepted)} stored · ${fmt(p.rejected)} rejected${retry}`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      email: { type: 'string' },
      password: { type: 'string' },
      kind: { type: 'string' },
      format: { type: 'string' },
      'errors-out': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const url = values.url!.replace(/\/+$/, '');
  // HUBPULSE_EMAIL / HUBPULSE_PASSWORD: the account to sign in with when --email / --password are not given.
  const email = values.email ?? process.env.HUBPULSE_EMAIL;
  const password = values.password ?? process.env.HUBPULSE_PASSWORD;
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new ImportCliError('give exactly one FILE (see --help)');
  if (!email || !password) throw new ImportCliError('sign-in: pass --email and --password (or set HUBPULSE_EMAIL, HUBPULSE_PASSWORD)');
  if (values.kind !== 'events' && values.kind !== 'people' && values.kind !== 'content') throw new ImportCliError('--kind: must be events, people or content');
  const format = (values.format ?? formatOf(file)) as ImportFormat | undefined;
  if (format !== 'csv' && format !== 'ndjson') throw new ImportCliError('--format: must be ndjson or csv (the file name does not tell)');
  if (!fs.existsSync(file)) throw new ImportCliError(`${file}: no such file`);

  const cookie = await signIn(url, email, password);
  const size = (await fs.promises.stat(file)).size;
  console.log(`uploading ${file} (${fmt(size / 1024 / 1024)} MB) …`);
  const uploadStarted = Date.now();
  const queued = await uploadFile({ url, cookie, kind: values.kind, format, file });
  console.log(`uploaded in ${((Date.now() - uploadStarted) / 1000).toFixed(1)} s: import ${queued.id} (${queued.kind}, ${queued.format}, ${fmt(queued.size)} bytes)`);

  const started = Date.now();
  const tty = process.stdout.isTTY;
  let last = '';
  const done = await waitForImport({
    url,
    cookie,
    id: queued.id,
    onProgress: (m) => {
      const line = progressLine(m, started);
      if (tty) process.stdout.write(`\r${line}\x1b[K`);
      else if (line !== last) console.log(line);
      last = line;
    },
  });
  if (tty) process.stdout.write('\n');

  const p = done.progress;
  const secs = ((Date.parse(done.finished_at ?? new Date().toISOString()) - Date.parse(done.started_at ?? queued.created_at)) / 1000).toFixed(1);
  if (done.status === 'failed') {
    console.error(`import ${done.id} failed after ${fmt(p.rows)} rows: ${done.error}`);
    return 1;
  }
  console.log(`import ${done.id} done in ${secs} s: ${fmt(p.rows)} rows, ${fmt(p.accepted)} stored, ${fmt(p.rejected)} rejected`);
  if (p.rejected > 0) {
    const report = `${url}${done.errors_url}`;
    if (values['errors-out']) {
      const res = await fetch(report, { headers: { Cookie: cookie } });
      if (!res.ok || !res.body) throw await failure(res, 'could not fetch the error report');
      await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), fs.createWriteStream(values['errors-out']));
      console.log(`error report saved to ${values['errors-out']}`);
    } else console.log(`error report (line, errors): ${report}  (signed in; or pass --errors-out FILE)`);
  }
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof ImportCliError ? err.message : err);
      process.exit(1);
    },
  );
}
