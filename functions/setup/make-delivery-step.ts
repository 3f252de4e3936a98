import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SNSClient } from '@aws-sdk/client-sns';
import { type DeliverStep, deliverBrief } from '../delivery/deliver';
import { parseDeliveryConfig } from '../delivery/delivery-config';
import type { MailSender } from '../delivery/mail-sender';
import { makeLinker } from '../delivery/presign-link';
import { sleep } from '../delivery/retry';
import { SesMailSender } from '../delivery/ses-mail-sender';
import { SmtpMailSender } from '../delivery/smtp-mail-sender';
import { SnsPublisher } from '../delivery/sns-publisher';
import type { Renderers } from '../model/types';
import { makeS3Client } from '../store/s3-client';
import type { Store } from '../store/store';
import type { DeliverySettings } from './config';
import { logger } from './log';

/**
 * The Lambda's delivery step: recipients from the bucket, mail through SES (or SMTP when
 * BRIEF_SMTP_URL is set), links pre-signed on the bucket, the announcement to BRIEF_TOPIC_ARN.
 * Clients are made once, here, per cold start; settings that were ignored are logged here.
 */
export function makeDeliveryStep(
  settings: DeliverySettings,
  context: { store: Store; renderers: Renderers; clock: () => Date },
): DeliverStep {
  for (const warning of settings.warnings) logger.warn(warning);
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
