import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';

/** A mail with an HTML and a text body and files (scheduled reports, alerts). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: readonly MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** The SMTP server's answer code when it refused (5xx: do not retry), if any. */
export function smtpResponseCode(err: unknown): number | undefined {
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' ? code : undefined;
}

/** Sends mail through the configured SMTP server (HUBPULSE_SMTP_URL); without one, `enabled` is false. */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly log = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(@Inject(HUBPULSE_CONFIG) private readonly config: HubpulseConfig) {
    this.transport = config.mail.smtpUrl ? createTransport(config.mail.smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** True once the server accepted the mail; false (logged, without the text) when it did not. */
  async send(to: string, subject: string, text: string): Promise<boolean> {
    if (!this.transport) return false;
    try {
      await this.sendMail({ to, subject, text });
      return true;
    } catch (err) {
      this.log.warn(`mail to ${to} not sent: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }

  /** Sends one mail; throws what the server or the connection said (the caller retries or records it). */
  async sendMail(mail: OutgoingMail): Promise<void> {
    if (!this.transport) throw new Error('no mail server is configured (HUBPULSE_SMTP_URL)');
    await this.transport.sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
