import { Readability } from '@mozilla/readability';
import type { parseHTML } from 'linkedom';
import { bylineFromLine } from './byline';

type Doc = ReturnType<typeof parseHTML>['document'];
type El = ReturnType<Doc['querySelector']> & {};
type NodeLike = { nodeType: number; nodeName: string; textContent: string | null };

/**
 * The article body of a page, as paragraphs. Takes the page apart as it goes: read its metadata
 * first. General rules in the manner of the best published
 * extractors (Readability's scoring, trafilatura's boilerplate and link-density filters):
 *
 * 1. Page furniture is removed first by what it is: navigation, asides, footers, forms' controls,
 *    figures and captions, and elements whose class, id or role names a share bar, caption,
 *    related links, newsletter box, cookie notice, comments, tags or advertising.
 * 2. Readability picks the article container on what is left.
 * 3. Its content is split into paragraphs (headings and list items included), and paragraphs
 *    that read as furniture are dropped: mostly links, photo credits, "Related:" / "Read more"
 *    teasers, newsletter calls, bare date lines, copyright lines, share-button rows.
 * 4. When Readability finds nothing, or much less than the page's own paragraphs hold, the
 *    cleaned page's paragraphs are used instead (the same filters apply).
 *
 * `thorough: false` (a page too large or deep for steps 1 and 2 in time, `limits.ts`) removes
 * code only, skips Readability, and reads the page's own blocks with the filters of step 3.
 */
export function extractBody(document: Doc, options: { thorough?: boolean } = {}): ExtractedBody {
  const thorough = options.thorough !== false;
  const titles = titlesOf(document);
  // The page is worked on in place (cloning a linkedom tree costs more than parsing it): its
  // own blocks are read before Readability rearranges it, for the fallback and the byline.
  if (thorough) removeFurniture(document);
  else removeCode(document);
  const pageBlocks = blocksOf(document.body as unknown as El);
  const fallback = () => keepArticleText(pageBlocks, titles);
  // A page too large or deep for Readability in time (limits.ts) is read from its own blocks.
  const readable = thorough ? readArticle(document) : null;
  const paragraphs = bodyParagraphs(readable, fallback, titles);
  // Readability's guess, else a "By …" line the body filters took out.
  const byline =
    readable?.byline?.replace(/\s+/g, ' ').trim() ||
    pageBlocks
      .map((block) => (block.text.length < 120 ? bylineFromLine(block.text) : null))
      .find(Boolean) ||
    null;
  return { paragraphs, byline };
}

export interface ExtractedBody {
  paragraphs: string[];
  /** Readability's byline guess, else a "By …" line of the page; null when neither. */
  byline: string | null;
}

/** The page's own titles (`<h1>`, `og:title`, `<title>`), normalised, to keep them out of the body. */
function titlesOf(document: Doc): Set<string> {
  const titles = new Set<string>();
  const add = (value: string | null | undefined) => {
    const text = normalised(value ?? '');
    if (text) titles.add(text);
  };
  for (const h1 of Array.from(document.querySelectorAll('h1')) as El[]) add(h1.textContent);
  add(document.querySelector('meta[property="og:title"]')?.getAttribute('content'));
  add(document.querySelector('title')?.textContent);
  return titles;
}

const normalised = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

function bodyParagraphs(
  readable: ReadableArticle,
  fallback: () => string[],
  titles: Set<string>,
): string[] {
  if (!readable?.content) return fallback();
  const paragraphs = keepArticleText(blocksOf(readable.content), titles);
  if (words(paragraphs) < 50) {
    const whole = fallback();
    if (words(whole) > words(paragraphs) * 2) return whole;
  }
  return paragraphs;
}

const words = (paragraphs: string[]) =>
  paragraphs.reduce((sum, p) => sum + p.split(/\s+/).filter(Boolean).length, 0);

type ReadableArticle = ReturnType<Readability<El>['parse']>;

/** Readability's article, its content as the element itself (no serialising and re-parsing). */
function readArticle(document: Doc): ReadableArticle {
  try {
    return new Readability<El>(
      document as unknown as ConstructorParameters<typeof Readability>[0],
      { charThreshold: 200, serializer: (node) => node as unknown as El },
    ).parse();
  } catch {
    return null;
  }
}

const furnitureTags =
  'nav, aside, footer, figure, figcaption, button, select, input, textarea, label, dialog, menu, picture, video, audio';

