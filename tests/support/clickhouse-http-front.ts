/**
 * TEST HARNESS ONLY — never used by the product.
 *
 * A small ClickHouse HTTP interface in front of the ClickHouse engine inside npm `chdb`, so the
 * product's server path (`CLICKHOUSE_URL`, `@clickhouse/client` over HTTP, several processes on one
 * database) runs under test on machines where no modern ClickHouse server installs.
 *
 * What it speaks, as the ClickHouse server does (https://clickhouse.com/docs/interfaces/http):
 * - `GET /ping` and `GET /` → `Ok.`
 * - the query in the `query` URL parameter, in the body, or both (URL first, then the body: how an
 *   `INSERT … FORMAT X` is followed by its data), or in a `multipart/form-data` body with
 *   `param_*` parts (what the client does when parameters outgrow the URL);
 * - `param_<name>` parameters for `{name:Type}` placeholders (parsed by the engine by type, never spliced);
 * - `database` (the current database, an unknown one answers UNKNOWN_DATABASE like the server),
 *   `default_format` (else TabSeparated), `query_id`, and any other URL parameter as a query setting;
 * - gzip / deflate request bodies (`Content-Encoding`), gzip responses when asked with
 *   `enable_http_compression=1` and `Accept-Encoding`;
 * - errors as ClickHouse writes them: status 500 (404 for unknown tables and databases, 400 for
 *   syntax and bad parameters), `X-ClickHouse-Exception-Code`, body `Code: N. DB::Exception: … (TYPE)`;
 * - `X-ClickHouse-Query-Id`, `X-ClickHouse-Format`, `X-ClickHouse-Summary` headers.
 *
 * Not a server's: `/harness/insert-delay` makes the front a slow ClickHouse for backpressure and
 * shutdown tests. `POST /harness/insert-delay?ms=N` holds every INSERT N ms before it runs (0 = off);
 * `GET` answers `{"ms": N, "waiting": <INSERTs being held now>}`. Other queries are not held.
 *
 * Queries run one at a time: chdb warns that parallel parameterised queries on one connection can
 * corrupt values. So does one process per data folder: run this front in its own process
 * (`clickhouse-http-front.cli.ts`) and point every product process at it.
 *
 * What it cannot show (see README "Production topology"): replication and `ON CLUSTER` DDL (one
 * engine, no Keeper), merges and parts under a server's concurrent load, the server's own memory and
 * concurrency limits, users and grants (credentials are accepted and ignored), sessions.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import * as zlib from 'node:zlib';

interface ChdbResult {
  readonly elapsed: number;
  readonly rowsRead: number;
  readonly bytesRead: number;
  bytes(): Uint8Array;
}
interface ChdbSession {
  queryAsync(query: string, opts?: { format?: string }): Promise<ChdbResult>;
  cleanup(): void;
}

/** URL parameters that are the HTTP interface's own, not query settings. */
const PROTOCOL_PARAMS = new Set([
  'query', 'query_id', 'database', 'default_format', 'session_id', 'session_timeout', 'session_check', 'user', 'password',
  'quota_key', 'role', 'compress', 'decompress', 'buffer_size', 'wait_end_of_query', 'enable_http_compression',
  'http_zlib_compression_level', 'send_progress_in_http_headers', 'http_headers_progress_interval_ms', 'http_response_buffer_size',
  'http_native_compression_disable_checksumming_on_decompress', 'http_response_compression_method',
]);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface ClickHouseFront {
  url: string;
  close(): Promise<void>;
}

export interface ClickHouseFrontOptions {
  /** The chDB data folder this front owns (one process per folder). */
  path: string;
  port?: number;
  host?: string;
  /** Refuse bodies over this many bytes (decoded), as a server's max size would. */
  maxBodyBytes?: number;
  /** Hold every INSERT this long before it runs (changed at run time through /harness/insert-delay). */
  insertDelayMs?: number;
}

class HttpFailure extends Error {
  constructor(readonly status: number, readonly code: number, readonly type: string, message: string) {
    super(message);
  }
}

