import { randomUUID } from 'node:crypto';
import type { BriefModel } from '../model/types';
import type { ComposedMessage } from './compose-message';
import type { DistributionList } from './delivery-config';
import type { DeliveryContext } from './delivery-context';
import {
  claimDelivery,
  type HeldClaim,
  recordSendFailure,
  recordSent,
  settleClaim,
} from './delivery-records';
import type { DeliveryError } from './errors';
import type { MailSender } from './mail-sender';
import { withRetries } from './retry';

/** One composed message on its way to a list. */
export interface Sending {
  /** The edition's brief (the full one: its inputs hash names what was sent). */
  model: BriefModel;
  list: DistributionList;
  message: ComposedMessage;
  from: string;
  /** The list already received the edition and is sent it again on purpose. */
  resend: boolean;
}

export type SendOutcome =
  | { status: 'sent'; messageId: string | null; attempts: number }
  | { status: 'failed'; error: DeliveryError; attempts: number }
  /** Another run holds the list's claim (sending now), or has sent it: nothing was sent. */
  | { status: 'already-sent' | 'in-progress'; attempts: 0 };

/**
 * Sends one list its message: claims the delivery first (a conditional write, see
 * `claimDelivery`), so that of two runs at once only one sends; then sends, retried as the
 * policy says; then records the outcome: the delivery record after a success (so the list is
 * not sent the edition again) and the claim as `sent`, or the failure record, an error line
 * and the claim as `failed` (so that the next run may try again).
 */
export async function sendToList(
  context: DeliveryContext,
  sender: MailSender,
  sending: Sending,
): Promise<SendOutcome> {
  const { list, message, from, model } = sending;
  const claim = await claimDelivery(
    context.store,
    {
      edition: model.edition,
      list: list.name,
      inputsHash: model.inputsHash,
      resend: sending.resend,
      now: context.clock(),
    },
    randomUUID(),
  );
  if (!claim.claimed) {
    context.logger.info(`list ${list.name} not sent ${model.edition}: ${claim.reason}`, {
      edition: model.edition,
      list: list.name,
      holder: claim.holder?.owner,
    });
    return { status: claim.reason, attempts: 0 };
  }
  const outgoing = { raw: message.raw, from, to: list.to, cc: list.cc, bcc: list.bcc };
  const result = await withRetries(context.retry, () => sender.send(outgoing));
  const at = context.clock().toISOString();
  if (!result.ok) {
    await sendFailed(context, sender, sending, { ...result, at });
    await settle(context, claim.held, 'failed');
    return { status: 'failed', error: result.error, attempts: result.attempts };
  }
  const sent = { messageId: result.value.messageId, attempts: result.attempts };
  await sendSucceeded(context, sender, sending, { ...sent, at });
  await settle(context, claim.held, 'sent');
  return { status: 'sent', ...sent };
}

async function settle(
  { store, logger, clock }: DeliveryContext,
  held: HeldClaim,
  status: 'sent' | 'failed',
): Promise<void> {
  if (!(await settleClaim(store, held, status, clock())))
    logger.warn(
      `the claim on list ${held.claim.list} of ${held.claim.edition} lapsed while sending; another run took it over`,
      { edition: held.claim.edition, list: held.claim.list },
    );
}

async function sendFailed(
  { store, logger }: DeliveryContext,
  sender: MailSender,
  { model, list, message }: Sending,
  failure: { error: DeliveryError; attempts: number; at: string },
): Promise<void> {
  const { edition } = model;
  const { error, attempts } = failure;
  logger.error(`delivery of ${edition} to list ${list.name} failed`, {
    edition,
    list: list.name,
    attempts,
    permanent: error.permanent,
    error: error.message,
  });
  await recordSendFailure(store, {
    edition,
    list: list.name,
    status: 'failed',
    at: failure.at,
    via: sender.kind,
    attempts,
    permanent: error.permanent,
    error: error.message,
    subject: message.subject,
    recipients: message.recipients.length,
  });
}

async function sendSucceeded(
  { store, logger }: DeliveryContext,
  sender: MailSender,
  { model, list, message, resend }: Sending,
  sent: { messageId: string | null; attempts: number; at: string },
): Promise<void> {
  const { edition } = model;
  const { messageId, attempts } = sent;
  const recorded = await recordSent(store, {
    edition,
    list: list.name,
    status: 'sent',
    at: sent.at,
    via: sender.kind,
    messageId,
    attempts,
    subject: message.subject,
    recipients: message.recipients,
    inputsHash: model.inputsHash,
    resent: resend,
  });
  if (!recorded)
    logger.warn(`list ${list.name} was also sent ${edition} by a concurrent run`, {
      edition,
      list: list.name,
    });
  logger.info(`delivered ${edition} to list ${list.name}`, {
    edition,
    list: list.name,
    recipients: message.recipients.length,
    messageId,
    attempts,
  });
}
