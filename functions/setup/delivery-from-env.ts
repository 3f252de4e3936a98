import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { type DeliverStep, deliverBrief } from '../delivery/deliver';
import { parseDeliveryConfig } from '../delivery/delivery-config';
import type { MailSender } from '../delivery/mail-sender';
import { makeLinker, maxLinkSeconds } from '../delivery/presign-link';
import { sleep } from '../delivery/retry';
import { SesMailSender } from '../delivery/ses-mail-sender';
import { SmtpMailSender } from '../delivery/smtp-mail-sender';
import { SnsPublisher } from '../delivery/sns-publisher';
import { ConfigError } from '../model/errors';
import type { Renderers } from '../model/types';
import { defaultRecipientsKey } from '../store/bucket-layout';
import { makeS3Client } from '../store/s3-client';
import type { Store } from '../store/store';
import { positiveNumber } from './config';
import { logger } from './log';

type Env = Record<string, string | undefined>;

/** Delivery settings, read once from the environment. Every variable is optional. */
export interface DeliverySettings {
  /** Store key of the recipients file (YAML/JSON), read at each delivery so edits need no deploy. */
  recipientsKey: string;
  /** Sender address (a verified SES identity); overrides `from` in the recipients file. */
  from: string | null;
  /** When set, mail goes through this SMTP server instead of SES. */
  smtpUrl: string | null;
  /** SES configuration set (event publishing, dedicated IPs), or null. */
  configurationSet: string | null;
  /** SNS topic of the "brief published" announcement, or null for none. */
  topicArn: string | null;
  /** Lifetime of the pre-signed links, in seconds. */
  linkSeconds: number;
  /** Sends of one message per run (first try included). */
  attempts: number;
  bucket: string | null;
  s3Endpoint: string | null;
}

export function deliverySettingsFromEnv(env: Env = process.env): DeliverySettings {
  const hours = positiveNumber(env, 'BRIEF_LINK_HOURS', 24);
  if (hours * 3600 > maxLinkSeconds)
    throw new ConfigError(
      `BRIEF_LINK_HOURS=${hours}: pre-signed links last at most 168 hours (7 days)`,
    );
  return {
    recipientsKey: env.BRIEF_RECIPIENTS_KEY || defaultRecipientsKey,
    from: env.BRIEF_MAIL_FROM || null,
    smtpUrl: env.BRIEF_SMTP_URL || null,
    configurationSet: env.BRIEF_SES_CONFIGURATION_SET || null,
    topicArn: topicArn(env.BRIEF_TOPIC_ARN),
    linkSeconds: Math.round(hours * 3600),
    attempts: Math.round(positiveNumber(env, 'BRIEF_SEND_ATTEMPTS', 3)),
    bucket: env.BRIEF_BUCKET || null,
    s3Endpoint: env.S3_ENDPOINT || null,
  };
}

/**
 * The Lambda's delivery step: recipients from the bucket, mail through SES (or SMTP when
 * BRIEF_SMTP_URL is set), links pre-signed on the bucket, the announcement to BRIEF_TOPIC_ARN.
 * Clients are made once, here, per cold start.
 */
export function makeDeliveryStep(
  settings: DeliverySettings,
  context: { store: Store; renderers: Renderers; clock: () => Date },
): DeliverStep {
  const sender: MailSender = settings.smtpUrl
    ? new SmtpMailSender(settings.smtpUrl)
    : new SesMailSender(new SESv2Client({}), settings.configurationSet);
  const publisher = settings.topicArn
    ? new SnsPublisher(new SNSClient({}), settings.topicArn)
    : null;
  const linkTo = settings.bucket
    ? makeLinker({
        client: makeS3Client(settings.s3Endpoint ? { endpoint: settings.s3Endpoint } : {}),
        bucket: settings.bucket,
        seconds: settings.linkSeconds,
        clock: context.clock,
      })
    : null;
  return async (model, options) => {
    const file = await context.store.get(settings.recipientsKey);
    if (!file)
      logger.info(`no ${settings.recipientsKey} in the bucket: the brief is not e-mailed`, {
        edition: model.edition,
      });
    const config = file
      ? parseDeliveryConfig(new TextDecoder().decode(file), settings.recipientsKey)
      : null;
    return deliverBrief(
      {
        ...context,
        config,
        from: settings.from,
        sender,
        publisher,
        linkTo,
        retry: { attempts: settings.attempts, backoffMs: 2000, sleep },
        logger,
      },
      model,
      options,
    );
  };
}

/**
 * serverless-offline turns `!Ref BriefPublishedTopic` into "[object Object]": a value that is
 * not a topic ARN means "no topic here", said once in the log, rather than a failed compile.
 */
function topicArn(value: string | undefined): string | null {
  if (!value) return null;
  if (/^arn:[\w-]+:sns:[\w-]+:\d{12}:[\w-]+$/.test(value)) return value;
  logger.warn(
    `BRIEF_TOPIC_ARN=${value} is not an SNS topic ARN: no "brief published" announcement`,
  );
  return null;
}
