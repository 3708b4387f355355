import * as os from 'node:os';
import { ConfigError, loadConfig } from './config';
import { DEFAULT_WEBHOOK_HOSTS, webhookRefusal } from './webhook-hosts';

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

  it('reads the metrics token and the worker metrics port (off by default); a bad token is named, not echoed', () => {
    expect(loadConfig({}).metrics).toEqual({ token: undefined, port: 0 });
    expect(loadConfig({ HUBPULSE_METRICS_TOKEN: 'scrape-token-0123456789', HUBPULSE_METRICS_PORT: '9464' }).metrics).toEqual({ token: 'scrape-token-0123456789', port: 9464 });
    expect(() => loadConfig({ HUBPULSE_METRICS_TOKEN: 'short-secret' })).toThrow(/^(?![\s\S]*short-secret)[\s\S]*HUBPULSE_METRICS_TOKEN: must be at least 16 characters/);
    expect(() => loadConfig({ HUBPULSE_METRICS_PORT: 'x' })).toThrow(/HUBPULSE_METRICS_PORT: must be a port number/);
  });

  it('reads the background reads every minute by default; the former variable name still works, the new one wins', () => {
    expect(loadConfig({}).readCache.warmEveryMs).toBe(60_000);
    expect(loadConfig({ HUBPULSE_WARM_READS_MINUTES: '0' }).readCache.warmEveryMs).toBe(0);
    expect(loadConfig({ HUBPULSE_WARM_PATTERNS_MINUTES: '5' }).readCache.warmEveryMs).toBe(300_000);
    expect(loadConfig({ HUBPULSE_WARM_READS_MINUTES: '2', HUBPULSE_WARM_PATTERNS_MINUTES: '5' }).readCache.warmEveryMs).toBe(120_000);
    expect(() => loadConfig({ HUBPULSE_WARM_READS_MINUTES: 'soon' })).toThrow(/HUBPULSE_WARM_READS_MINUTES: must be a number of minutes/);
  });

  it('decides the pattern weeks in as many threads as the machine has cores but one (1 to 4), unless told', () => {
    expect(loadConfig({}).releaseThreads).toBe(Math.max(1, Math.min(4, os.availableParallelism() - 1)));
    expect(loadConfig({ HUBPULSE_RELEASE_THREADS: '3' }).releaseThreads).toBe(3);
    expect(() => loadConfig({ HUBPULSE_RELEASE_THREADS: '0' })).toThrow(/HUBPULSE_RELEASE_THREADS: must be at least 1/);
    expect(() => loadConfig({ HUBPULSE_RELEASE_THREADS: 'many' })).toThrow(/HUBPULSE_RELEASE_THREADS: must be a whole number of threads/);
  });

  it('picks server backends from URLs', () => {
    const c = loadConfig({ CLICKHOUSE_URL: 'http://ch:8123', DATABASE_URL: 'postgres://u@db/x', HUBPULSE_WORKERS: 'external' });
    expect(c.clickhouse).toMatchObject({ mode: 'server', url: 'http://ch:8123', database: 'hubpulse' });
    expect(c.database).toEqual({ type: 'postgres', url: 'postgres://u@db/x' });
    expect(c.workers).toBe('external');
  });

  it('takes CLICKHOUSE_CLUSTER only with a ClickHouse server', () => {
    expect(loadConfig({ CLICKHOUSE_URL: 'http://ch:8123' }).clickhouse).not.toHaveProperty('cluster');
    expect(loadConfig({ CLICKHOUSE_URL: 'http://ch:8123', CLICKHOUSE_CLUSTER: 'hub' }).clickhouse).toMatchObject({ mode: 'server', cluster: 'hub' });
    expect(() => loadConfig({ CLICKHOUSE_CLUSTER: 'hub' })).toThrow(/CLICKHOUSE_CLUSTER: needs a ClickHouse server \(CLICKHOUSE_URL\): embedded chDB/);
    expect(() => loadConfig({ CLICKHOUSE_URL: 'http://ch:8123', CLICKHOUSE_CLUSTER: "hub'; DROP" })).toThrow(/CLICKHOUSE_CLUSTER: must be a plain identifier/);
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

  it('reads the log level: info by default, a bad one named with the levels there are', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ HUBPULSE_LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
    expect(() => loadConfig({ HUBPULSE_LOG_LEVEL: 'verbose' })).toThrow(/HUBPULSE_LOG_LEVEL: must be one of trace, debug, info, warn, error, fatal, silent \(got "verbose"\)/);
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
    ['HUBPULSE_WEBHOOK_HOSTS', 'hooks.slack.com,https://x.example'],
    ['HUBPULSE_WEBHOOK_HOSTS', '*.'],
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

  it('reads the webhook host allow-list: Slack and Teams hosts by default, names and wildcards, lower case', () => {
    expect(loadConfig({}).webhookHosts).toEqual([...DEFAULT_WEBHOOK_HOSTS]);
    expect(loadConfig({ HUBPULSE_WEBHOOK_HOSTS: ' Hooks.Example.com , *.corp.example ,127.0.0.1' }).webhookHosts).toEqual(['hooks.example.com', '*.corp.example', '127.0.0.1']);
  });
});

describe('webhookRefusal', () => {
  const hosts = [...DEFAULT_WEBHOOK_HOSTS];
  it('lets Slack and Teams webhook hosts through over https', () => {
    for (const url of ['https://hooks.slack.com/services/T0/B0/x', 'https://contoso.webhook.office.com/webhookb2/x', 'https://prod-12.westeurope.logic.azure.com:443/workflows/x', 'https://default1234.ab.environment.api.powerplatform.com/powerautomate/x']) {
      expect(webhookRefusal(url, hosts)).toBeNull();
    }
  });

  it('refuses other hosts, look-alikes and internal addresses, naming the allowed hosts', () => {
    for (const url of ['https://169.254.169.254/latest/meta-data', 'https://localhost:6379/', 'https://hooks.slack.com.evil.example/x', 'https://evilhooks.slack.com/x', 'https://webhook.office.com/x', 'https://hooks.slack.com@10.0.0.1/x']) {
      expect(webhookRefusal(url, hosts)).toMatch(/^the host \S+ is not allowed; webhooks may go to hooks\.slack\.com, \*\.webhook\.office\.com, .* \(HUBPULSE_WEBHOOK_HOSTS\)$/);
    }
  });

  it('refuses plain http unless the host is listed by name', () => {
    // a wildcard never opens plain http; a host named in the list does (as the test receivers need)
    expect(webhookRefusal('http://a.logic.azure.com/x', hosts)).toMatch(/^must be an https:\/\/ URL/);
    expect(webhookRefusal('http://hooks.slack.com/services/x', hosts)).toMatch(/^must be an https:\/\/ URL/);
    expect(webhookRefusal('http://127.0.0.1:8080/hook', ['127.0.0.1'])).toBeNull();
    expect(webhookRefusal('http://127.0.0.2:8080/hook', ['127.0.0.1'])).toMatch(/^must be an https:\/\/ URL/);
    expect(webhookRefusal('ftp://hooks.slack.com/x', hosts)).toMatch(/^must be an https:\/\/ URL/);
  });
});
