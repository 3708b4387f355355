import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { HUBPULSE_CONFIG, type HubpulseConfig } from '@hubpulse/config';

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
      await this.transport.sendMail({ from: this.config.mail.from, to, subject, text });
      return true;
    } catch (err) {
      this.log.warn(`mail to ${to} not sent: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
