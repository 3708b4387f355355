import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import IORedis from 'ioredis';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';
import { sha256 } from './password';

/**
 * Failed sign-ins per account and per client address, in Redis under the install's prefix, so every
 * API process counts the same failures.
 *
 * - account (`…:signin:account:<sha256 of the email>`): a hash {failures, locked_until}. From the Nth failure on
 *   (N = HUBPULSE_SIGNIN_ACCOUNT_FAILURES) the account is locked for base·2^(failures−N) seconds,
 *   capped at HUBPULSE_SIGNIN_LOCK_MAX_SECONDS; the count is forgotten after a quiet window
 *   (HUBPULSE_SIGNIN_ACCOUNT_WINDOW_SECONDS) and reset by a successful sign-in.
 * - address (`…:signin:address:<ip>`): failures in a fixed one-minute window; over
 *   HUBPULSE_SIGNIN_ADDRESS_FAILURES the address waits for the window's end.
 */

/** One failure recorded atomically: count, lock from the limit on with a doubling time, expiry. */
const ACCOUNT_FAILURE = `
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
local now = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local lock_ms = 0
if failures >= limit then
  lock_ms = math.min(tonumber(ARGV[3]) * (2 ^ (failures - limit)), tonumber(ARGV[4]))
  redis.call('HSET', KEYS[1], 'locked_until', now + lock_ms)
end
redis.call('PEXPIRE', KEYS[1], math.max(tonumber(ARGV[5]), lock_ms))
return lock_ms
`;

/** A failure in the address's current window; returns [failures, ms left in the window]. */
const ADDRESS_FAILURE = `
local failures = redis.call('INCR', KEYS[1])
if failures == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {failures, redis.call('PTTL', KEYS[1])}
`;

const ADDRESS_WINDOW_MS = 60_000;

@Injectable()
export class SignInThrottleRepository implements OnModuleDestroy {
  private readonly redis: IORedis;
  private readonly prefix: string;

  constructor(@Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig) {
    this.redis = new IORedis(config.redis.url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    this.prefix = `${config.redis.prefix}:signin`;
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }

  private async client(): Promise<IORedis> {
    if (this.redis.status === 'wait') await this.redis.connect();
    return this.redis;
  }

  /** Keyed by a hash of the email: any length of input makes one short key. */
  private accountKey = (email: string) => `${this.prefix}:account:${sha256(email)}`;
  private addressKey = (address: string) => `${this.prefix}:address:${address}`;

  /** Milliseconds until this account or address may try again; 0 when it may now. */
  async waitMs(email: string, address: string): Promise<number> {
    const redis = await this.client();
    const [[, lockedUntil], [, addressFailures], [, addressTtl]] = (await redis
      .multi()
      .hget(this.accountKey(email), 'locked_until')
      .get(this.addressKey(address))
      .pttl(this.addressKey(address))
      .exec()) as [unknown, string | null][] as [[unknown, string | null], [unknown, string | null], [unknown, number]];
    const accountWait = lockedUntil ? Number(lockedUntil) - Date.now() : 0;
    const addressWait = Number(addressFailures ?? 0) >= this.config.signIn.addressFailures ? Number(addressTtl) : 0;
    return Math.max(0, accountWait, addressWait);
  }

  /** Counts a failed sign-in against the account and the address. */
  async recordFailure(email: string, address: string): Promise<void> {
    const redis = await this.client();
    const { accountFailures, accountWindowSeconds, lockBaseSeconds, lockMaxSeconds } = this.config.signIn;
    await redis.eval(ACCOUNT_FAILURE, 1, this.accountKey(email), Date.now(), accountFailures, lockBaseSeconds * 1000, lockMaxSeconds * 1000, accountWindowSeconds * 1000);
    await redis.eval(ADDRESS_FAILURE, 1, this.addressKey(address), ADDRESS_WINDOW_MS);
  }

  /** A successful sign-in forgets the account's failures (not the address's). */
  async reset(email: string): Promise<void> {
    const redis = await this.client();
    await redis.del(this.accountKey(email));
  }
}
