import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local webhook receiver: answers each POST with the next of `statuses` (the last repeats) and keeps the JSON bodies and paths. */
export interface WebhookCatcher {
  /** http://127.0.0.1:<port> */
  base: string;
  got: { path: string; body: unknown }[];
  close(): Promise<void>;
}

export async function startWebhookCatcher(statuses: number[]): Promise<WebhookCatcher> {
  const got: WebhookCatcher['got'] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      got.push({ path: req.url ?? '', body: JSON.parse(raw) });
      res.statusCode = statuses[Math.min(got.length - 1, statuses.length - 1)];
      res.end('');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, got, close: () => new Promise<void>((r) => server.close(() => r())) };
}
