import type { BriefModel } from '../model/types';
import type { BriefLink } from '../render/text/plain-text';
import { type BriefFormat, briefKeys } from '../store/bucket-layout';
import type { DeliveryContext } from './delivery-context';
import { recordAnnounced, recordAnnouncementFailure, wasAnnounced } from './delivery-records';
import type { DeliveryError } from './errors';
import type { Publisher } from './mail-sender';
import { withRetries } from './retry';

export interface AnnounceContext extends DeliveryContext {
  /** Null: there is no topic, nothing is announced. */
  publisher: Publisher | null;
  linkTo: ((key: string) => Promise<BriefLink | null>) | null;
}

export type AnnouncementStatus = 'published' | 'already-published' | 'not-configured' | 'failed';

/** How each list fared, as the announcement reports it. */
export interface ListStatus {
  list: string;
  status: string;
}

/**
 * The "brief published" announcement, once per distinct brief of an edition (its inputs
 * hash): the keys of the brief, links to them, its key developments and how each list fared.
 * A publish that fails after its retries is logged and recorded, and its error returned.
 */
export async function announce(
  context: AnnounceContext,
  model: BriefModel,
  delivered: ListStatus[],
): Promise<{ status: AnnouncementStatus; error?: DeliveryError }> {
  const { publisher, store, logger } = context;
  if (!publisher) return { status: 'not-configured' };
  if (await wasAnnounced(store, model)) return { status: 'already-published' };
  const message = announcementOf(model, await briefLinks(context, model.edition), delivered);
  const result = await withRetries(context.retry, () =>
    publisher.publish({
      subject: `Brief published: ${model.edition}`,
      message,
      attributes: { edition: model.edition, type: 'brief.published' },
    }),
  );
  if (!result.ok) {
    logger.error(`announcing ${model.edition} failed`, {
      edition: model.edition,
      attempts: result.attempts,
      error: result.error.message,
    });
    await recordAnnouncementFailure(store, {
      edition: model.edition,
      at: context.clock().toISOString(),
      attempts: result.attempts,
      error: result.error.message,
    });
    return { status: 'failed', error: result.error };
  }
  const { messageId } = result.value;
  await recordAnnounced(store, model, {
    edition: model.edition,
    at: context.clock().toISOString(),
    messageId,
  });
  logger.info(`announced ${model.edition}`, { edition: model.edition, messageId });
  return { status: 'published' };
}

interface BriefLinks {
  links: Record<BriefFormat, string | null>;
  /** When the links stop working (the last one made that says so), or null. */
  expires: string | null;
}

/** A link to each format of the edition's brief, when the context can make links. */
async function briefLinks(context: AnnounceContext, edition: string): Promise<BriefLinks> {
  const keys = briefKeys(edition);
  const links: Partial<Record<BriefFormat, string | null>> = {};
  let expires: string | null = null;
  for (const format of ['html', 'pdf', 'json'] as const) {
    const link = context.linkTo ? await context.linkTo(keys[format]) : null;
    links[format] = link?.url ?? null;
    expires = link?.expires?.toISOString() ?? expires;
  }
  return { links: links as BriefLinks['links'], expires };
}

/** The message body: `{"type":"brief.published", …}` (README "Delivery"). */
function announcementOf(model: BriefModel, links: BriefLinks, delivered: ListStatus[]): string {
  const keys = briefKeys(model.edition);
  return JSON.stringify({
    type: 'brief.published',
    edition: model.edition,
    title: model.title,
    generatedAt: model.generatedAt,
    articles: model.stats.articles,
    highlights: model.highlights.map((h) => ({ number: h.number, headline: h.headline })),
    keys: { html: keys.html, pdf: keys.pdf, json: keys.json },
    links: links.links,
    linksExpire: links.expires,
    delivered: delivered.map(({ list, status }) => ({ list, status })),
  });
}
