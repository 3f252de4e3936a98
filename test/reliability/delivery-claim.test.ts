import { describe, expect, it } from 'vitest';
import { deliverBrief } from '../../functions/delivery/deliver';
import { claimDelivery } from '../../functions/delivery/delivery-records';
import type { MailSender, OutgoingMessage } from '../../functions/delivery/mail-sender';
import { deliveryClaimKey, deliveryKey } from '../../functions/store/bucket-layout';
import { deliveryDeps, edition, RecordingSender, seedBrief } from '../unit/delivery-helpers';

/** A sender that takes `ms` to send, so that runs overlap. */
class SlowSender implements MailSender {
  readonly kind = 'slow';
  readonly sent: OutgoingMessage[] = [];
  constructor(private readonly ms: number) {}
  async send(message: OutgoingMessage) {
    await new Promise((resolve) => setTimeout(resolve, this.ms));
    this.sent.push(message);
    return { messageId: `<${this.sent.length}@slow>` };
  }
}

const json = (bytes: Uint8Array | null) =>
  JSON.parse(new TextDecoder().decode(bytes ?? new Uint8Array()));

describe('delivery claims a list before it sends (issue 12, item 10)', () => {
  it('sends a list once when ten runs deliver the same edition at once', async () => {
    const { deps, model } = await seedBrief();
    const sender = new SlowSender(200);
    const reports = await Promise.all(
      Array.from({ length: 10 }, () => deliverBrief(deliveryDeps(deps, { sender }), model)),
    );
    expect(sender.sent).toHaveLength(1);
    const statuses = reports.map((report) => report.lists[0]?.status).sort();
    expect(statuses.filter((status) => status === 'sent')).toHaveLength(1);
    expect(
      statuses
        .filter((status) => status !== 'sent')
        .every((s) => s === 'in-progress' || s === 'already-sent'),
    ).toBe(true);
    expect(json(await deps.store.get(deliveryClaimKey(edition, 'all')))).toMatchObject({
      status: 'sent',
    });
    expect(json(await deps.store.get(deliveryKey(edition, 'all')))).toMatchObject({
      status: 'sent',
    });
  });

  it('leaves a list alone while another run holds its claim, and takes over a lapsed one', async () => {
    const { deps, model } = await seedBrief();
    // A run claimed the list and died before sending (or before recording the send).
    const held = await claimDelivery(
      deps.store,
      { edition, list: 'all', inputsHash: model.inputsHash, resend: false, now: deps.clock() },
      'crashed-run',
    );
    expect(held.claimed).toBe(true);
    const sender = new RecordingSender();
    const during = await deliverBrief(deliveryDeps(deps, { sender }), model);
    expect(during.lists[0]?.status).toBe('in-progress');
    expect(sender.calls).toBe(0);
    // Sixteen minutes later the lease (15 minutes) has run out: the list gets its e-mail.
    const later = new Date(deps.clock().getTime() + 16 * 60 * 1000);
    const after = await deliverBrief(deliveryDeps(deps, { sender, clock: () => later }), model);
    expect(after.lists[0]?.status).toBe('sent');
    expect(sender.sent).toHaveLength(1);
  });

  it('lets the next run send after a failed one, and a resend reclaim a sent list', async () => {
    const { deps, model } = await seedBrief();
    const down = () => new Error('connect ECONNREFUSED');
    const failing = new RecordingSender([down(), down(), down()]);
    const failed = await deliverBrief(deliveryDeps(deps, { sender: failing }), model);
    expect(failed.lists[0]?.status).toBe('failed');
    expect(json(await deps.store.get(deliveryClaimKey(edition, 'all')))).toMatchObject({
      status: 'failed',
    });
    const sender = new RecordingSender();
    expect((await deliverBrief(deliveryDeps(deps, { sender }), model)).lists[0]?.status).toBe(
      'sent',
    );
    const resent = await deliverBrief(deliveryDeps(deps, { sender }), model, { resend: true });
    expect(resent.lists[0]?.status).toBe('sent');
    expect(sender.sent).toHaveLength(2);
  });
});
