/**
 * Imports the public Enron corpus into a running Hubpulse through the ingestion API, exactly as any
 * hub connector would: PUT /v1/people, PUT /v1/content, POST /v1/events, in batches of 1,000.
 *
 *   npx tsx tools/import-enron.ts [--url http://127.0.0.1:3000] [--key <write key>] [--dir ../shared/datasets/enron]
 *
 * The mapping (TSV rows → people, content, events) is libs/demo/src/enron-mapping.ts. Event ids are
 * derived from message and recipient numbers, so running the import twice counts every event once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { IngestResponse } from '@hubpulse/contracts';
import { mapEnron, parseEnronEmployees, parseEnronMessages, parseEnronRecipients, type EnronImport } from '@hubpulse/demo';

const REPO_ROOT = resolve(__dirname, '..');
const BATCH_SIZE = 1000;
const MAX_ATTEMPTS = 8;
const MAX_BACKOFF_MS = 30_000;
const SHOWN_REJECTIONS = 5;

const HELP = `Import the Enron corpus into Hubpulse over its HTTP ingestion API.

Options:
  --url <url>   API base URL (default http://127.0.0.1:3000)
  --key <key>   write key; defaults to the HUBPULSE_WRITE_KEY environment variable
  --dir <path>  folder with employees.tsv, messages.tsv, recipients.tsv; a relative path is taken
                from the repository root (default ../shared/datasets/enron)
  --help        show this text`;

class ApiError extends Error {}

interface Options {
  url: string;
  key: string;
  dir: string;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: { url: { type: 'string' }, key: { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  // HUBPULSE_WRITE_KEY: the write key to send as "Authorization: Bearer …" when --key is not given.
  const key = values.key ?? process.env.HUBPULSE_WRITE_KEY;
  if (!key) throw new ApiError('no write key: pass --key <key> or set HUBPULSE_WRITE_KEY');
  const dirArg = values.dir ?? '../shared/datasets/enron';
  return { url: (values.url ?? 'http://127.0.0.1:3000').replace(/\/+$/, ''), key, dir: isAbsolute(dirArg) ? dirArg : resolve(REPO_ROOT, dirArg) };
}

function loadCorpus(dir: string): EnronImport {
  const read = (file: string) => {
    const path = resolve(dir, file);
    if (!existsSync(path)) throw new ApiError(`${path} not found (is --dir the Enron folder?)`);
    return readFileSync(path, 'utf8');
  };
  return mapEnron({
    employees: parseEnronEmployees(read('employees.tsv')),
    messages: parseEnronMessages(read('messages.tsv')),
    recipients: parseEnronRecipients(read('recipients.tsv')),
  });
}

/** Ends a progress line that is being rewritten in place before printing something else. */
const lineBreak = () => (process.stdout.isTTY ? '\n' : '');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Exponential backoff with jitter: ~1 s, 2 s, 4 s … capped. */
function backoff(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);
}

/** Retry-After in seconds or as an HTTP date. */
function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : null;
}

/** The server's own words from an error body (`{message}` as string or list), else the raw text. */
function serverMessage(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown; error?: unknown };
    const message = Array.isArray(body.message) ? body.message.join('; ') : body.message ?? body.error;
    if (message) return `HTTP ${status}: ${String(message)}`;
  } catch {
    // not JSON: fall through to the text
  }
  return `HTTP ${status}: ${text.slice(0, 500) || '(empty body)'}`;
}

/** One request, retried on 429/503 (after Retry-After), 502/504 and network errors; other errors stop the import. */
async function send<T>(opts: Options, method: 'PUT' | 'POST', path: string, body: unknown): Promise<T> {
  const payload = JSON.stringify(body);
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(`${opts.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.key}` },
        body: payload,
      });
    } catch (err) {
      const why = err instanceof Error ? String((err.cause as Error | undefined)?.message ?? err.message) : String(err);
      if (attempt >= MAX_ATTEMPTS) throw new ApiError(`cannot reach ${opts.url}${path}: ${why}`);
      const wait = backoff(attempt);
      console.warn(`${lineBreak()}${method} ${path}: ${why}; retrying in ${(wait / 1000).toFixed(1)} s (attempt ${attempt}/${MAX_ATTEMPTS})`);
      await sleep(wait);
      continue;
    }
    const text = await res.text();
    if (res.ok) return (text ? JSON.parse(text) : {}) as T;
    const retryable = res.status === 429 || res.status === 503 || res.status === 502 || res.status === 504;
    if (!retryable || attempt >= MAX_ATTEMPTS) throw new ApiError(`${method} ${path} failed: ${serverMessage(res.status, text)}`);
    const wait = retryAfterMs(res.headers.get('retry-after')) ?? backoff(attempt);
    console.warn(`${lineBreak()}${method} ${path}: ${serverMessage(res.status, text)}; retrying in ${(wait / 1000).toFixed(1)} s (attempt ${attempt}/${MAX_ATTEMPTS})`);
    await sleep(wait);
  }
}

