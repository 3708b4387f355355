import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import IORedis from 'ioredis';
import type { HubpulseConfig } from './config';

async function answers(url: string): Promise<boolean> {
  const client = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export class RedisUnavailableError extends Error {}

/** A Redis URL fit for a message: its password (redis://user:secret@host) replaced. */
export function withoutPassword(url: string): string {
  if (!URL.canParse(url)) return url.replace(/\/\/[^@/]*@/, '//***@');
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/**
 * Makes sure Redis answers at the configured URL. When nothing answers at the default URL and
 * `redis-server` is installed, starts a private one with its data under the data folder; the
 * returned child (if any) is stopped with the process.
 */
export async function ensureRedis(config: HubpulseConfig, log: (m: string) => void): Promise<ChildProcess | undefined> {
  if (await answers(config.redis.url)) return undefined;
  if (!config.redis.isDefault) {
    throw new RedisUnavailableError(`REDIS_URL: nothing answers at ${withoutPassword(config.redis.url)}. Start Redis there or point REDIS_URL at a running one.`);
  }
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const bin = which.stdout.trim();
  if (!bin) {
    throw new RedisUnavailableError(
      'Redis is needed for the job queues and nothing answers at redis://127.0.0.1:6379. ' +
        'Install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) or set REDIS_URL to a running Redis.',
    );
  }
  const dir = path.join(config.dataDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  log(`No Redis at ${config.redis.url}: starting a private redis-server (data in ${dir})`);
  const child = spawn(bin, ['--port', '6379', '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => child.kill('SIGTERM');
  process.once('exit', stop);
  for (let i = 0; i < 50; i++) {
    if (await answers(config.redis.url)) return child;
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new RedisUnavailableError(`Started redis-server but it did not answer at ${config.redis.url}`);
}
