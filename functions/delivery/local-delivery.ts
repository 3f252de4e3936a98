import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BriefModel, Renderers } from '../model/types';
import type { Store } from '../store/store';
import { type DeliveryReport, deliverBrief } from './deliver';
import { configForAddresses, type DeliveryConfig, parseDeliveryConfig } from './delivery-config';
import { silentLogger } from './delivery-context';
import { sleep } from './retry';
import { SmtpMailSender } from './smtp-mail-sender';

export interface LocalDeliveryOptions {
  /** `--mail-to a@x,b@y`: one list, the full brief. */
  mailTo?: string;
  /** `--recipients FILE`: distribution lists (YAML/JSON), as in the bucket's recipients file. */
  recipientsFile?: string;
  from: string;
  /** Send through this SMTP server; without it the messages are only written. */
  smtpUrl?: string;
  resend?: boolean;
  /** Where `brief.html` is (linked from the message) and the `.eml` files are written. */
  outDir: string;
}

/**
 * The CLI's delivery: writes each list's message as `out/brief.eml` (one list) or
 * `out/brief-<list>.eml`, and sends it through SMTP when a URL is given, once per edition and
 * list as in Lambda (the record is in the local store). Returns the report and the files.
 */
export async function deliverLocally(
  context: { store: Store; renderers: Renderers; clock: () => Date },
  model: BriefModel,
  options: LocalDeliveryOptions,
): Promise<{ report: DeliveryReport; files: string[] }> {
  const config = await localConfig(options);
  const files: string[] = [];
  const sender = options.smtpUrl ? new SmtpMailSender(options.smtpUrl) : null;
  const single = config.lists.length === 1;
  const htmlUrl = pathToFileURL(join(options.outDir, 'brief.html')).href;
  try {
    const report = await deliverBrief(
      {
        ...context,
        config,
        from: options.from,
        sender,
        publisher: null,
        linkTo: async () => ({ url: htmlUrl, expires: null }),
        retry: { attempts: 2, backoffMs: 500, sleep },
        onMessage: async (list, message) => {
          const file = join(options.outDir, single ? 'brief.eml' : `brief-${list.name}.eml`);
          await writeFile(file, message.raw);
          files.push(file);
        },
        logger: silentLogger,
      },
      model,
      { resend: options.resend === true },
    );
    return { report, files };
  } finally {
    sender?.close();
  }
}

async function localConfig(options: LocalDeliveryOptions): Promise<DeliveryConfig> {
  const lists: DeliveryConfig['lists'] = [];
  if (options.recipientsFile) {
    const text = await readFile(options.recipientsFile, 'utf8');
    lists.push(...parseDeliveryConfig(text, options.recipientsFile).lists);
  }
  if (options.mailTo) {
    const to = options.mailTo.split(/[,;\s]+/).filter(Boolean);
    const [list] = configForAddresses(to).lists;
    if (list) lists.push(lists.some((l) => l.name === 'all') ? { ...list, name: 'mail-to' } : list);
  }
  return { from: options.from, replyTo: null, lists };
}
