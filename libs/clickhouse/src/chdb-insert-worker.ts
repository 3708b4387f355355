import { Worker } from 'node:worker_threads';
import { INSERT_SETTINGS } from './insert-settings';

declare const __non_webpack_require__: NodeJS.Require | undefined;
/** Node's own require, also inside the webpack bundle (where `require` is webpack's). */
const nodeRequire: NodeJS.Require = typeof __non_webpack_require__ === 'function' ? __non_webpack_require__ : require;

// Runs in the worker thread: its own chDB connection on the same folder (one engine per process,
// shared), doing zero-copy raw inserts.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createChdbConnection } = require(workerData.connectionModule);
const conn = createChdbConnection({ path: workerData.path });
parentPort.on('message', async (m) => {
  if (m.close) {
    try { await conn.close(); } finally { parentPort.postMessage({ id: m.id }); }
    return;
  }
  try {
    await conn.chdb.rawInsert({ table: m.table, columns: m.columns, format: 'TabSeparated', values: Buffer.from(m.payload.buffer, m.payload.byteOffset, m.payload.byteLength), settings: workerData.settings });
    parentPort.postMessage({ id: m.id });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: String(err && err.message || err) });
  }
});
`;

/**
 * Embedded ClickHouse inserts off the event loop. chDB parses and writes an INSERT largely on the
 * calling thread; from the API's main thread that stalled HTTP handling for the whole insert. A
 * worker thread with its own connection to the same engine lets requests and inserts use both cores.
 */
export class ChdbInsertWorker {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();

  constructor(private readonly path: string) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path: this.path, connectionModule: nodeRequire.resolve('chdb/connection'), settings: INSERT_SETTINGS },
    });
    w.on('message', (m: { id: number; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(new Error(m.error));
      else p.resolve();
    });
    const fail = (err: Error) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      this.worker = null;
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`chDB insert worker exited (${code})`)));
    this.worker = w;
    return w;
  }

  /** Inserts TabSeparated rows; resolves when ClickHouse has stored them. The buffer is transferred: do not reuse it. */
  insert(table: string, columns: readonly string[], payload: Buffer): Promise<void> {
    const w = this.start();
    const id = ++this.nextId;
    // Hand the bytes over without copying when the Buffer owns its whole ArrayBuffer (large
    // Buffer.from(string) results do); a pooled slice is copied first.
    const owns = payload.byteOffset === 0 && payload.byteLength === payload.buffer.byteLength;
    const bytes = owns ? new Uint8Array(payload.buffer as ArrayBuffer) : Uint8Array.from(payload);
    return new Promise<void>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, table, columns, payload: bytes }, [bytes.buffer]);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    if (!w) return;
    const id = ++this.nextId;
    await new Promise<void>((resolve) => {
      this.pending.set(id, { resolve, reject: () => resolve() });
      w.postMessage({ id, close: true });
    });
    this.worker = null;
    await w.terminate();
  }
}
