import { readdirSync, readFileSync } from 'node:fs';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { DeliveryDeps } from '../../functions/delivery/deliver';
import type { MailSender, OutgoingMessage } from '../../functions/delivery/mail-sender';
import type { BriefModel } from '../../functions/model/types';
import { compile } from '../../functions/pipeline/compile';
import { ingest } from '../../functions/pipeline/ingest';
import type { PipelineDeps } from '../../functions/pipeline/pipeline-deps';
import { uploadKey } from '../../functions/store/bucket-layout';
import type { FsStore } from '../../functions/store/fs-store';
import { tempFsStore, testDeps } from '../helpers/pipeline';

export const edition = '2026-11-22';

/** The five seed articles ingested and compiled into a fresh store: a real brief. */
export async function seedBrief(): Promise<{
  store: FsStore;
  deps: PipelineDeps;
  model: BriefModel;
}> {
  const store = tempFsStore();
  const deps = testDeps(store);
  for (const name of readdirSync('test/fixtures/seeds')) {
    const key = uploadKey(name);
    await store.put(key, readFileSync(`test/fixtures/seeds/${name}`));
    await ingest(deps, key, { receivedAt: new Date(`${edition}T06:00:00Z`), edition });
  }
  const { model } = await compile(deps, edition);
  return { store, deps, model };
}

/** A MailSender that keeps what it is given, failing first with the errors it is handed. */
export class RecordingSender implements MailSender {
  readonly kind = 'recording';
  readonly sent: OutgoingMessage[] = [];
  calls = 0;

  constructor(private readonly failures: Error[] = []) {}

  async send(message: OutgoingMessage) {
    this.calls += 1;
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push(message);
    return { messageId: `<${this.sent.length}@test>` };
  }

  parsed(index = 0): Promise<ParsedMail> {
    return simpleParser((this.sent[index] as OutgoingMessage).raw);
  }
}

/** One list, "all", sending the full brief to staff@example.org (and to `bcc`). */
export function staffConfig(bcc: string[] = []): DeliveryDeps['config'] {
  return {
    from: 'Daily Brief <brief@example.org>',
    replyTo: null,
    lists: [
      {
        name: 'all',
        label: null,
        to: ['staff@example.org'],
        cc: [],
        bcc,
        actors: [],
        themes: [],
        mode: 'full',
      },
    ],
  };
}

/** Delivery deps over a pipeline, with a recording sender, no waits and a silent log. */
export function deliveryDeps(
  pipeline: PipelineDeps,
  overrides: Partial<DeliveryDeps> = {},
): DeliveryDeps & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  return {
    store: pipeline.store,
    renderers: pipeline.renderers,
    clock: pipeline.clock,
    config: staffConfig(),
    from: null,
    sender: new RecordingSender(),
    publisher: null,
    linkTo: async (key) => ({
      url: `https://bucket.example/${key}?X-Amz-Signature=abc&x=1`,
      expires: new Date('2026-11-23T07:30:00Z'),
    }),
    retry: { attempts: 3, backoffMs: 1, sleep: async () => {} },
    logger: {
      info: (message) => lines.push({ level: 'info', message }),
      warn: (message) => lines.push({ level: 'warn', message }),
      error: (message) => lines.push({ level: 'error', message }),
    },
    lines,
    ...overrides,
  };
}
