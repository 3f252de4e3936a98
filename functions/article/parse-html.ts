import { parseHTML } from 'linkedom';
import { cleanByline } from './byline';
import { extractBody } from './extract-body';
import { checkMarkupSize, checkTree, readableInTime, type TreeNode } from './limits';
import { emptyRawArticle, type Found, type RawArticle } from './raw-article';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = ReturnType<Doc['querySelector']> & {};

const nonTextSelector = 'script, style, noscript, template, iframe, svg, object, embed, canvas';
const blockSelector = 'p, li, blockquote, pre, h2, h3, h4, h5, h6, td';

/**
 * Parses a saved web page: metadata from JSON-LD, Open Graph and meta tags, `<time>`,
 * `<link rel=canonical>`; the body by `extractBody` (Readability over linkedom, with
 * boilerplate removed before and after). A page with too many elements is rejected before it
 * is parsed, one nested too deep before anything walks its tree (`limits.ts`); `key` names
 * the upload in those reasons.
 */
export function parseHtml(html: string, key = 'the page'): RawArticle {
  const raw = emptyRawArticle();
  checkMarkupSize(html, key);
  const { document } = parseHTML(withDocumentShell(html));
  const size = checkTree(document.documentElement as unknown as TreeNode, key);
  readMetadata(document, raw);
  const body = extractBody(document, { thorough: readableInTime(size) });
  raw.paragraphs = body.paragraphs;
  const byline = cleanByline(body.byline);
  if (byline && !raw.byline) raw.byline = { value: byline, from: 'readability' };
  return raw;
}

/**
 * Unlike a browser, linkedom does not build the `<html>`, `<head>` and `<body>` a page omits or
 * misplaces: a fragment (`<p>…</p>`) gets no document element, content after `</head>` lands
 * outside an empty body, and a stray `<html>` (even inside a script) can leave no document
 * element at all. So every page is put back into one clean shell, keeping its head and `lang`.
 */
