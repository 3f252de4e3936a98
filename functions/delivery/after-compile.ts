import type { BriefModel } from '../model/types';
import type { DeliverStep, DeliveryReport } from './deliver';
import { DeliveryError } from './errors';

export interface DeliveryRequest {
  trigger: 'manual' | 'daily' | 'draft';
  /** A manual invoke e-mails only when it asks to (`"deliver": true`); it is announced anyway. */
  deliver?: boolean;
  /** Send again to lists that already received the edition (implies `deliver`). */
  resend?: boolean;
}

export type DeliverySummary = Pick<DeliveryReport, 'lists' | 'announcement'>;

/**
 * Runs the delivery step after a compile, when the trigger calls for it: the daily build
 * e-mails and announces; a manual invoke announces, and e-mails only with `deliver` or
 * `resend` (so a mid-day rebuild does not use up the edition's only e-mail); drafts do
 * neither (they are rebuilt every few minutes). The announcement goes out once per distinct
 * brief, so an unchanged rebuild announces nothing. Throws a `DeliveryError` when any list or the
 * announcement failed, after every list had its turn: Lambda then retries the invocation (the
 * compile is "unchanged", lists already sent are skipped) and the failure queue keeps it.
 */
export async function deliverAfterCompile(
  step: DeliverStep | undefined,
  model: BriefModel,
  request: DeliveryRequest,
): Promise<DeliverySummary | undefined> {
  if (!step || request.trigger === 'draft') return undefined;
  const mail = request.trigger === 'daily' || request.deliver === true || request.resend === true;
  const report = await step(model, { resend: request.resend === true, mail });
  if (report.failures.length > 0) {
    const failed = report.lists.filter((l) => l.status === 'failed').map((l) => l.list);
    const what = [
      ...(failed.length > 0 ? [`lists ${failed.join(', ')}`] : []),
      ...(report.announcement === 'failed' ? ['the "brief published" announcement'] : []),
    ].join(' and ');
    throw new DeliveryError(
      `delivery of ${model.edition} failed for ${what}: ${report.failures.map((f) => f.message).join('; ')}`,
      { cause: report.failures[0], permanent: report.failures.every((f) => f.permanent) },
    );
  }
  return { lists: report.lists, announcement: report.announcement };
}
