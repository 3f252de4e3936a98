/** One composed message and its envelope (Bcc recipients are in the envelope only). */
export interface OutgoingMessage {
  raw: Buffer;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
}

/**
 * The port e-mail goes out through: SES (`SesMailSender`) in Lambda, SMTP
 * (`SmtpMailSender`) wherever an SMTP URL is configured. Failures are `DeliveryError`s.
 */
export interface MailSender {
  /** Short name recorded with each delivery: "ses", "smtp". */
  readonly kind: string;
  send(message: OutgoingMessage): Promise<{ messageId: string | null }>;
}

/** The port the "brief published" announcement goes out through (SNS in Lambda). */
export interface Publisher {
  publish(announcement: {
    subject: string;
    message: string;
    attributes: Record<string, string>;
  }): Promise<{ messageId: string | null }>;
}
