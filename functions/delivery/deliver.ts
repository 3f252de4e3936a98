import type { BriefModel, Renderers } from '../model/types';
import type { BriefLink } from '../render/text/plain-text';
import {
  announcementFailureKey,
  announcementKey,
  briefKey,
  deliveryFailureKey,
  deliveryKey,
} from '../store/bucket-layout';
import type { Store } from '../store/store';
import { type ComposedMessage, composeMessage } from './compose-message';
import type { DeliveryConfig, DistributionList } from './delivery-config';
import { DeliveryError } from './errors';
import { filterBrief } from './filter-brief';
import type { MailSender, Publisher } from './mail-sender';

/** Bounded retries of one send or publish, within one run. */
export interface RetryPolicy {
  attempts: number;
  /** Wait before attempt n+1 is `backoffMs * 4^(n-1)`. */
  backoffMs: number;
  sleep: (ms: number) => Promise<void>;
}

export interface DeliveryDeps {
  store: Store;
  renderers: Renderers;
  clock: () => Date;
  /** Who gets the brief; null sends no e-mail (the announcement may still go out). */
  config: DeliveryConfig | null;
  /** Sender address; overrides `config.from` (e.g. BRIEF_MAIL_FROM in Lambda). */
  from: string | null;
  /** Null composes without sending (locally, without SMTP). */
  sender: MailSender | null;
  publisher: Publisher | null;
  /** A link to an object of the store for people outside it (a pre-signed URL), or null. */
  linkTo: ((key: string) => Promise<BriefLink | null>) | null;
  retry: RetryPolicy;
  /** Sees every composed message, sent or not (the CLI writes it as an .eml file). */
  onMessage?: (list: DistributionList, message: ComposedMessage) => Promise<void>;
  log: (
    level: 'info' | 'warn' | 'error',
    message: string,
    fields?: Record<string, unknown>,
  ) => void;
}

export interface ListReport {
  list: string;
  status: 'sent' | 'already-sent' | 'composed' | 'failed';
  recipients: number;
  attempts: number;
  messageId?: string | null;
  error?: string;
}

export interface DeliveryReport {
  edition: string;
  lists: ListReport[];
  announcement: 'published' | 'already-published' | 'not-configured' | 'failed';
  /** Every failure of this run, each already logged and recorded in the store. */
  failures: DeliveryError[];
}

export interface DeliverOptions {
  /** Send again even to lists that already received this edition. */
  resend?: boolean;
  /** False: only the announcement, no e-mail (a manual rebuild). Default true. */
  mail?: boolean;
}

/** The delivery step a compile runs: e-mail the lists and announce the brief. */
export type DeliverStep = (model: BriefModel, options?: DeliverOptions) => Promise<DeliveryReport>;

/**
 * Delivers a compiled edition: one e-mail per distribution list, then the "brief published"
 * announcement. Only once: a list whose `deliveries/<edition>/<list>.json` exists is skipped
 * unless `resend`; the record is written (conditionally) right after the send succeeds. The
 * announcement is made once per distinct brief (its inputs hash). A failed send is retried
 * `retry.attempts` times unless the failure is permanent; then it is logged, recorded in
 * `deliveries/<edition>/<list>.failed.json` and returned in `failures` (the caller decides
 * whether the run fails). Lists are independent: one failing does not stop the others.
 */
