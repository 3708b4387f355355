// Load generator process for bench:ingest: builds its share of request bodies, says ready, then on
// "go" posts them over keep-alive HTTP and reports latencies. A separate process, so its CPU is not
// the server's event loop; bodies are built before the clock starts.
import { Pool } from 'undici';
import { benchBodies } from './bench-events';

interface Job {
  url: string;
  key: string;
  from: number;
  to: number;
  batch: number;
  t0: number;
  /** Every n-th batch is sent twice, as an SDK retry would. 0 = none. */
  resendEvery: number;
  concurrency: number;
}

process.once('message', (job: Job) => {
  const bodies = benchBodies(job.from, job.to, job.batch, job.t0);
  if (job.resendEvery > 0) for (let i = 0, n = bodies.length; i < n; i += job.resendEvery) bodies.push(bodies[i]);
  process.send!({ ready: bodies.length });
  process.once('message', () => void run(job, bodies));
});

async function run(job: Job, bodies: string[]): Promise<void> {
  // undici's pool: the cheapest keep-alive client in Node, so the generators leave the CPU to the server.
  const pool = new Pool(job.url, { connections: job.concurrency, pipelining: 1 });
  const headers = { authorization: `Bearer ${job.key}`, 'content-type': 'application/json' };
  const latencies: number[] = [];
  let next = 0;
  let accepted = 0;
  let rejected = 0;
  let failed = 0;
  const post = async (body: string) => {
    const res = await pool.request({ path: '/v1/events', method: 'POST', headers, body });
    return { status: res.statusCode, text: await res.body.text() };
  };
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        for (let attempt = 0; ; attempt++) {
          const t0 = performance.now();
          const res = await post(body).catch((e: Error) => ({ status: 0, text: e.message }));
          latencies.push(performance.now() - t0);
          if (res.status === 200) {
            const r = JSON.parse(res.text) as { accepted: number; rejected: unknown[] };
            accepted += r.accepted;
            rejected += r.rejected.length;
            break;
          }
          if (attempt >= 5) {
            failed++;
            break;
          }
          await new Promise((r) => setTimeout(r, 100 * (attempt + 1))); // as an SDK retries a 503/429
        }
      }
    }),
  );
  await pool.close();
  process.send!({ accepted, rejected, failed, latencies });
}