export async function startClickHouseFront(opts: ClickHouseFrontOptions): Promise<ClickHouseFront> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Session } = require('chdb') as { Session: new (path: string) => ChdbSession };
  const session = new Session(opts.path);
  const maxBody = opts.maxBodyBytes ?? 512 * 1024 * 1024;
  let queue: Promise<unknown> = Promise.resolve();
  /** Settings some request SET on the session (reset to DEFAULT for requests that do not ask for them). */
  const dirtySettings = new Set<string>();
  /** The slow-ClickHouse knob: how long INSERTs are held, and how many are held now. */
  const insertDelay = { ms: opts.insertDelayMs ?? 0, waiting: 0 };

  /** One query at a time on the engine, in arrival order. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) writeError(res, err);
      else res.destroy(err as Error);
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://front');
    if (url.pathname === '/ping' || (url.pathname === '/' && req.method === 'GET' && !url.searchParams.has('query'))) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=UTF-8' }).end('Ok.\n');
      return;
    }
    if (url.pathname === '/harness/insert-delay') {
      if (req.method === 'POST') insertDelay.ms = Math.max(0, Number(url.searchParams.get('ms') ?? 0) || 0);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(insertDelay));
      return;
    }
    if (url.pathname !== '/') throw new HttpFailure(404, 0, 'NOT_FOUND', `There is no handle ${url.pathname}`);

    const params = new Map<string, string>(url.searchParams);
    let body = await readBody(req, maxBody);
    const contentType = String(req.headers['content-type'] ?? '');
    if (contentType.startsWith('multipart/form-data')) {
      for (const [name, value] of parseMultipart(body, contentType)) params.set(name, value);
      body = Buffer.alloc(0);
    }
    const urlQuery = params.get('query') ?? '';
    const bodyText = body.toString('utf8');
    // The server concatenates the URL's query and the body (with a newline): INSERT … FORMAT X + data.
    const sqlText = urlQuery && bodyText ? `${urlQuery}\n${bodyText}` : urlQuery || bodyText;
    if (!sqlText.trim()) throw new HttpFailure(400, 62, 'SYNTAX_ERROR', 'Empty query');

    const database = params.get('database') || 'default';
    if (!IDENTIFIER.test(database)) throw new HttpFailure(404, 81, 'UNKNOWN_DATABASE', `Database ${database} does not exist`);
    // Settings and parameters are SET on the engine's one session before the query: the parameter's
    // text reaches the engine unchanged (a SQL literal of it), so it is parsed by type as the server
    // parses `param_*`. Settings a previous request set go back to DEFAULT: each request gets only its own.
    const settings = new Map<string, string>();
    const bound: string[] = [];
    for (const [name, value] of params) {
      if (name.startsWith('param_')) {
        if (!IDENTIFIER.test(name)) throw new HttpFailure(400, 456, 'UNKNOWN_QUERY_PARAMETER', `Bad parameter name ${name}`);
        bound.push(`SET ${name} = ${sqlString(value)}`);
      } else if (!PROTOCOL_PARAMS.has(name)) {
        if (!IDENTIFIER.test(name)) throw new HttpFailure(400, 115, 'UNKNOWN_SETTING', `Unknown setting ${name}`);
        settings.set(name, `SET ${name} = ${sqlString(value)}`);
      }
    }
    // The session keeps earlier requests' parameters: a placeholder without its own must fail, as on a server.
    for (const [, name] of (urlQuery || bodyText).matchAll(/\{([A-Za-z_][A-Za-z0-9_]*):/g)) {
      if (!params.has(`param_${name}`)) throw new HttpFailure(400, 456, 'UNKNOWN_QUERY_PARAMETER', `Substitution \`${name}\` is not set`);
    }
    const format = params.get('default_format') || 'TabSeparated';
    const queryId = params.get('query_id') || randomUUID();

    if (insertDelay.ms > 0 && /^\s*INSERT\b/i.test(sqlText)) {
      insertDelay.waiting++;
      await new Promise((r) => setTimeout(r, insertDelay.ms)).finally(() => insertDelay.waiting--);
    }
    const result = await serial(() => {
      const reset = [...dirtySettings].filter((name) => !settings.has(name)).map((name) => `SET ${name} = DEFAULT`);
      for (const name of settings.keys()) dirtySettings.add(name);
      const sql = [`USE ${database}`, ...reset, ...settings.values(), ...bound, sqlText].join(';\n');
      return session.queryAsync(sql, { format });
    }).catch((err: unknown) => {
      throw fromEngine(err);
    });

    const out = Buffer.from(result.bytes());
    const summary = {
      read_rows: String(result.rowsRead ?? 0), read_bytes: String(result.bytesRead ?? 0),
      written_rows: '0', written_bytes: '0', total_rows_to_read: '0',
      result_rows: '0', result_bytes: String(out.length), elapsed_ns: String(Math.round((result.elapsed ?? 0) * 1e9)),
    };
    const headers: http.OutgoingHttpHeaders = {
      'Content-Type': 'text/plain; charset=UTF-8',
      'X-ClickHouse-Query-Id': queryId,
      'X-ClickHouse-Format': format,
      'X-ClickHouse-Timezone': 'UTC',
      'X-ClickHouse-Summary': JSON.stringify(summary),
    };
    const gzip = params.get('enable_http_compression') === '1' && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) {
      const zipped = zlib.gzipSync(out);
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': zipped.length }).end(zipped);
    } else {
      res.writeHead(200, { ...headers, 'Content-Length': out.length }).end(out);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue;
      session.cleanup();
    },
  };
}

async function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  const encoding = String(req.headers['content-encoding'] ?? '').trim().toLowerCase();
  let source: NodeJS.ReadableStream = req;
  if (encoding === 'gzip') source = req.pipe(zlib.createGunzip());
  else if (encoding === 'deflate') source = req.pipe(zlib.createInflate());
  else if (encoding && encoding !== 'identity') {
    req.resume();
    throw new HttpFailure(400, 0, 'UNKNOWN_COMPRESSION_METHOD', `Unknown HTTP content encoding ${encoding}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      size += (chunk as Buffer).length;
      if (size > max) throw new HttpFailure(413, 0, 'TOO_LARGE_STRING_SIZE', `Request body over ${max} bytes`);
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof HttpFailure) throw err;
    throw new HttpFailure(400, 354, 'CANNOT_DECOMPRESS', `Cannot read the request body: ${(err as Error).message}`);
  }
  return Buffer.concat(chunks);
}

/** A SQL string literal holding exactly `text`. */
function sqlString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The parts of a multipart/form-data body as name → text (what the client sends: query, param_*). */
export function parseMultipart(body: Buffer, contentType: string): [string, string][] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) throw new HttpFailure(400, 0, 'BAD_REQUEST_PARAMETER', 'multipart/form-data without a boundary');
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const parts: [string, string][] = [];
  for (const raw of body.toString('utf8').split(delimiter).slice(1)) {
    if (raw.startsWith('--')) break;
    const at = raw.indexOf('\r\n\r\n');
    if (at < 0) continue;
    const name = /name="([^"]*)"/.exec(raw.slice(0, at));
    if (name) parts.push([name[1], raw.slice(at + 4).replace(/\r\n$/, '')]);
  }
  return parts;
}

