import type { ArticleRecord, Provenance } from '../model/types';
import { type Dateline, extractDateline } from './dateline';
import { resolvePublishedDate } from './published-date';
import type { Found, RawArticle } from './raw-article';

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

/**
 * Applies the rules every format shares: the dateline is taken off the body, the source comes
 * from the upload's own metadata, else the agency credit, else the URL's host; the title from
 * the upload, else the URL slug, else the lead sentence.
 */
export function resolveMetadata(raw: RawArticle, context: MetadataContext): ArticleMetadata {
  const { dateline, paragraphs } = extractDateline(raw.paragraphs, context.isKnownPlace);
  const url = raw.url && isHttpUrl(raw.url.value) ? raw.url : null;
  const source =
    raw.source ??
    dateline?.credit ??
    outletFromUrl(url?.value ?? null, context) ??
    raw.fallbackSource ??
    null;
  const title = raw.title ?? titleFromUrl(url?.value ?? null) ?? titleFromLead(paragraphs);
  const evidence = {
    declared: raw.published,
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
  if (dateline) provenance.dateline = 'lead';
  return {
    title: title?.value ?? 'Untitled article',
    source: source?.value.trim() || null,
    url: url?.value ?? null,
    published: published?.value ?? null,
    publishedInferred: published?.inferred ?? false,
    dateline: dateline ? describeDateline(dateline) : null,
    byline: raw.byline?.value ?? null,
    paragraphs,
    provenance,
  };
}

function describeDateline(dateline: Dateline): string {
  return [dateline.place, dateline.dayText].filter(Boolean).join(', ');
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

function titleFromLead(paragraphs: string[]): Found | null {
  const lead = paragraphs[0];
  if (!lead) return null;
  // The first sentence with a word in it: a lead may open with a stray "." or "…".
  const sentence = lead.split(/(?<=[.!?])\s+/).find((part) => /[\p{L}\p{N}]/u.test(part));
  if (!sentence) return null;
  const words = sentence.split(/\s+/);
  const value =
    words.length > 14 ? `${words.slice(0, 14).join(' ')}…` : sentence.replace(/[.]$/, '');
  return { value, from: 'lead-sentence' };
}
