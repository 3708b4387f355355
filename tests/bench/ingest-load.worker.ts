// Load generator process for bench:ingest: posts pre-serialised batches over keep-alive HTTP and
// reports latencies. Runs as a child process so its CPU is not the server's event loop.
import { Agent, request } from 'node:http';

interface Job {
  url: string;
  key: string;
  bodies: string[];
  concurrency: number;
}

process.once('message', async (job: Job) => {
  const target = new URL(`${job.url}/v1/events`);
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const latencies: number[] = [];
  let next = 0;
  let accepted = 0;
  let failed = 0;
  const post = (body: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { Authorization: `Bearer ${job.key}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (next < job.bodies.length) {
        const body = job.bodies[next++];
        for (let attempt = 0; ; attempt++) {
          const t0 = performance.now();
          const res = await post(body).catch((e: Error) => ({ status: 0, text: e.message }));
          latencies.push(performance.now() - t0);
          if (res.status === 200) {
            accepted += (JSON.parse(res.text) as { accepted: number }).accepted;
            break;
          }
          if (attempt >= 5) {
            failed++;
            break;
          }
          await new Promise((r) => setTimeout(r, 100 * (attempt + 1))); // as an SDK would retry 503/429
        }
      }
    }),
  );
  const ms = performance.now() - started;
  agent.destroy();
  process.send!({ accepted, failed, ms, latencies });
});