export async function deliverBrief(
  deps: DeliveryDeps,
  model: BriefModel,
  options: DeliverOptions = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = {
    edition: model.edition,
    lists: [],
    announcement: 'not-configured',
    failures: [],
  };
  const lists = options.mail === false ? [] : (deps.config?.lists ?? []);
  const from = deps.from ?? deps.config?.from ?? null;
  if (lists.length > 0 && !from)
    throw new DeliveryError(
      'no sender address: set BRIEF_MAIL_FROM (or "from" in the recipients file) to an identity verified in SES',
      { permanent: true },
    );
  const link =
    lists.length > 0 && deps.linkTo ? await deps.linkTo(briefKey(model.edition, 'html')) : null;
  let full: { html: string; pdf: Uint8Array } | undefined;
  for (const list of lists) {
    const key = deliveryKey(model.edition, list.name);
    const alreadySent = deps.sender && !options.resend && (await deps.store.head(key)) !== null;
    if (alreadySent && !deps.onMessage) {
      report.lists.push({ list: list.name, status: 'already-sent', recipients: 0, attempts: 0 });
      continue;
    }
    const brief = filterBrief(model, list);
    if (brief === model && !full) full = await renderedBrief(deps, model);
    const rendered = brief === model && full ? full : await render(deps, brief);
    const message = await composeMessage({
      from: from as string,
      replyTo: deps.config?.replyTo,
      to: list.to,
      cc: list.cc,
      bcc: list.bcc,
      model: brief,
      html: rendered.html,
      pdf: rendered.pdf,
      link,
      date: deps.clock(),
    });
    await deps.onMessage?.(list, message);
    if (alreadySent) {
      report.lists.push({
        list: list.name,
        status: 'already-sent',
        recipients: message.recipients.length,
        attempts: 0,
      });
      continue;
    }
    if (!deps.sender) {
      report.lists.push({
        list: list.name,
        status: 'composed',
        recipients: message.recipients.length,
        attempts: 0,
      });
      continue;
    }
    const sent = await sendToList(deps, deps.sender, model, list, message, from as string, options);
    report.lists.push(sent.report);
    if (sent.error) report.failures.push(sent.error);
  }
  report.announcement = await announce(deps, model, report);
  return report;
}

async function sendToList(
  deps: DeliveryDeps,
  sender: MailSender,
  model: BriefModel,
  list: DistributionList,
  message: ComposedMessage,
  from: string,
  options: DeliverOptions,
): Promise<{ report: ListReport; error?: DeliveryError }> {
  const outgoing = { raw: message.raw, from, to: list.to, cc: list.cc, bcc: list.bcc };
  const result = await withRetries(deps.retry, () => sender.send(outgoing));
  const base = {
    list: list.name,
    recipients: message.recipients.length,
    attempts: result.attempts,
  };
  const at = deps.clock().toISOString();
  if (!result.ok) {
    deps.log('error', `delivery of ${model.edition} to list ${list.name} failed`, {
      edition: model.edition,
      list: list.name,
      attempts: result.attempts,
      permanent: result.error.permanent,
      error: result.error.message,
    });
    await deps.store.put(
      deliveryFailureKey(model.edition, list.name),
      JSON.stringify(
        {
          edition: model.edition,
          list: list.name,
          status: 'failed',
          at,
          via: sender.kind,
          attempts: result.attempts,
          permanent: result.error.permanent,
          error: result.error.message,
          subject: message.subject,
          recipients: message.recipients.length,
        },
        null,
        2,
      ),
      'application/json',
    );
    return {
      report: { ...base, status: 'failed', error: result.error.message },
      error: result.error,
    };
  }
  const record = JSON.stringify(
    {
      edition: model.edition,
      list: list.name,
      status: 'sent',
      at,
      via: sender.kind,
      messageId: result.value.messageId,
      attempts: result.attempts,
      subject: message.subject,
      recipients: message.recipients,
      inputsHash: model.inputsHash,
      resent: options.resend === true,
    },
    null,
    2,
  );
  const key = deliveryKey(model.edition, list.name);
  if (options.resend) await deps.store.put(key, record, 'application/json');
  else if (!(await deps.store.putIfAbsent(key, record, 'application/json')))
    deps.log('warn', `list ${list.name} was also sent ${model.edition} by a concurrent run`, {
      edition: model.edition,
      list: list.name,
    });
  deps.log('info', `delivered ${model.edition} to list ${list.name}`, {
    edition: model.edition,
    list: list.name,
    recipients: message.recipients.length,
    messageId: result.value.messageId,
    attempts: result.attempts,
  });
  return { report: { ...base, status: 'sent', messageId: result.value.messageId } };
}

