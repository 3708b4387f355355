import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Transform, type TransformCallback, type Writable } from 'node:stream';

/** Passes bytes through while counting them and taking their SHA-256: what the file holds, measured on the way. */
export class HashingSink extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;

  override _transform(chunk: Buffer | string, _enc: BufferEncoding, cb: TransformCallback): void {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.hash.update(buf);
    this.bytes += buf.length;
    cb(null, buf);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** Writes a chunk and waits for 'drain' when the stream's buffer is full (backpressure). */
export async function put(sink: Writable, chunk: string | Buffer): Promise<void> {
  if (!sink.write(chunk)) await once(sink, 'drain');
}

/** Ends the writer's side of the sink and waits until everything was handed on. */
export async function finish(sink: Writable): Promise<void> {
  sink.end();
  if (!sink.writableFinished) await once(sink, 'finish');
}
