import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { testConfig } from '@hubpulse/testing';
import { MailerService } from './mailer.service';

/** The mailer against a real SMTP server (npm smtp-server), and against a port nobody answers on. */
describe('MailerService', () => {
  it('is off without HUBPULSE_SMTP_URL', async () => {
    const mailer = new MailerService(testConfig());
    expect(mailer.enabled).toBe(false);
    expect(await mailer.send('a@b.example', 'x', 'y')).toBe(false);
  });

  it('delivers to the SMTP server from the configured sender', async () => {
    const got: { from: string; to: string[]; raw: string }[] = [];
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData: (stream, session, cb) => {
        let raw = '';
        stream.on('data', (d: Buffer) => (raw += d.toString()));
        stream.on('end', () => {
          got.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
          cb();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.server.address() as AddressInfo).port;
    const mailer = new MailerService(testConfig({ HUBPULSE_SMTP_URL: `smtp://127.0.0.1:${port}`, HUBPULSE_MAIL_FROM: 'Hubpulse <hp@corp.example>' }));
    try {
      expect(mailer.enabled).toBe(true);
      expect(await mailer.send('new.person@corp.example', 'You are invited', 'Open https://x.example/invite/abc')).toBe(true);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ from: 'hp@corp.example', to: ['new.person@corp.example'] });
      expect(got[0].raw).toMatch(/^Subject: You are invited/m);
      expect(got[0].raw).toContain('https://x.example/invite/abc');
    } finally {
      mailer.onModuleDestroy();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('answers false (the caller shows the link instead) when the server is unreachable', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const mailer = new MailerService(testConfig({ HUBPULSE_SMTP_URL: `smtp://127.0.0.1:${port}` }));
    expect(await mailer.send('a@b.example', 'x', 'y')).toBe(false);
    mailer.onModuleDestroy();
  });
});
