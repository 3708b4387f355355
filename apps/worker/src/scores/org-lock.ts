import { randomUUID } from 'node:crypto';

export interface RedisLike {
  set(key: string, value: string, px: 'PX', ms: number, nx: 'NX'): Promise<string | null>;
  eval(script: string, keys: number, ...args: (string | number)[]): Promise<unknown>;
}

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/**
 * A Redis lock with a lease: held while its owner renews it; a crashed owner's lease runs out after
 * `ttlMs` and the next job takes over. Release only deletes the key when this owner still holds it.
 */
export class OrgLock {
  constructor(
    private readonly redis: () => Promise<RedisLike> | RedisLike,
    private readonly key: string,
    private readonly ttlMs = 30_000,
  ) {}

  async acquire(): Promise<{ release: () => Promise<void> } | null> {
    const client = await this.redis();
    const token = randomUUID();
    const ok = await client.set(this.key, token, 'PX', this.ttlMs, 'NX');
    if (ok !== 'OK') return null;
    const renew = setInterval(() => {
      client.eval(EXTEND, 1, this.key, token, this.ttlMs).catch(() => undefined);
    }, Math.floor(this.ttlMs / 3));
    renew.unref();
    return {
      release: async () => {
        clearInterval(renew);
        await client.eval(RELEASE, 1, this.key, token);
      },
    };
  }
}
