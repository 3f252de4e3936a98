import type { ArticleRecord, Provenance } from '../model/types';
import { type Dateline, extractDateline } from './dateline';
import { outletNames } from './outlet-names';
import { resolvePublishedDate } from './published-date';
import type { Found, RawArticle } from './raw-article';
import { closingCredit, dropFurniture, reportingOutlet } from './text-credit';
import { cleanTitle, isNoTitle, titleFromLead } from './title';

export interface MetadataContext {
  receivedAt: Date;
  /** True for names of places (capitals, countries) so "Washington:" reads as a dateline. */
  isKnownPlace: (name: string) => boolean;
  /** Outlet names by host (`forbes.com` → `Forbes`). */
  outletsByHost: ReadonlyMap<string, string>;
}

/** The record's metadata fields, and the body with the dateline taken off. */
export type ArticleMetadata = Pick<
  ArticleRecord,
  | 'title'
  | 'source'
  | 'url'
  | 'published'
  | 'publishedInferred'
  | 'dateline'
  | 'byline'
  | 'provenance'
> & { paragraphs: string[] };

/** Where a source found in the text ranks, after the upload's own metadata and the URL. */
const creditRank = ['byline-credit', 'credit-line', 'closing-credit', 'page-header'];

/**
 * Applies the rules every format shares: furniture (captions, link lists, prompts…) is taken
 * out of the body and the dateline off it; the source comes from the upload's own metadata,
 * else the dateline's agency credit, else the URL's host, else the outlet the text credits
 * (a byline or a line naming an agency, a closing credit, the site's header), else an e-mail
 * sender's organisation, else the outlet the text says it reports from, else a caption's
 * credit; the title from the upload if it is a title (not a date, a handle, a site or section
 * name, a caption), else the URL slug, else the lead sentence.
 */
export function resolveMetadata(raw: RawArticle, context: MetadataContext): ArticleMetadata {
  const outlets = outletNames(context.outletsByHost);
  const cleaned = dropFurniture(raw.paragraphs, outlets);
  const { dateline, paragraphs: afterDateline } = extractDateline(
    cleaned.paragraphs,
    context.isKnownPlace,
    outlets,
  );
  const closing = closingCredit(afterDateline, outlets);
  const paragraphs = closing.paragraphs;
  const url = raw.url && isHttpUrl(raw.url.value) ? raw.url : null;
  const credits = [...(raw.credits ?? []), ...cleaned.credits];
  if (closing.credit) credits.push(closing.credit);
  const creditFrom = (...kinds: string[]) =>
    kinds.map((kind) => credits.find((credit) => credit.from === kind)).find(Boolean) ?? null;
  const source =
    raw.source ??
    dateline?.credit ??
    outletFromUrl(url?.value ?? null, context) ??
    creditFrom(...creditRank) ??
    raw.fallbackSource ??
    reportingOutlet(paragraphs, outlets) ??
    creditFrom('caption-credit') ??
    null;
  const declaredTitle = raw.title
    ? { value: cleanTitle(raw.title.value, outlets), from: raw.title.from }
    : null;
  const title =
    (declaredTitle && !isNoTitle(declaredTitle.value, outlets) ? declaredTitle : null) ??
    titleFromUrl(url?.value ?? null) ??
    titleFromLead(paragraphs);
  const evidence = {
    declared: raw.published,
    dateLines: raw.dates ?? [],
    url: url?.value ?? null,
    datelineDay: dateline?.dayText ?? null,
    paragraphs,
    receivedAt: context.receivedAt,
  };
  const published =
    resolvePublishedDate(evidence) ??
    resolvePublishedDate({ ...evidence, declared: raw.fallbackPublished ?? null });
  const provenance: Provenance = {};
  const note = (field: keyof Provenance, found: Found | null | undefined) => {
    if (found) provenance[field] = found.from;
  };
  note('title', title);
  note('source', source);
  note('url', url);
  note('published', published);
  note('byline', raw.byline);
  const describedDateline = dateline ? describeDateline(dateline) : null;
  if (describedDateline) provenance.dateline = 'lead';
  return {
    title: title?.value ?? 'Untitled article',
    source: source?.value.trim() || null,
    url: url?.value ?? null,
    published: published?.value ?? null,
    publishedInferred: published?.inferred ?? false,
    dateline: describedDateline,
    byline: raw.byline?.value ?? null,
    paragraphs,
    provenance,
  };
}

/** "LONDON, August 30"; null for a credit with neither place nor day ("(Reuters) -"). */
function describeDateline(dateline: Dateline): string | null {
  return [dateline.place, dateline.dayText].filter(Boolean).join(', ') || null;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function outletFromUrl(url: string | null, context: MetadataContext): Found | null {
  if (!url) return null;
  let host = new URL(url).hostname.toLowerCase();
  while (host.includes('.')) {
    const outlet = context.outletsByHost.get(host);
    if (outlet) return { value: outlet, from: 'url-host' };
    host = host.slice(host.indexOf('.') + 1);
  }
  return null;
}

/** `/2021/08/16/china-and-russia-court-taliban/?sh=1` → "China And Russia Court Taliban". */
function titleFromUrl(url: string | null): Found | null {
  if (!url) return null;
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  const slug = [...segments]
    .reverse()
    .map((segment) => decodePathSegment(segment).replace(/\.(s?html?|php|aspx?)$/i, ''))
    .find((segment) => segment.split(/[-_]/).filter((word) => /\p{L}/u.test(word)).length >= 3);
  if (!slug) return null;
  const words = slug
    .split(/[-_]+/)
    .filter((word) => word && !/^\d+$/.test(word) && !/^[0-9a-f]{8,}$/i.test(word));
  const title = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
  return { value: title, from: 'url-slug' };
}

/** A malformed escape such as `%zz` is kept as written rather than throwing `URIError`. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
