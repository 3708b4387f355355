import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the embedded defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.clickhouse.mode).toBe('embedded');
    expect(c.database.type).toBe('sqlite');
    expect(c.redis).toEqual({ url: 'redis://127.0.0.1:6379', isDefault: true, prefix: 'hubpulse' });
    expect(c.workers).toBe('inline');
    expect(c.minGroupSize).toBe(5);
    expect(c.demo).toBe(false);
  });

  it('picks server backends from URLs', () => {
    const c = loadConfig({ CLICKHOUSE_URL: 'http://ch:8123', DATABASE_URL: 'postgres://u@db/x', HUBPULSE_WORKERS: 'external' });
    expect(c.clickhouse).toMatchObject({ mode: 'server', url: 'http://ch:8123', database: 'hubpulse' });
    expect(c.database).toEqual({ type: 'postgres', url: 'postgres://u@db/x' });
    expect(c.workers).toBe('external');
  });

  it('builds invite links from the public URL, else the listen address; mail only with an SMTP URL', () => {
    expect(loadConfig({})).toMatchObject({ linkBaseUrl: 'http://localhost:3000', inviteTtlHours: 72, mail: { smtpUrl: undefined } });
    expect(loadConfig({ HOST: '10.0.0.5', PORT: '8080' }).linkBaseUrl).toBe('http://10.0.0.5:8080');
    const c = loadConfig({ HUBPULSE_PUBLIC_URL: 'https://hubpulse.corp.example/', HUBPULSE_INVITE_TTL_HOURS: '24', HUBPULSE_SMTP_URL: 'smtp://u:p@mail:587', HUBPULSE_MAIL_FROM: 'HP <hp@corp.example>' });
    expect(c).toMatchObject({ linkBaseUrl: 'https://hubpulse.corp.example', inviteTtlHours: 24, mail: { smtpUrl: 'smtp://u:p@mail:587', from: 'HP <hp@corp.example>' } });
    // a bad SMTP URL is named without echoing it (it may hold the mail password)
    expect(() => loadConfig({ HUBPULSE_SMTP_URL: 'htp://user:secret@mail' })).toThrow(/^(?![\s\S]*secret)[\s\S]*HUBPULSE_SMTP_URL/);
  });

  it('reads the sign-in hardening settings: trust proxy, public URL, throttling', () => {
    const d = loadConfig({});
    expect(d.trustProxy).toBe('loopback');
    expect(d.signIn).toEqual({ accountFailures: 5, accountWindowSeconds: 900, lockBaseSeconds: 60, lockMaxSeconds: 3600, addressFailures: 20 });
    expect(loadConfig({ HUBPULSE_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ HUBPULSE_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ HUBPULSE_TRUST_PROXY: '10.0.0.0/8, 192.168.1.1' }).trustProxy).toBe('10.0.0.0/8, 192.168.1.1');
    expect(() => loadConfig({ HUBPULSE_TRUST_PROXY: 'everyone' })).toThrow(/HUBPULSE_TRUST_PROXY: must be loopback, true, false/);
    expect(loadConfig({ HUBPULSE_PUBLIC_URL: 'https://hubpulse.example.com' }).publicUrl).toBe('https://hubpulse.example.com');
    expect(() => loadConfig({ HUBPULSE_PUBLIC_URL: 'hubpulse' })).toThrow(/HUBPULSE_PUBLIC_URL: must be a URL/);
  });

  it('forces inline workers with embedded ClickHouse and says why', () => {
    const c = loadConfig({ HUBPULSE_WORKERS: 'external' });
    expect(c.workers).toBe('inline');
    expect(c.workersNote).toMatch(/embedded ClickHouse/);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['CLICKHOUSE_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://x'],
    ['HUBPULSE_WORKERS', 'sometimes'],
    ['HUBPULSE_MIN_GROUP_SIZE', '0'],
    ['HUBPULSE_DEMO', 'yes please'],
    ['CLICKHOUSE_DATABASE', 'drop table;'],
    ['HUBPULSE_PUBLIC_URL', 'hubpulse'],
    ['HUBPULSE_INVITE_TTL_HOURS', '0'],
    ['HUBPULSE_SMTP_URL', 'http://mail.example'],
  ])('names %s when it is %p', (name, value) => {
    let err: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toContain(`${name}:`);
  });

  it('needs both bootstrap admin variables, and never echoes secrets', () => {
    expect(() => loadConfig({ HUBPULSE_BOOTSTRAP_ADMIN_EMAIL: 'a@b.co' })).toThrow(/HUBPULSE_BOOTSTRAP_ADMIN_PASSWORD/);
    try {
      loadConfig({ HUBPULSE_BOOTSTRAP_WRITE_KEY: 'short-secret' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect((e as Error).message).toContain('HUBPULSE_BOOTSTRAP_WRITE_KEY');
      expect((e as Error).message).not.toContain('short-secret');
    }
  });
});