function withDocumentShell(html: string): string {
  // Tags are matched up to 2,000 characters long and the head's end is looked for once, so a
  // page of unclosed "<head" or "<html" costs one pass, not one pass per tag.
  const lang = /<html(?=[\s>/])[^>]{0,2000}?\slang\s*=\s*["']?([\w-]+)/i.exec(html)?.[1];
  const head = headOf(html);
  const rest = head ? html.slice(0, head.start) + html.slice(head.end) : html;
  const strip = (markup: string) =>
    markup.replace(/<!doctype[^>]{0,2000}>|<\/?(?:html|head|body)(?=[\s>/])[^>]{0,2000}>/gi, '');
  const open = lang ? `<html lang="${lang}">` : '<html>';
  return `<!doctype html>${open}<head>${strip(head?.inner ?? '')}</head><body>${strip(rest)}</body></html>`;
}

/** The page's first `<head>` element up to the first `</head>` after it, or null. */
function headOf(html: string): { start: number; end: number; inner: string } | null {
  const open = /<head(?=[\s>/])[^>]{0,2000}>/i.exec(html);
  if (!open) return null;
  const close = /<\/head\s*>/gi;
  close.lastIndex = open.index + open[0].length;
  const end = close.exec(html);
  if (!end) return null;
  return {
    start: open.index,
    end: end.index + end[0].length,
    inner: html.slice(open.index + open[0].length, end.index),
  };
}

/** The text of a snippet of inline markup (`said <em>no</em>`), without code, spaces collapsed. */
export function textOfMarkup(markup: string): string {
  const { document } = parseHTML(withDocumentShell(markup));
  for (const element of Array.from(document.querySelectorAll(nonTextSelector)) as El[])
    element.remove();
  return (document.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Text of each block element, skipping blocks nested in another block. */
export function paragraphsOf(root: El): string[] {
  const paragraphs: string[] = [];
  for (const element of Array.from(root.querySelectorAll(blockSelector)) as El[]) {
    if (element.parentElement?.closest(blockSelector)) continue;
    if (/^H[2-6]$/.test(element.tagName)) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
  }
  if (paragraphs.length === 0) {
    const text = (root.textContent ?? '').trim();
    paragraphs.push(
      ...text.split(/\n\s*\n/).map((part: string) => part.replace(/\s+/g, ' ').trim()),
    );
  }
  return paragraphs.filter(Boolean);
}

function readMetadata(document: Doc, raw: RawArticle): void {
  const meta = (selector: string, from: string): Found | null => {
    const value = document.querySelector(selector)?.getAttribute('content')?.trim();
    return value ? { value, from } : null;
  };
  const ld = readJsonLd(document);
  const h1 = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  raw.title =
    ld.headline ??
    meta('meta[property="og:title"]', 'og:title') ??
    (h1 ? { value: h1, from: 'h1' } : null) ??
    textOf(document.querySelector('title'), 'html-title');
  raw.source = ld.publisher ?? meta('meta[property="og:site_name"]', 'og:site_name');
  // The canonical link is the page's own statement of its address; a relative one is resolved
  // against the other absolute addresses the page gives.
  const ogUrl = meta('meta[property="og:url"]', 'og:url');
  const base = [ogUrl?.value, ld.url?.value].find((value) => value && absoluteUrl(value));
  const canonicalHref = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const canonical = canonicalHref ? absoluteUrl(canonicalHref.trim(), base) : null;
  raw.url = (canonical ? { value: canonical, from: 'canonical-link' } : null) ?? ogUrl ?? ld.url;
  const time = document.querySelector('time[datetime]')?.getAttribute('datetime');
  raw.published =
    ld.datePublished ??
    meta('meta[property="article:published_time"]', 'meta:article:published_time') ??
    meta('meta[name="date"]', 'meta:date') ??
    meta('meta[itemprop="datePublished"]', 'meta:datePublished') ??
    (time ? { value: time, from: 'time-element' } : null);
  raw.byline = firstByline([
    ld.author,
    meta('meta[name="author"]', 'meta:author'),
    meta('meta[property="article:author"]', 'meta:article:author'),
    meta('meta[name="byl"]', 'meta:byl'),
    meta('meta[name="parsely-author"]', 'meta:parsely-author'),
    meta('meta[name="dc.creator"], meta[name="DC.creator"]', 'meta:dc.creator'),
    textOf(document.querySelector('[itemprop="author"] [itemprop="name"]'), 'itemprop-author'),
    textOf(document.querySelector('a[rel="author"]'), 'rel-author'),
  ]);
  raw.language = firstLanguage([
    attributeOf(document.documentElement, 'lang', 'html-lang'),
    attributeOf(document.documentElement, 'xml:lang', 'html-lang'),
    meta(
      'meta[http-equiv="content-language" i], meta[http-equiv="Content-Language"]',
      'meta:content-language',
    ),
    meta('meta[property="og:locale"]', 'og:locale'),
    ld.inLanguage,
  ]);
}

/** The first candidate that cleans to a real byline (a profile URL or a date is none). */
function firstByline(candidates: Array<Found | null>): Found | null {
  for (const candidate of candidates) {
    const value = cleanByline(candidate?.value);
    if (candidate && value) return { value, from: candidate.from };
  }
  return null;
}

/** The first declared language that is an ISO 639-1 code ("en-GB", "en_US" → "en"). */
function firstLanguage(candidates: Array<Found | null>): Found | null {
  for (const candidate of candidates) {
    const code = /^([a-z]{2})(?:$|[-_])/i.exec(candidate?.value.trim() ?? '')?.[1];
    if (candidate && code) return { value: code.toLowerCase(), from: candidate.from };
  }
  return null;
}

function attributeOf(element: El | null, name: string, from: string): Found | null {
  const value = element?.getAttribute(name)?.trim();
  return value ? { value, from } : null;
}

/** An absolute http(s) address, resolving a relative one against `base`; null otherwise. */
function absoluteUrl(value: string, base?: string): string | null {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function textOf(element: El | null, from: string): Found | null {
  const value = element?.textContent?.replace(/\s+/g, ' ').trim();
  return value ? { value, from } : null;
}

interface JsonLdFields {
  headline: Found | null;
  publisher: Found | null;
  url: Found | null;
  datePublished: Found | null;
  author: Found | null;
  inLanguage: Found | null;
}

/** The first JSON-LD object that looks like an article; malformed blocks are ignored. */
function readJsonLd(document: Doc): JsonLdFields {
  const fields: JsonLdFields = {
    headline: null,
    publisher: null,
    url: null,
    datePublished: null,
    author: null,
    inLanguage: null,
  };
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  ) as El[]) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const article = findArticleNode(data);
    if (!article) continue;
    const str = (value: unknown) =>
      typeof value === 'string' && value.trim() ? value.trim() : null;
    const nameOf = (value: unknown): string | null =>
      Array.isArray(value)
        ? value.map(nameOf).filter(Boolean).join(', ') || null
        : (str(value) ??
          (value && typeof value === 'object' ? str((value as { name?: unknown }).name) : null));
    const found = (value: string | null): Found | null =>
      value ? { value, from: 'json-ld' } : null;
    fields.headline = found(str(article.headline));
    fields.publisher = found(nameOf(article.publisher));
    fields.url = found(str(article.url) ?? str(article.mainEntityOfPage));
    fields.datePublished = found(str(article.datePublished));
    fields.author = found(nameOf(article.author));
    fields.inLanguage = found(str(article.inLanguage));
    break;
  }
  return fields;
}

/** Looks into lists and `@graph` four levels deep at most: a block nested deeper is no article. */
function findArticleNode(data: unknown, depth = 0): Record<string, unknown> | null {
  if (depth > 4) return null;
  if (Array.isArray(data)) {
    for (const entry of data) {
      const node = findArticleNode(entry, depth + 1);
      if (node) return node;
    }
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const node = data as Record<string, unknown>;
  if (Array.isArray(node['@graph'])) return findArticleNode(node['@graph'], depth + 1);
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && /Article|Posting|Report/.test(t)) ? node : null;
}