/** Class/id words that name page furniture, matched as whole words of the attribute. */
const furnitureWords = [
  'share',
  'sharing',
  'social',
  'socials',
  'sharebar',
  'caption',
  'captions',
  'credit',
  'credits',
  'related',
  'recommended',
  'recommendations',
  'more-stories',
  'read-more',
  'readmore',
  'newsletter',
  'newsletters',
  'subscribe',
  'subscription',
  'signup',
  'sign-up',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'comment',
  'comments',
  'disqus',
  'tags',
  'tag-list',
  'taglist',
  'breadcrumb',
  'breadcrumbs',
  'promo',
  'advert',
  'advertisement',
  'ad-slot',
  'ad-container',
  'sponsored',
  'outbrain',
  'taboola',
  'popup',
  'modal',
  'toolbar',
  'widget',
  'sidebar',
  'trending',
  'most-read',
  'mostread',
  'most-popular',
  'author-bio',
  'bio',
  'paywall',
  'print-only',
  'skip-link',
  'hidden',
];
const furnitureName = new RegExp(`(?:^|[\\s_-])(?:${furnitureWords.join('|')})(?=$|[\\s_-])`, 'i');

const furnitureRoles = /^(navigation|complementary|contentinfo|dialog|alertdialog|banner|search)$/i;

/** Removes what is never text: scripts, styles, embedded objects. */
function removeCode(document: Doc): void {
  for (const element of Array.from(
    document.querySelectorAll(
      'script, style, noscript, template, iframe, svg, object, embed, canvas, link, meta',
    ),
  ) as El[])
    element.remove();
}

function removeFurniture(document: Doc): void {
  removeCode(document);
  const pageLength = (document.body?.textContent ?? '').length;
  const holdsArticle = (element: El) => holdsArticleText(element, pageLength);
  for (const element of Array.from(document.querySelectorAll(furnitureTags)) as El[]) {
    if (!holdsArticle(element)) element.remove();
  }
  for (const element of Array.from(
    document.querySelectorAll('[class], [id], [role], [hidden], [aria-hidden]'),
  ) as El[]) {
    if (!attached(element, document)) continue;
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    const role = element.getAttribute('role') ?? '';
    const hidden = element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true';
    if (
      (furnitureName.test(names) || furnitureRoles.test(role) || hidden) &&
      !holdsArticle(element)
    )
      element.remove();
  }
}

/** False once the element or an ancestor has been removed (linkedom's `isConnected` is unreliable on clones). */
function attached(element: El, document: Doc): boolean {
  let node: { parentNode: unknown } | null = element as unknown as { parentNode: unknown };
  while (node) {
    if (node === (document as unknown)) return true;
    node = node.parentNode as { parentNode: unknown } | null;
  }
  return false;
}

/**
 * An element that must never be removed as furniture: the page itself, its main article, a
 * wrapper holding most of the page's text (layout classes such as "l-sidebar-fixed"), or a
 * container holding several long paragraphs (a class like "has-comments" on the article wrapper).
 */
function holdsArticleText(element: El, pageLength: number): boolean {
  if (/^(HTML|BODY|MAIN|ARTICLE)$/.test(element.tagName)) return true;
  if (element.querySelector('article, main, h1')) return true;
  if ((element.textContent ?? '').length > pageLength * 0.4) return true;
  let long = 0;
  for (const p of Array.from(element.querySelectorAll('p')) as El[]) {
    if ((p.textContent ?? '').length > 150 && ++long >= 4) {
      // Comment threads are long too; a container named for comments still goes.
      const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
      return !/comment|disqus|related|recommend/i.test(names);
    }
  }
  return false;
}

interface Block {
  text: string;
  linkChars: number;
  /** Words written outside links. */
  plainWords: number;
  heading: boolean;
  /** An `<h1>`: the page's title, which the record keeps apart from the body. */
  title: boolean;
}

const blockTags = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'PRE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TABLE',
  'TR',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'MAIN',
  'ADDRESS',
  'HR',
  'BR',
  'FIGURE',
  'FORM',
  'CENTER',
]);

/** The text of a container split into blocks at block-level elements and line breaks. */
export function blocksOf(root: El | null): Block[] {
  const blocks: Block[] = [];
  if (!root) return blocks;
  let text = '';
  let linkChars = 0;
  let plainWords = 0;
  let heading = false;
  let title = false;
  const flush = () => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean) blocks.push({ text: clean, linkChars, plainWords, heading, title });
    text = '';
    linkChars = 0;
    plainWords = 0;
    heading = false;
    title = false;
  };
  // Walked with a stack rather than recursion, so no nesting depth can overflow the call stack.
  // An entry is a node to read, or the end of a block element (then the block is flushed).
  const stack: Array<{ node: NodeLike; inLink: boolean } | 'end-of-block'> = [
    { node: root as unknown as NodeLike, inLink: false },
  ];
  while (stack.length > 0) {
    const entry = stack.pop() as (typeof stack)[number];
    if (entry === 'end-of-block') {
      flush();
      continue;
    }
    const { node, inLink } = entry;
    if (node.nodeType === 3) {
      const value = node.textContent ?? '';
      text += value;
      if (inLink) linkChars += value.replace(/\s+/g, '').length;
      else plainWords += (value.match(/[\p{L}\p{N}]+/gu) ?? []).length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = node.nodeName.toUpperCase();
    const isBlock = blockTags.has(tag);
    if (isBlock) flush();
    if (/^H[1-6]$/.test(tag)) heading = true;
    if (tag === 'H1') title = true;
    const link = inLink || tag === 'A';
    if (tag === 'TD' || tag === 'TH') text += ' ';
    if (isBlock) stack.push('end-of-block');
    const children = Array.from((node as unknown as { childNodes: NodeLike[] }).childNodes);
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i] as NodeLike, inLink: link });
  }
  return blocks;
}

