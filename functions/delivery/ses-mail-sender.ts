import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DeliveryError } from './errors';
import type { MailSender, OutgoingMessage } from './mail-sender';

/** SES errors that no retry can fix; the message says what to do instead. */
const permanent: Record<string, string> = {
  MessageRejected:
    'SES rejected the message (in the SES sandbox, every recipient must be verified too)',
  MailFromDomainNotVerifiedException: 'the MAIL FROM domain is not verified in SES',
  AccountSuspendedException: 'the SES account is suspended',
  SendingPausedException: 'sending is paused for this account or configuration set',
  BadRequestException: 'SES refused the request',
  NotFoundException: 'the configuration set or identity does not exist in this region',
};

/**
 * Sends through Amazon SES API v2 with the raw MIME message (`Content.Raw`), so the message is
 * exactly the one tested and written locally. The client is made once per cold start by the
 * caller; the SDK's own retries handle throttling within one attempt.
 */
export class SesMailSender implements MailSender {
  readonly kind = 'ses';

  constructor(
    private readonly client: SESv2Client,
    private readonly configurationSet: string | null = null,
  ) {}

  async send(message: OutgoingMessage): Promise<{ messageId: string | null }> {
    try {
      const out = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: message.from,
          Destination: {
            ToAddresses: message.to,
            CcAddresses: message.cc,
            BccAddresses: message.bcc,
          },
          Content: { Raw: { Data: message.raw } },
          ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
        }),
      );
      return { messageId: out.MessageId ?? null };
    } catch (err) {
      const name = err instanceof Error ? err.name : 'Error';
      const reason = err instanceof Error ? err.message : String(err);
      const hint = permanent[name];
      throw new DeliveryError(
        `SES SendEmail from ${message.from} failed: ${name}: ${reason}${hint ? ` (${hint}; see README "Delivery")` : ''}`,
        { cause: err, permanent: hint !== undefined },
      );
    }
  }
}
