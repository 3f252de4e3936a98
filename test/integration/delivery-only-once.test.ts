import { readdirSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DeliverStep } from '../../functions/delivery/deliver';
import { deliverBrief } from '../../functions/delivery/deliver';
import { DeliveryError } from '../../functions/delivery/errors';
import type { Publisher } from '../../functions/delivery/mail-sender';
import { makeCompileHandler } from '../../functions/handlers/compile';
import { ingest } from '../../functions/pipeline/ingest';
import type { PipelineDeps } from '../../functions/pipeline/pipeline-deps';
import { deliveryFailureKey, deliveryKey } from '../../functions/store/bucket-layout';
import type { FsStore } from '../../functions/store/fs-store';
import { tempFsStore, testDeps } from '../helpers/pipeline';
import { deliveryDeps, edition, RecordingSender } from '../unit/delivery-helpers';

const daily = { schedule: 'daily' as const, time: '2026-11-23T05:00:00Z' };
const json = async (store: FsStore, key: string) =>
  JSON.parse(new TextDecoder().decode((await store.get(key)) ?? new Uint8Array()));

describe('delivery after compile happens once per edition and list (filesystem store)', () => {
  let store: FsStore;
  let deps: PipelineDeps;

  beforeEach(async () => {
    store = tempFsStore();
    deps = testDeps(store, new Date('2026-11-23T05:00:30Z'));
    for (const name of readdirSync('test/fixtures/seeds').slice(0, 3)) {
      await store.put(`incoming/${name}`, readFileSync(`test/fixtures/seeds/${name}`));
      await ingest(deps, `incoming/${name}`, {
        receivedAt: new Date(`${edition}T09:00:00Z`),
        edition,
      });
    }
  });

  const handlerWith = (sender: RecordingSender) => {
    const step: DeliverStep = (model, options) =>
      deliverBrief(deliveryDeps(deps, { sender }), model, options);
    return makeCompileHandler(deps, step);
  };

  it('e-mails the daily build once, records it, and skips the re-run', async () => {
    const sender = new RecordingSender();
    const handler = handlerWith(sender);
    const first = await handler(daily);
    expect(first.status).toBe('built');
    expect(first.delivery?.lists).toEqual([
      expect.objectContaining({ list: 'all', status: 'sent', attempts: 1 }),
    ]);
    expect(sender.sent).toHaveLength(1);
    const record = await json(store, deliveryKey(edition, 'all'));
    expect(record).toMatchObject({ edition, list: 'all', status: 'sent', via: 'recording' });
    expect(record.recipients).toEqual(['staff@example.org']);

    const again = await handler(daily);
    expect(again.status).toBe('unchanged');
    expect(again.delivery?.lists[0]?.status).toBe('already-sent');
    // Even a forced rebuild does not e-mail staff a second time.
    await handler({ ...daily, force: true });
    expect(sender.sent).toHaveLength(1);
  });

  it('sends again only when asked to resend', async () => {
    const sender = new RecordingSender();
    const handler = handlerWith(sender);
    await handler(daily);
    const resent = await handler({ edition, resend: true });
    expect(resent.delivery?.lists[0]?.status).toBe('sent');
    expect(sender.sent).toHaveLength(2);
    expect(await json(store, deliveryKey(edition, 'all'))).toMatchObject({ resent: true });
  });

  it('does not e-mail on a manual rebuild or a draft unless asked', async () => {
    const sender = new RecordingSender();
    const handler = handlerWith(sender);
    expect((await handler({ edition })).delivery?.lists).toEqual([]);
    expect((await handler({ edition, schedule: 'draft' })).delivery).toBeUndefined();
    expect(sender.calls).toBe(0);
    expect(await store.head(deliveryKey(edition, 'all'))).toBeNull();
    const asked = await handler({ edition, deliver: true });
    expect(asked.delivery?.lists[0]?.status).toBe('sent');
  });

  it('announces each distinct brief once, whether a manual or a daily build made it', async () => {
    const announced: string[] = [];
    const publisher: Publisher = {
      publish: async ({ message }) => {
        announced.push(JSON.parse(message).edition);
        return { messageId: `${announced.length}` };
      },
    };
    const step: DeliverStep = (model, options) =>
      deliverBrief(deliveryDeps(deps, { publisher }), model, options);
    const handler = makeCompileHandler(deps, step);
    expect((await handler({ edition })).delivery?.announcement).toBe('published');
    expect((await handler(daily)).delivery?.announcement).toBe('already-published');
    expect(announced).toEqual([edition]);
    // A new article changes the brief: the next build is announced again.
    const name = readdirSync('test/fixtures/seeds')[3] as string;
    await store.put(`incoming/${name}`, readFileSync(`test/fixtures/seeds/${name}`));
    await ingest(deps, `incoming/${name}`, {
      receivedAt: new Date(`${edition}T10:00:00Z`),
      edition,
    });
    expect((await handler({ edition })).delivery?.announcement).toBe('published');
    expect(announced).toEqual([edition, edition]);
  });

  it('retries a transient failure and records the attempts', async () => {
    const sender = new RecordingSender([new Error('ECONNRESET'), new Error('ETIMEDOUT')]);
    const summary = await handlerWith(sender)(daily);
    expect(summary.delivery?.lists[0]).toMatchObject({ status: 'sent', attempts: 3 });
    expect(sender.calls).toBe(3);
    expect(await json(store, deliveryKey(edition, 'all'))).toMatchObject({ attempts: 3 });
  });

  it('records a failure after bounded retries, fails the run, and delivers on the next run', async () => {
    const down = () => new Error('connect ECONNREFUSED 10.0.0.1:443');
    const sender = new RecordingSender([down(), down(), down()]);
    const handler = handlerWith(sender);
    const failed = handler(daily);
    await expect(failed).rejects.toThrow(DeliveryError);
    await expect(failed).rejects.toThrow(
      /delivery of 2026-11-22 failed for lists all: .*ECONNREFUSED/,
    );
    expect(sender.calls).toBe(3);
    expect(await store.head(deliveryKey(edition, 'all'))).toBeNull();
    const failure = await json(store, deliveryFailureKey(edition, 'all'));
    expect(failure).toMatchObject({ edition, list: 'all', status: 'failed', attempts: 3 });
    expect(failure.error).toMatch(/ECONNREFUSED/);
    // The brief itself was stored before delivery failed; Lambda's retry finds it unchanged.
    expect(await store.head(`briefs/${edition}/brief.pdf`)).not.toBeNull();
    const retried = await handler(daily);
    expect(retried.status).toBe('unchanged');
    expect(retried.delivery?.lists[0]?.status).toBe('sent');
    expect(sender.sent).toHaveLength(1);
  });

  it('does not retry a permanent failure', async () => {
    const rejected = new DeliveryError('address rejected', { permanent: true });
    const sender = new RecordingSender([rejected]);
    await expect(handlerWith(sender)(daily)).rejects.toThrow(/address rejected/);
    expect(sender.calls).toBe(1);
    expect(await json(store, deliveryFailureKey(edition, 'all'))).toMatchObject({
      permanent: true,
      attempts: 1,
    });
  });

  it('keeps going with the other lists when one fails', async () => {
    const sender = new RecordingSender([
      new DeliveryError('mailbox unavailable', { permanent: true }),
    ]);
    const lists = ['first', 'second'].map((name) => ({
      name,
      label: null,
      to: [`${name}@example.org`],
      cc: [],
      bcc: [],
      actors: [],
      themes: [],
      mode: 'full' as const,
    }));
    const step: DeliverStep = (model, options) =>
      deliverBrief(
        deliveryDeps(deps, { sender, config: { from: 'brief@example.org', replyTo: null, lists } }),
        model,
        options,
      );
    await expect(makeCompileHandler(deps, step)(daily)).rejects.toThrow(/lists first:/);
    expect(sender.sent.map((m) => m.to)).toEqual([['second@example.org']]);
    expect(await store.head(deliveryKey(edition, 'second'))).not.toBeNull();
    expect(await store.head(deliveryKey(edition, 'first'))).toBeNull();
  });
});