const monthOrDay =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\b(today|yesterday|am|pm|a\.m\.|p\.m\.|utc|gmt|est|edt|pst|pdt|cst|cdt|bst|cet|cest|at|on|of|and|by|updated|update|published|posted|last|first|modified|\d+\w*)\b/gi;

/** True for a short line made only of a date, a time and words such as "Updated" or "Posted". */
function isDateLine(text: string): boolean {
  if (text.length > 90) return false;
  if (!/\d/.test(text)) return /^(today|yesterday)\b/i.test(text) && text.length < 30;
  const dateLike =
    /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}:\d{2}|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\b(updated|published|posted)\b/i;
  if (!dateLike.test(text)) return false;
  const rest = text.replace(monthOrDay, '').replace(/[\s\p{P}\p{S}]/gu, '');
  return rest.length <= 3;
}

const teaser =
  /^(related|read more|read also|see more|see also|more|also read|recommended|don[’']?t miss|watch|listen|click here|you may also like|more from|more on this|more great|most read|trending|advertisement|sponsored|related articles|related stories|related content|related coverage)\b\s*([:.!|…»›-]|$)/i;
const credit =
  /^(\(?(photo|image|picture|video|illustration|graphic|credit|source|file photo|photograph)s?( credit)?\s*:)|\((photo|image|picture|credit|source|illustration)s?\s*(credit)?\s*:[^)]*\)\s*$|^image \d+ of|\|\s*(getty images|reuters|ap|afp|bloomberg|epa|shutterstock)$|^(getty images|ap photo|reuters|afp|shutterstock)\b[^.]{0,60}$/i;
const callToAction =
  /\b(sign up|subscribe|newsletter|get the latest|delivered to your inbox|in your inbox|download the app|get the app|follow us|follow (him|her|them) on|join our|accept (all )?cookies|uses? cookies|cookie (policy|settings)|privacy policy|terms of (use|service)|all rights reserved|reach the reporters?|have a tip\??|news alerts|tell us what you think|more stories like this|(reporting|editing) by|contributed to this report|contact the author|affiliate commission)\b/i;
const copyright = /^(copyright\b|©|\(c\)\s*\d{4})|\bcopyright\s*(©|\(c\))?\s*\d{4}|©\s*\d{4}/i;
/** A row of share buttons. Each gap is matched one way only (no backtracking blow-up on long rows). */
const shareWords =
  /^(?:(?:share|tweet|email|e-mail|print|pin|pinterest|facebook|twitter|whatsapp|linkedin|reddit|telegram|messenger|copy link|save|comments?|baixar|pint|compartilhar|partager|teilen|\d+(?!\d))\s*(?:[|·•,/]\s*)?)+$/i;

function isFurnitureText(block: Block, index: number, blocks: Block[]): boolean {
  const { text } = block;
  const letters = text.replace(/[\s\p{P}\p{S}]/gu, '').length;
  if (letters === 0 || block.title) return true;
  // Mostly links: menus, related-story lists, tag clouds, "Read more: <a>…</a>". A sentence
  // whose words happen to be links ("<a>Name</a> has been <a>eliminated</a>.") stays.
  const density = block.linkChars / letters;
  const bareUrl = /^(https?:\/\/|www\.)\S+$/i.test(text);
  const sentence = /[.!?…"”’»)]$/.test(text) && block.plainWords >= 2;
  if (!bareUrl && density > 0.5 && !sentence) return true;
  if (shareWords.test(text)) return true;
  // "By Jane Smith - 11/18/19 11:04 PM EST": the byline is metadata, read from the page's head.
  if (text.length < 120 && bylineFromLine(text)) return true;
  if (isDateLine(text)) return true;
  if (credit.test(text)) return true;
  if (text.length < 160 && teaser.test(text)) return true;
  if (text.length < 220 && callToAction.test(text)) return true;
  if (text.length < 200 && copyright.test(text)) return true;
  // A heading followed by nothing that is kept is a section label for furniture ("More stories").
  if (block.heading && index === blocks.length - 1) return true;
  return false;
}

/** Drops the furniture blocks and exact repeats (a caption shown twice), keeps the rest in order. */
function keepArticleText(blocks: Block[], titles: Set<string>): string[] {
  const seen = new Set<string>(titles);
  const kept: string[] = [];
  blocks.forEach((block, index) => {
    if (isFurnitureText(block, index, blocks)) return;
    const key = normalised(block.text);
    if (seen.has(key)) return;
    seen.add(key);
    kept.push(block.text);
  });
  return kept;
}