/** An engine error as the server reports it: the message unchanged, the status from its type. */
function fromEngine(err: unknown): HttpFailure {
  const message = err instanceof Error ? err.message : String(err);
  const m = /Code: (\d+)\.[\s\S]*?\(([A-Z0-9_]{3,})\)/.exec(message);
  const code = m ? Number(m[1]) : 1001;
  const type = m ? m[2] : 'STD_EXCEPTION';
  const status = ['UNKNOWN_TABLE', 'UNKNOWN_DATABASE'].includes(type) ? 404
    : ['SYNTAX_ERROR', 'BAD_QUERY_PARAMETER', 'UNKNOWN_QUERY_PARAMETER', 'UNKNOWN_SETTING', 'CANNOT_PARSE_INPUT_ASSERTION_FAILED'].includes(type) ? 400
    : 500;
  return new HttpFailure(status, code, type, message.replace(/^Code: \d+\. DB::Exception: /, '').replace(/\s*\([A-Z0-9_]{3,}\)[\s\S]*$/, ''));
}

function writeError(res: http.ServerResponse, err: unknown): void {
  const f = err instanceof HttpFailure ? err : new HttpFailure(500, 1001, 'STD_EXCEPTION', err instanceof Error ? err.message : String(err));
  const text = `Code: ${f.code}. DB::Exception: ${f.message}. (${f.type}) (version 26.x chdb-front)\n`;
  res.writeHead(f.status, {
    'Content-Type': 'text/plain; charset=UTF-8',
    'X-ClickHouse-Exception-Code': String(f.code),
  }).end(text);
}
