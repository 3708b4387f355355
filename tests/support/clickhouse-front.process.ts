/**
 * TEST HARNESS ONLY. Starts the ClickHouse HTTP front (clickhouse-http-front.ts) over a chDB data
 * folder in a child process — its own process, since chDB allows one data folder per process — and
 * gives its URL, for tests that run the product's server path (`CLICKHOUSE_URL`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export interface ClickHouseFrontProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const CLI = path.join(__dirname, 'clickhouse-http-front.cli.ts');

export async function spawnClickHouseFront(dataFolder: string, opts: { timeoutMs?: number } = {}): Promise<ClickHouseFrontProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, dataFolder], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ClickHouse front did not start in time:\n${output}`)), opts.timeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the ClickHouse front exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The environment of the built product on the server engines, as an operator sets it: ClickHouse
 * through `front`, the relational store's variables, external workers, its own data folder and queue
 * prefix, and a bootstrap admin and write key.
 */
export function serverEnv(
  front: ClickHouseFrontProcess,
  store: { env: Record<string, string> },
  o: { database: string; dataDir: string; queuePrefix: string; admin: { email: string; password: string }; writeKey: string },
): Record<string, string> {
  return {
    CLICKHOUSE_URL: front.url,
    CLICKHOUSE_DATABASE: o.database,
    ...store.env,
    HUBPULSE_WORKERS: 'external',
    HUBPULSE_QUEUE_PREFIX: o.queuePrefix,
    HUBPULSE_DATA_DIR: o.dataDir,
    HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: o.admin.email,
    HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: o.admin.password,
    HUBPULSE_BOOTSTRAP_WRITE_KEY: o.writeKey,
  };
}
