import { createTransport, type Transporter } from 'nodemailer';
import { DeliveryError } from './errors';
import type { MailSender, OutgoingMessage } from './mail-sender';

/**
 * Sends through an SMTP server (`smtp://user:pass@host:587`, `smtps://…:465`), for teams
 * without SES. The composed message goes out byte for byte (`raw`), with an explicit envelope
 * so Bcc recipients receive it without appearing in its headers.
 */
export class SmtpMailSender implements MailSender {
  readonly kind = 'smtp';
  private readonly transport: Transporter;

  constructor(url: string) {
    this.transport = createTransport(url);
  }

  async send(message: OutgoingMessage): Promise<{ messageId: string | null }> {
    try {
      const info = await this.transport.sendMail({
        envelope: { from: message.from, to: [...message.to, ...message.cc, ...message.bcc] },
        raw: message.raw,
      });
      return { messageId: info.messageId ?? null };
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      const reason = err instanceof Error ? err.message : String(err);
      throw new DeliveryError(`SMTP delivery failed: ${reason}`, {
        cause: err,
        // 5xx: the server refused for good (unknown mailbox, relay denied, auth failed).
        permanent: code !== undefined && code >= 500,
      });
    }
  }

  close(): void {
    this.transport.close();
  }
}
