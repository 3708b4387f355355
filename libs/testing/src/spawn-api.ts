import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface SpawnedApi {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export async function freePort(): Promise<number> {
  // Not port 0: the kernel hands those out of the ephemeral range (32768–60999 here), which every
  // outgoing connection on the machine draws from too, so a port free now could be some client's
  // local port by the time a child process that seeds for a minute listens on it (EADDRINUSE). A
  // random port below that range, checked free, is taken by no outgoing connection.
  for (let attempt = 0; ; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
    if (free) return port;
    if (attempt >= 50) throw new Error('no free port found in 20000–31999 after 50 tries');
  }
}

/** A production build's process: its combined output, and a stop that resolves with its exit code. */
function spawnBuilt(app: 'api' | 'worker', env: Record<string, string>, nodeArgs: string[] = []) {
  const main = path.join(REPO_ROOT, 'dist', 'apps', app, 'main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd: REPO_ROOT,
    // A test reads its own writes at once unless it asks otherwise (see testConfig).
    // Nor background pattern reads racing the test's own (tests/e2e/pattern-warmup.e2e.spec.ts turns them on).
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', HUBPULSE_READ_MAX_STALE_SECONDS: '0', HUBPULSE_WARM_READS_MINUTES: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * Starts the production build (dist/apps/api/main.js) as a real process and waits for /api/health.
 * On a free port, or on `env.PORT` when the caller had to know the address beforehand (an SSO redirect URI).
 */
export async function spawnApi(env: Record<string, string>, timeoutMs = 120_000, nodeArgs: string[] = []): Promise<SpawnedApi> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const proc = spawnBuilt('api', { HOST: '127.0.0.1', PORT: String(port), ...env }, nodeArgs);
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + timeoutMs;
  // Told to log less than info, the process never says it listens: then its health alone.
  const silent = env.HUBPULSE_LOG_LEVEL !== undefined && !['trace', 'debug', 'info'].includes(env.HUBPULSE_LOG_LEVEL);
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`API exited with ${proc.child.exitCode}:\n${proc.output()}`);
    try {
      // Only once this child says it listens: the port was free when picked, but the demo seeds for a
      // minute before listening, and another test process on the machine may take the port meanwhile.
      const r = silent || proc.output().includes(`running at ${url} `) ? await fetch(`${url}/api/health`) : undefined;
      if (r?.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) {
      proc.child.kill('SIGKILL');
      throw new Error(`API did not become healthy in ${timeoutMs} ms:\n${proc.output()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, ...proc };
}

export type SpawnedWorker = Omit<SpawnedApi, 'url'>;

/** Starts the production build's worker (dist/apps/worker/main.js; needs a ClickHouse server) and waits for its start line. */
export async function spawnWorker(env: Record<string, string>, timeoutMs = 120_000): Promise<SpawnedWorker> {
  const proc = spawnBuilt('worker', env);
  const until = Date.now() + timeoutMs;
  while (!proc.output().includes('worker started')) {
    if (proc.child.exitCode !== null) throw new Error(`worker exited with ${proc.child.exitCode}:\n${proc.output()}`);
    if (Date.now() > until) {
      proc.child.kill('SIGKILL');
      throw new Error(`worker did not start in ${timeoutMs} ms:\n${proc.output()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return proc;
}