/** A progress line, rewritten in place on a terminal and printed every few seconds otherwise. */
function progress(label: string, total: number) {
  const started = Date.now();
  let lastPrint = 0;
  return (done: number) => {
    const now = Date.now();
    if (done < total && !process.stdout.isTTY && now - lastPrint < 3000) return;
    lastPrint = now;
    const rate = done / Math.max(0.001, (now - started) / 1000);
    const line = `${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} sent, ${Math.round(rate).toLocaleString('en')}/s`;
    if (process.stdout.isTTY) process.stdout.write(`\r${line}${done === total ? '\n' : ''}`);
    else console.log(line);
  };
}

async function upsert(opts: Options, path: '/v1/people' | '/v1/content', field: 'people' | 'content', rows: readonly unknown[]): Promise<number> {
  const show = progress(field, rows.length);
  let upserted = 0;
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    const batch = rows.slice(i, i + BATCH_SIZE);
    const res = await send<{ upserted?: number }>(opts, 'PUT', path, { [field]: batch });
    upserted += typeof res.upserted === 'number' ? res.upserted : batch.length;
    show(Math.min(rows.length, i + BATCH_SIZE));
  }
  return upserted;
}

async function main(): Promise<number> {
  const opts = readOptions();
  console.log(`reading ${opts.dir}`);
  const { people, content, events, stats } = loadCorpus(opts.dir);
  console.log(
    `mapped ${stats.people} people, ${stats.content.toLocaleString('en')} threads (${stats.orphanThreads.toLocaleString('en')} without their first message), ` +
      `${stats.events.toLocaleString('en')} events: ${stats.posts} posts, ${stats.comments} comments, ${stats.shares} shares, ${stats.views} views`,
  );
  console.log(`sending to ${opts.url}`);

  const peopleUpserted = await upsert(opts, '/v1/people', 'people', people);
  const contentUpserted = await upsert(opts, '/v1/content', 'content', content);

  const show = progress('events', events.length);
  let accepted = 0;
  const rejected: { eventId: string; errors: string[] }[] = [];
  for (let i = 0; i < events.length; i += BATCH_SIZE) {
    const batch = events.slice(i, i + BATCH_SIZE);
    const res = await send<IngestResponse>(opts, 'POST', '/v1/events', { events: batch });
    accepted += res.accepted ?? 0;
    for (const r of res.rejected ?? []) rejected.push({ eventId: batch[r.index]?.event_id ?? `#${i + r.index}`, errors: r.errors });
    show(Math.min(events.length, i + BATCH_SIZE));
  }

  const { skipped } = stats;
  console.log(`${lineBreak()}summary`);
  console.log(`  people upserted:   ${peopleUpserted.toLocaleString('en')}`);
  console.log(`  content upserted:  ${contentUpserted.toLocaleString('en')}`);
  console.log(`  events accepted:   ${accepted.toLocaleString('en')} of ${events.length.toLocaleString('en')}`);
  console.log(`  events rejected:   ${rejected.length.toLocaleString('en')}`);
  for (const r of rejected.slice(0, SHOWN_REJECTIONS)) console.log(`    ${r.eventId}: ${r.errors.join('; ')}`);
  if (rejected.length > SHOWN_REJECTIONS) console.log(`    … and ${(rejected.length - SHOWN_REJECTIONS).toLocaleString('en')} more`);
  console.log(
    `  skipped in mapping: ${skipped.messagesFromUnknownSenders} messages from senders outside the 156 employees, ` +
      `${skipped.recipientsUnknownReceiver} deliveries to receivers outside them, ${skipped.recipientsUnknownMessage} deliveries of unknown messages`,
  );
  return rejected.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`${lineBreak()}import-enron: ${err instanceof ApiError ? err.message : err instanceof Error ? err.stack : String(err)}`);
    process.exit(2);
  },
);
