import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { emptyRawArticle, type Found, type RawArticle } from './raw-article';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = ReturnType<Doc['querySelector']> & {};

const nonTextSelector = 'script, style, noscript, template, iframe, svg, object, embed, canvas';
const blockSelector = 'p, li, blockquote, pre, h2, h3, h4, h5, h6, td';

/**
 * Parses a saved web page: metadata from JSON-LD, Open Graph and meta tags, `<time>`,
 * `<link rel=canonical>`; the body through Readability over linkedom (fast, bundles small),
 * falling back to the page's own paragraphs when Readability finds no article.
 */
export function parseHtml(html: string): RawArticle {
  const raw = emptyRawArticle();
  const { document } = parseHTML(withDocumentShell(html));
  readMetadata(document, raw);
  // Code and embedded media are never article text, whatever the page's structure.
  for (const element of Array.from(document.querySelectorAll(nonTextSelector)) as El[])
    element.remove();
  const readable = readArticle(document);
  const contentRoot = readable?.content
    ? (parseHTML(`<!doctype html><html><body>${readable.content}</body></html>`).document
        .body as unknown as El)
    : (document.body as unknown as El | null);
  raw.paragraphs = contentRoot ? paragraphsOf(contentRoot) : [];
  if (readable?.title && !raw.title) raw.title = { value: readable.title, from: 'readability' };
  if (readable?.byline && !raw.byline) raw.byline = { value: readable.byline, from: 'readability' };
  return raw;
}

/**
 * Readability's article, or null when it finds none. Readability expects a browser's DOM and
 * can throw on the odd trees linkedom builds from malformed markup (a `<body>` inside an `<h1>`);
 * the page's own paragraphs are used then, as when it finds no article.
 */
function readArticle(document: Doc): ReturnType<Readability['parse']> {
  try {
    return new Readability(
      document.cloneNode(true) as unknown as ConstructorParameters<typeof Readability>[0],
      { charThreshold: 200 },
    ).parse();
  } catch {
    return null;
  }
}

/**
 * Unlike a browser, linkedom does not build the `<html>`, `<head>` and `<body>` a page omits or
 * misplaces: a fragment (`<p>…</p>`) gets no document element, content after `</head>` lands
 * outside an empty body, and a stray `<html>` (even inside a script) can leave no document
 * element at all. So every page is put back into one clean shell, keeping its head and `lang`.
 */
function withDocumentShell(html: string): string {
  const lang = /<html(?=[\s>/])[^>]*?\slang\s*=\s*["']?([\w-]+)/i.exec(html)?.[1];
  const head = /<head(?=[\s>/])[^>]*>([\s\S]*?)<\/head\s*>/i.exec(html);
  const rest = head ? html.slice(0, head.index) + html.slice(head.index + head[0].length) : html;
  const strip = (markup: string) =>
    markup.replace(/<!doctype[^>]*>|<\/?(?:html|head|body)(?=[\s>/])[^>]*>/gi, '');
  const open = lang ? `<html lang="${lang}">` : '<html>';
  return `<!doctype html>${open}<head>${strip(head?.[1] ?? '')}</head><body>${strip(rest)}</body></html>`;
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
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  raw.url =
    ld.url ??
    (canonical ? { value: canonical, from: 'canonical-link' } : null) ??
    meta('meta[property="og:url"]', 'og:url');
  const time = document.querySelector('time[datetime]')?.getAttribute('datetime');
  raw.published =
    ld.datePublished ??
    meta('meta[property="article:published_time"]', 'meta:article:published_time') ??
    meta('meta[name="date"]', 'meta:date') ??
    meta('meta[itemprop="datePublished"]', 'meta:datePublished') ??
    (time ? { value: time, from: 'time-element' } : null);
  raw.byline = ld.author ?? meta('meta[name="author"]', 'meta:author');
  const lang = document.documentElement?.getAttribute('lang')?.trim();
  if (lang) raw.language = { value: lang.slice(0, 2).toLowerCase(), from: 'html-lang' };
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
}

/** The first JSON-LD object that looks like an article; malformed blocks are ignored. */
function readJsonLd(document: Doc): JsonLdFields {
  const fields: JsonLdFields = {
    headline: null,
    publisher: null,
    url: null,
    datePublished: null,
    author: null,
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
    break;
  }
  return fields;
}

function findArticleNode(data: unknown): Record<string, unknown> | null {
  if (Array.isArray(data)) {
    for (const entry of data) {
      const node = findArticleNode(entry);
      if (node) return node;
    }
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const node = data as Record<string, unknown>;
  if (Array.isArray(node['@graph'])) return findArticleNode(node['@graph']);
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && /Article|Posting|Report/.test(t)) ? node : null;
}
