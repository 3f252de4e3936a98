import type { BriefModel, Renderers } from '../model/types';
import type { BriefLink } from '../render/text/plain-text';
import { publishedBriefKeys } from '../store/brief-manifest';
import { type BriefKeys, briefKeys, listBriefKey } from '../store/bucket-layout';
import { type AnnouncementStatus, announce } from './announce';
import { type ComposedMessage, composeMessage } from './compose-message';
import type { DeliveryConfig, DistributionList } from './delivery-config';
import type { DeliveryContext } from './delivery-context';
import { wasSent } from './delivery-records';
import { DeliveryError } from './errors';
import { filterBrief } from './filter-brief';
import type { MailSender, Publisher } from './mail-sender';
import { sendToList } from './send-to-list';

export interface DeliveryDeps extends DeliveryContext {
  renderers: Renderers;
  /** Who gets the brief; null sends no e-mail (the announcement may still go out). */
  config: DeliveryConfig | null;
  /** Sender address; overrides `config.from` (e.g. BRIEF_MAIL_FROM in Lambda). */
  from: string | null;
  /** Null composes without sending (locally, without SMTP). */
  sender: MailSender | null;
  publisher: Publisher | null;
  /** A link to an object of the store for people outside it (a pre-signed URL), or null. */
  linkTo: ((key: string) => Promise<BriefLink | null>) | null;
  /** Sees every composed message, sent or not (the CLI writes it as an .eml file). */
  onMessage?: (list: DistributionList, message: ComposedMessage) => Promise<void>;
}

export interface ListReport {
  list: string;
  /** `in-progress`: another run holds the list's claim and is sending it now. */
  status: 'sent' | 'already-sent' | 'in-progress' | 'composed' | 'failed';
  recipients: number;
  attempts: number;
  messageId?: string | null;
  error?: string;
}

export interface DeliveryReport {
  edition: string;
  lists: ListReport[];
  announcement: AnnouncementStatus;
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

/** A brief rendered for e-mail. */
interface RenderedBrief {
  html: string;
  pdf: Uint8Array;
}

/** What every list's message of one run shares. */
interface Run {
  model: BriefModel;
  from: string;
  /** The published build of the brief (its id and keys), or null when none is published. */
  published: { build: string; keys: BriefKeys } | null;
  /** The full brief in the store (the published build's HTML), linked from unfiltered messages. */
  link: BriefLink | null;
  /** The full brief's rendering, read (or made) once for all the lists that get it. */
  full: () => Promise<RenderedBrief>;
  resend: boolean;
}

/**
 * Delivers a compiled edition: one e-mail per distribution list, then the "brief published"
 * announcement. Only once: a list whose `deliveries/<edition>/<list>.json` exists is skipped
 * unless `resend`; before sending, a run claims the list with a conditional write
 * (`deliveries/<edition>/<list>.claim.json`), so two runs at once cannot both send it; the
 * record is written right after the send succeeds. The
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
  if (lists.length > 0) {
    // The published build of this very model (a later one may have been published since).
    const manifest = await publishedBriefKeys(deps.store, model.edition);
    const published = manifest?.inputsHash === model.inputsHash ? manifest : null;
    const keys = published?.keys ?? briefKeys(model.edition);
    const run: Run = {
      model,
      from: senderAddress(deps),
      published,
      // The build's own key: the page linked is the brief e-mailed, whatever is published later.
      link: deps.linkTo ? await deps.linkTo(keys.html) : null,
      full: once(() => storedBrief(deps, keys, model)),
      resend: options.resend === true,
    };
    for (const list of lists) {
      const { listReport, error } = await deliverToList(deps, run, list);
      report.lists.push(listReport);
      if (error) report.failures.push(error);
    }
  }
  const announced = await announce(deps, model, report.lists);
  report.announcement = announced.status;
  if (announced.error) report.failures.push(announced.error);
  return report;
}

/** The sender of every message; a run with lists to e-mail and no sender cannot start. */
function senderAddress(deps: DeliveryDeps): string {
  const from = deps.from ?? deps.config?.from ?? null;
  if (!from)
    throw new DeliveryError(
      'no sender address: set BRIEF_MAIL_FROM (or "from" in the recipients file) to an identity verified in SES',
      { permanent: true },
    );
  return from;
}

/**
 * One list: skipped when it already received the edition (composed anyway when someone
 * watches the messages), else composed and, when there is a sender, sent.
 */
async function deliverToList(
  deps: DeliveryDeps,
  run: Run,
  list: DistributionList,
): Promise<{ listReport: ListReport; error?: DeliveryError }> {
  const alreadySent =
    deps.sender !== null &&
    !run.resend &&
    (await wasSent(deps.store, run.model.edition, list.name));
  const unsent = (status: 'already-sent' | 'composed', recipients: number) => ({
    listReport: { list: list.name, status, recipients, attempts: 0 },
  });
  if (alreadySent && !deps.onMessage) return unsent('already-sent', 0);
  const message = await composeFor(deps, run, list);
  await deps.onMessage?.(list, message);
  const recipients = message.recipients.length;
  if (alreadySent) return unsent('already-sent', recipients);
  if (!deps.sender) return unsent('composed', recipients);
  const sent = await sendToList(deps, deps.sender, { ...run, list, message });
  const base = { list: list.name, recipients, attempts: sent.attempts };
  if (sent.status === 'sent')
    return { listReport: { ...base, status: 'sent', messageId: sent.messageId } };
  if (sent.status === 'failed')
    return {
      listReport: { ...base, status: 'failed', error: sent.error.message },
      error: sent.error,
    };
  return { listReport: { ...base, status: sent.status } };
}

/**
 * The list's message: its brief (filtered when the list has a filter), rendered and composed.
 * A filtered brief is also stored beside its build (`…/builds/<build>/lists/<list>.html`),
 * and the message links to it: a desk's link opens the desk's brief.
 */
async function composeFor(
  deps: DeliveryDeps,
  run: Run,
  list: DistributionList,
): Promise<ComposedMessage> {
  const brief = filterBrief(run.model, list);
  const rendered = brief === run.model ? await run.full() : await render(deps, brief);
  const link = brief === run.model ? run.link : await filteredLink(deps, run, list, rendered);
  return composeMessage({
    from: run.from,
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
}

/** Stores a list's filtered brief beside its build and links to it (null: no link at all). */
async function filteredLink(
  deps: DeliveryDeps,
  run: Run,
  list: DistributionList,
  rendered: RenderedBrief,
): Promise<BriefLink | null> {
  if (!deps.linkTo || !run.published) return null;
  const { edition } = run.model;
  const key = listBriefKey(edition, run.published.build, list.name, 'html');
  await deps.store.put(key, rendered.html, 'text/html; charset=utf-8');
  await deps.store.put(
    listBriefKey(edition, run.published.build, list.name, 'pdf'),
    rendered.pdf,
    'application/pdf',
  );
  return deps.linkTo(key);
}

/** The edition's HTML and PDF as compile stored them (its published build); rendered afresh only if missing. */
async function storedBrief(
  deps: DeliveryDeps,
  keys: BriefKeys,
  model: BriefModel,
): Promise<RenderedBrief> {
  const [html, pdf] = await Promise.all([deps.store.get(keys.html), deps.store.get(keys.pdf)]);
  if (html && pdf) return { html: new TextDecoder().decode(html), pdf };
  return render(deps, model);
}

async function render(deps: DeliveryDeps, model: BriefModel): Promise<RenderedBrief> {
  return { html: deps.renderers.html(model), pdf: await deps.renderers.pdf(model) };
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => {
    made ??= make();
    return made;
  };
}