/** The "brief published" announcement, once per distinct brief of an edition. */
async function announce(
  deps: DeliveryDeps,
  model: BriefModel,
  report: DeliveryReport,
): Promise<DeliveryReport['announcement']> {
  if (!deps.publisher) return 'not-configured';
  const key = announcementKey(model.edition, model.inputsHash);
  if (await deps.store.head(key)) return 'already-published';
  const links: Record<string, string | null> = {};
  let expires: string | null = null;
  for (const kind of ['html', 'pdf', 'json'] as const) {
    const link = deps.linkTo ? await deps.linkTo(briefKey(model.edition, kind)) : null;
    links[kind] = link?.url ?? null;
    expires = link?.expires?.toISOString() ?? expires;
  }
  const message = JSON.stringify({
    type: 'brief.published',
    edition: model.edition,
    title: model.title,
    generatedAt: model.generatedAt,
    articles: model.stats.articles,
    highlights: model.highlights.map((h) => ({ number: h.number, headline: h.headline })),
    keys: {
      html: briefKey(model.edition, 'html'),
      pdf: briefKey(model.edition, 'pdf'),
      json: briefKey(model.edition, 'json'),
    },
    links,
    linksExpire: expires,
    delivered: report.lists.map(({ list, status }) => ({ list, status })),
  });
  const result = await withRetries(deps.retry, () =>
    (deps.publisher as Publisher).publish({
      subject: `Brief published: ${model.edition}`,
      message,
      attributes: { edition: model.edition, type: 'brief.published' },
    }),
  );
  if (!result.ok) {
    deps.log('error', `announcing ${model.edition} failed`, {
      edition: model.edition,
      attempts: result.attempts,
      error: result.error.message,
    });
    await deps.store.put(
      announcementFailureKey(model.edition),
      JSON.stringify(
        {
          edition: model.edition,
          at: deps.clock().toISOString(),
          attempts: result.attempts,
          error: result.error.message,
        },
        null,
        2,
      ),
      'application/json',
    );
    report.failures.push(result.error);
    return 'failed';
  }
  await deps.store.putIfAbsent(
    key,
    JSON.stringify({
      edition: model.edition,
      at: deps.clock().toISOString(),
      messageId: result.value.messageId,
    }),
    'application/json',
  );
  deps.log('info', `announced ${model.edition}`, {
    edition: model.edition,
    messageId: result.value.messageId,
  });
  return 'published';
}

type Attempted<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; error: DeliveryError; attempts: number };

async function withRetries<T>(
  policy: RetryPolicy,
  action: () => Promise<T>,
): Promise<Attempted<T>> {
  let attempts = 0;
  for (;;) {
    attempts += 1;
    try {
      return { ok: true, value: await action(), attempts };
    } catch (err) {
      const error =
        err instanceof DeliveryError
          ? err
          : new DeliveryError(err instanceof Error ? err.message : String(err), { cause: err });
      if (error.permanent || attempts >= policy.attempts) return { ok: false, error, attempts };
      await policy.sleep(policy.backoffMs * 4 ** (attempts - 1));
    }
  }
}

/** The edition's HTML and PDF as compile stored them; rendered afresh only if missing. */
async function renderedBrief(deps: DeliveryDeps, model: BriefModel) {
  const [html, pdf] = await Promise.all([
    deps.store.get(briefKey(model.edition, 'html')),
    deps.store.get(briefKey(model.edition, 'pdf')),
  ]);
  if (html && pdf) return { html: new TextDecoder().decode(html), pdf };
  return render(deps, model);
}

async function render(deps: DeliveryDeps, model: BriefModel) {
  return { html: deps.renderers.html(model), pdf: await deps.renderers.pdf(model) };
}
