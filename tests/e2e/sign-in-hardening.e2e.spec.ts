import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app-factory';
import { hashPassword } from '../../apps/api/src/auth/password';
import { UsersRepository } from '@hubpulse/database';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { signIn, spawnApi, testConfig, uniqueName } from '@hubpulse/testing';

/** The real node:crypto module object (an `import * as` gives a copy a spy would not reach). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeCrypto: typeof import('node:crypto') = require('node:crypto');

/**
 * Sign-in hardening (issue 13): throttling per account (with a doubling lock) and per client
 * address, the same scrypt work for unknown emails, the transparent rehash of old-parameter hashes,
 * the Origin check on cookie writes, raw-body content types, security headers and Secure cookies
 * behind an HTTPS proxy. The API in process on chDB, SQLite and Redis; limits lowered so each case
 * needs few (slow, by design) password checks.
 */
describe('sign-in hardening (chDB + SQLite + Redis)', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let users: UsersRepository;
  const PUBLIC_URL = 'https://hubpulse.example.com';
  const config = testConfig({
    HUBPULSE_SIGNIN_ACCOUNT_FAILURES: '3',
    HUBPULSE_SIGNIN_ADDRESS_FAILURES: '3',
    HUBPULSE_SIGNIN_LOCK_SECONDS: '1',
    HUBPULSE_PUBLIC_URL: PUBLIC_URL,
  });
  const admin = { email: 'admin@test.local', password: 'correct horse battery' };
  const writeKey = config.bootstrap.writeKey!;

  /** A user of its own for a case, stored with a hash made at the given scrypt cost. */
  async function addUser(password: string, n?: number): Promise<string> {
    const email = `u-${randomUUID().slice(0, 8)}@test.local`;
    await users.insert({ id: randomUUID(), email, name: 'Test', role: 'analyst', passwordHash: await hashPassword(password, n), createdAt: new Date().toISOString() });
    return email;
  }
  const login = (email: string, password: string, from: string) =>
    request(http).post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

  beforeAll(async () => {
    Logger.overrideLogger(false);
    app = await createApiApp(config, { logger: false });
    http = app.getHttpServer();
    users = app.get(UsersRepository);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('locks an account after its failures, whatever the address, with a lock that doubles (429 + Retry-After)', async () => {
    const email = await addUser('the right passphrase');
    for (let i = 1; i <= 3; i++) await login(email, 'wrong passphrase!', `198.51.100.${i}`).expect(401);
    const locked = await login(email, 'the right passphrase', '198.51.100.9').expect(429);
    expect(locked.headers['retry-after']).toBe('1');
    expect(locked.body.message).toMatch(/too many failed sign-ins for this account or from this address; try again in 1 s/);
    await new Promise((r) => setTimeout(r, 1100));
    // One more failure after the lock: locked again, for twice as long.
    await login(email, 'wrong passphrase!', '198.51.100.10').expect(401);
    expect((await login(email, 'the right passphrase', '198.51.100.11').expect(429)).headers['retry-after']).toBe('2');
    await new Promise((r) => setTimeout(r, 2100));
    // A success forgets the account's failures.
    await login(email, 'the right passphrase', '198.51.100.12').expect(200);
    await login(email, 'wrong passphrase!', '198.51.100.13').expect(401);
    await login(email, 'the right passphrase', '198.51.100.14').expect(200);
  }, 180_000);

  it('makes an address that fails on many accounts wait for the minute to end, other addresses unaffected', async () => {
    for (let i = 0; i < 3; i++) await login(`nobody-${i}@test.local`, 'some guess here', '203.0.113.7').expect(401);
    const waited = await login(admin.email, admin.password, '203.0.113.7').expect(429);
    expect(Number(waited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(waited.headers['retry-after'])).toBeLessThanOrEqual(60);
    await login(admin.email, admin.password, '203.0.113.8').expect(200);
  }, 180_000);

  it('does one scrypt verification for an unknown email, as for a known one, taking about as long', async () => {
    const email = await addUser('a known passphrase');
    const scrypt = jest.spyOn(nodeCrypto, 'scrypt');
    const time = async (who: string, from: string) => {
      scrypt.mockClear();
      const t = process.hrtime.bigint();
      await login(who, 'a wrong passphrase', from).expect(401);
      return { ms: Number(process.hrtime.bigint() - t) / 1e6, calls: scrypt.mock.calls.length };
    };
    await time('warm-up@test.local', '192.0.2.1'); // the dummy hash is made once, on first use
    const known = await time(email, '192.0.2.2');
    const unknown = await time('nobody-here@test.local', '192.0.2.3');
    scrypt.mockRestore();
    expect(known.calls).toBe(1);
    expect(unknown.calls).toBe(1);
    // Same work; a loose bound that a busy machine still meets.
    expect(unknown.ms).toBeGreaterThan(known.ms / 4);
    expect(unknown.ms).toBeLessThan(known.ms * 4);
  }, 180_000);

  it('rehashes a password stored with old scrypt parameters on the next sign-in, and it keeps working', async () => {
    const email = await addUser('an old passphrase', 2 ** 14);
    expect((await users.findByEmail(email))!.passwordHash).toMatch(/^scrypt\$16384\$/);
    await login(email, 'an old passphrase', '192.0.2.20').expect(200);
    const upgraded = (await users.findByEmail(email))!.passwordHash;
    expect(upgraded).toMatch(/^scrypt\$131072\$/);
    await login(email, 'an old passphrase', '192.0.2.21').expect(200);
    expect((await users.findByEmail(email))!.passwordHash).toBe(upgraded);
  }, 180_000);

  describe('Origin check on cookie writes', () => {
    let cookie: string;
    beforeAll(async () => {
      cookie = await signIn(http, admin.email, admin.password);
    }, 60_000);
    // POST /api/goals with an invalid body: passes the Origin check → 400; refused by it → 403.
    const write = () => request(http).post('/api/goals').set('Host', 'hubpulse.internal:3000').set('Cookie', cookie).send({});

    it('refuses a foreign, a null or a look-alike Origin, and a foreign Referer without Origin, naming why', async () => {
      for (const origin of ['https://evil.example', 'null', 'http://hubpulse.internal:3000.evil.example', 'http://hubpulse.internal:3001']) {
        const res = await write().set('Origin', origin).expect(403);
        expect(res.body.message[0]).toMatch(/^Origin: .* is not this host \(hubpulse\.internal:3000\) or HUBPULSE_PUBLIC_URL \(https:\/\/hubpulse\.example\.com\); a request with the session cookie that changes something must come from the dashboard's own origin/);
      }
      expect((await write().set('Referer', 'https://evil.example/page').expect(403)).body.message[0]).toMatch(/^Referer: https:\/\/evil\.example is not this host/);
      // The session is still there and nothing else was refused.
      await request(http).get('/api/auth/me').set('Cookie', cookie).expect(200);
      await request(http).delete('/api/write-keys/none').set('Cookie', cookie).set('Origin', 'https://evil.example').expect(403);
    });

    it('allows the same origin, the public URL, a same-origin Referer and clients that send neither (curl, scripts)', async () => {
      await write().set('Origin', 'http://hubpulse.internal:3000').expect(400);
      await write().set('Origin', 'https://hubpulse.internal:3000').expect(400);
      await write().set('Origin', PUBLIC_URL).expect(400);
      await write().set('Referer', 'http://hubpulse.internal:3000/strategy').expect(400);
      await write().expect(400);
    });

    it("refuses a cross-site sign-in (login CSRF); write-key ingestion from another origin is the key's decision, not the cookie check's", async () => {
      const res = await request(http).post('/api/auth/login').set('Origin', 'https://evil.example').send(admin).expect(403);
      expect(res.body.message[0]).toMatch(/^Origin: https:\/\/evil\.example is not this host/);
      // A server key allows no web origin (browser keys list theirs: tests/e2e/browser-sdk-wire.e2e.spec.ts).
      const ingest = await request(http)
        .post('/v1/events')
        .set({ Authorization: `Bearer ${writeKey}`, Origin: 'https://hub.example', Cookie: cookie })
        .send({ events: [] })
        .expect(403);
      expect(ingest.body.message).toMatch(/^Origin: this write key is not a browser key/);
    });
  });

  it('raw-body routes refuse other content types with a 415 naming the accepted ones', async () => {
    const cookie = await signIn(http, admin.email, admin.password);
    const upload = await request(http).post('/api/imports?kind=events&format=ndjson').set('Cookie', cookie).set('Content-Type', 'multipart/form-data; boundary=x').send('--x--').expect(415);
    expect(upload.body.message[0]).toMatch(/^Content-Type: multipart\/form-data is not accepted here; send application\/octet-stream, text\/csv, .*application\/x-ndjson/);
    const ingest = await request(http).post('/v1/events').set({ Authorization: `Bearer ${writeKey}`, 'Content-Type': 'text/html' }).send('<p>hi</p>').expect(415);
    expect(ingest.body.message[0]).toMatch(/^Content-Type: text\/html is not accepted here; send application\/json, text\/plain, application\/x-www-form-urlencoded, application\/octet-stream/);
    // What SDKs send still works: JSON as text/plain, JSON with a +json type.
    await request(http).post('/v1/events').set({ Authorization: `Bearer ${writeKey}`, 'Content-Type': 'text/plain' }).send('{"events":[]}').expect((r) => expect(r.status).not.toBe(415));
    await request(http).post('/v1/events').set({ Authorization: `Bearer ${writeKey}`, 'Content-Type': 'application/vnd.api+json' }).send('{"events":[]}').expect((r) => expect(r.status).not.toBe(415));
  }, 60_000);

  it('sets the security headers on every response: dashboard API, ingestion fast path, errors', async () => {
    for (const res of [
      await request(http).get('/api/health'),
      await request(http).get('/api/auth/me'),
      await request(http).post('/v1/events').send({ events: [] }),
    ]) {
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['permissions-policy']).toContain('camera=()');
    }
  });

  it('refuses to start with a common bootstrap admin password, naming the variable and the rule (production build)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubpulse-weak-'));
    try {
      const start = spawnApi({
        HUBPULSE_DATA_DIR: dataDir,
        HUBPULSE_QUEUE_PREFIX: `hptest:${uniqueName()}`,
        HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: 'admin@weak.local',
        HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: 'Password1234!',
      });
      await expect(start).rejects.toThrow(/HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD: is one of the most common passwords; choose another/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('marks the session cookie Secure when a trusted proxy says the request came over HTTPS', async () => {
    const https = await request(http).post('/api/auth/login').set('X-Forwarded-Proto', 'https').send(admin).expect(200);
    expect((https.headers['set-cookie'] as unknown as string[])[0]).toMatch(/; Secure/);
    const plain = await request(http).post('/api/auth/login').send(admin).expect(200);
    expect((plain.headers['set-cookie'] as unknown as string[])[0]).not.toMatch(/Secure/);
    expect((plain.headers['set-cookie'] as unknown as string[])[0]).toMatch(/HttpOnly; SameSite=Lax/);
  }, 60_000);
});
