import { ArticleRejectedError } from '../model/errors';

/**
 * The bounds every upload is held to, so that no file can take a run down or past its time
 * (README "What happens when things go wrong"). Each is checked before the work it bounds:
 * the size of the decoded text before it is parsed, the number of elements of a page before
 * it is built into a tree, the depth of the tree before anything walks it, the body before it
 * is analysed. A file over a bound is rejected with a reason that names the number and the
 * limit; nothing is cut silently but over-long lines, which are split where sentences end.
 */
export const limits = {
  /** Characters of decoded text, per format, before parsing (the upload's bytes are capped before). */
  textChars: { txt: 500_000, md: 500_000, json: 2_000_000, html: 5_000_000 } as Record<
    string,
    number
  >,
  /** Lines of a .txt or .md file (each is read by the date, credit and furniture rules). */
  textLines: 20_000,
  /**
   * Start tags of a page, counted in its markup before it is parsed (the extraction corpus's
   * pages have 4,000 at most). Building the tree costs more than linear time when it nests
   * deep: 50,000 nested elements take about 2 s to parse before their depth is rejected.
   */
  htmlElements: 50_000,
  /** How deep a page's elements may nest. */
  htmlDepth: 500,
  /**
   * Deeper than this, Readability (whose cost grows with the cube of the depth) is not run and
   * the page's own blocks are the body. The 92 pages of the extraction corpus nest 32 deep at most.
   */
  readabilityDepth: 100,
  /**
   * Nor when the page's text times its depth is over this: Readability and the furniture rules
   * read each element's whole text, so their cost is about that product (at most 2.5 million
   * on the corpus's pages).
   */
  readabilityCost: 20_000_000,
  /** A line or paragraph longer than this is split where a sentence ends (else at a space). */
  lineChars: 5_000,
  /** Characters of clean body text. */
  bodyChars: 200_000,
  /** Paragraphs of clean body text. */
  paragraphs: 3_000,
  /** A sentence longer than this is kept in the text but never quoted as a sentence. */
  sentenceChars: 1_000,
  /**
   * A body of at least `repetitionWords` words, fewer than this share of whose word triples
   * differ, is the same few words over and over (a real article's nearly all differ; eight copies
   * of one article pasted in one file still pass).
   */
  distinctTriples: 0.1,
  repetitionWords: 1_000,
};

const count = (value: number) => value.toLocaleString('en-US');

/** Rejects decoded text over its format's size before any parser sees it. */
export function checkTextSize(text: string, format: string, key: string): void {
  const limit = limits.textChars[format];
  if (limit !== undefined && text.length > limit)
    throw new ArticleRejectedError(
      `${key}: the file holds ${count(text.length)} characters of text (the limit for a .${format} file is ${count(limit)}); upload one article per file`,
    );
  if (format !== 'txt' && format !== 'md') return;
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  if (lines > limits.textLines)
    throw new ArticleRejectedError(
      `${key}: the file has ${count(lines)} lines (the limit for a .${format} file is ${count(limits.textLines)}); upload one article per file`,
    );
}

/** Rejects markup with more start tags than a page may have, before it is parsed into a tree. */
export function checkMarkupSize(html: string, key: string): void {
  let tags = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    const next = html.charCodeAt(at + 1);
    // An ASCII letter after "<": a start tag (comments, end tags and text "<" are not).
    if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) tags++;
  }
  if (tags > limits.htmlElements) throw tooManyElements(tags, key);
}

function tooManyElements(elements: number, key: string): ArticleRejectedError {
  return new ArticleRejectedError(
    `${key}: the page has ${count(elements)} elements (the limit is ${count(limits.htmlElements)}); save the article's text instead`,
  );
}

/** The part of a DOM node the tree walk reads (linkedom's nodes). */
export interface TreeNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  firstChild: TreeNode | null;
  nextSibling: TreeNode | null;
  parentNode: TreeNode | null;
}

/** What a page's tree holds: elements, how deep they nest, characters of readable text. */
export interface TreeSize {
  elements: number;
  depth: number;
  /** Characters of text outside scripts, styles and templates. */
  textChars: number;
}

const notText = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * The size of the tree of `root` (an element, counted), walked without recursion and without
 * building child lists.
 */
export function treeSize(root: TreeNode): TreeSize {
  let elements = 0;
  let textChars = 0;
  let depth = 1;
  let deepest = 0;
  let node: TreeNode | null | undefined = root;
  while (node) {
    if (node.nodeType === 1) {
      elements++;
      if (depth > deepest) deepest = depth;
    } else if (node.nodeType === 3 && !notText.has(node.parentNode?.nodeName.toUpperCase() ?? '')) {
      textChars += node.nodeValue?.length ?? 0;
    }
    const child: TreeNode | null | undefined = node.firstChild;
    if (child) {
      node = child;
      depth++;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      depth--;
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return { elements, depth: deepest, textChars };
}

/**
 * Rejects a page tree nested deeper, or holding more elements, than a page may; returns its
 * size. `root` is the document element.
 */
export function checkTree(root: TreeNode | null, key: string): TreeSize {
  const size = root ? treeSize(root) : { elements: 0, depth: 0, textChars: 0 };
  if (size.elements > limits.htmlElements) throw tooManyElements(size.elements, key);
  if (size.depth > limits.htmlDepth)
    throw new ArticleRejectedError(
      `${key}: the page nests elements ${count(size.depth)} deep (the limit is ${count(limits.htmlDepth)}); save the article's text instead`,
    );
  return size;
}

/**
 * True when a page is small and shallow enough for Readability and the furniture rules, whose
 * cost grows with its text times its depth; otherwise its own blocks are read, in one pass.
 */
export function readableInTime(size: TreeSize): boolean {
  return (
    size.depth <= limits.readabilityDepth && size.textChars * size.depth <= limits.readabilityCost
  );
}

/**
 * Splits a line longer than `limits.lineChars` where a sentence ends before the limit (else at
 * the last space, else anywhere), so no later rule ever reads an unbounded line.
 */
export function splitLongLine(line: string, max = limits.lineChars): string[] {
  if (line.length <= max) return [line];
  const parts: string[] = [];
  let rest = line;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = lastSentenceEnd(window);
    if (cut < max / 2) cut = window.lastIndexOf(' ') + 1;
    if (cut < max / 2) cut = max;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut);
  }
  if (rest.trim()) parts.push(rest.trim());
  return parts.filter(Boolean);
}

/** The index after the last ". ", "! ", "? " (or with a closing quote) in the text, or -1. */
function lastSentenceEnd(text: string): number {
  for (let at = text.length - 2; at > 0; at--) {
    if (text[at + 1] !== ' ') continue;
    const char = text[at];
    if (char === '.' || char === '!' || char === '?') return at + 2;
    if ((char === '"' || char === '”' || char === '’') && /[.!?]/.test(text[at - 1] ?? ''))
      return at + 2;
  }
  return -1;
}

/** Splits every over-long line of a text (lines are kept; only long ones become several). */
export function splitLongLines(text: string): string {
  if (text.length <= limits.lineChars) return text;
  let long = false;
  const lines = text.split('\n');
  for (const line of lines) if (line.length > limits.lineChars) long = true;
  if (!long) return text;
  return lines.flatMap((line) => splitLongLine(line)).join('\n');
}

/**
 * Rejects a body over the size and paragraph bounds, or one that is the same few words over
 * and over ("Russia and China and China and China…", `limits.distinctTriples`).
 */
export function checkBody(paragraphs: string[], body: string, key: string): void {
  if (body.length > limits.bodyChars)
    throw new ArticleRejectedError(
      `${key}: the article text is ${count(body.length)} characters long (the limit is ${count(limits.bodyChars)}); upload one article per file`,
    );
  checkParagraphCount(paragraphs.length, key);
  const repeated = repetition(body);
  if (repeated)
    throw new ArticleRejectedError(
      `${key}: the text is the same words over and over ("${repeated.phrase}" ${count(repeated.times)} times; only ${count(repeated.distinct)} of its ${count(repeated.triples)} three-word sequences differ); upload the article's text`,
    );
}

/** Rejects a body of more paragraphs than an article has. */
export function checkParagraphCount(paragraphs: number, key: string): void {
  if (paragraphs > limits.paragraphs)
    throw new ArticleRejectedError(
      `${key}: the article text has ${count(paragraphs)} paragraphs (the limit is ${count(limits.paragraphs)}); upload one article per file`,
    );
}

interface Repetition {
  phrase: string;
  times: number;
  distinct: number;
  triples: number;
}

/** The most repeated word triple of a degenerate text, or null for a text that reads as prose. */
export function repetition(body: string): Repetition | null {
  const words = body.match(/[\p{L}\p{N}]+/gu) ?? [];
  const triples = words.length - 2;
  if (words.length < limits.repetitionWords) return null;
  const counts = new Map<string, number>();
  const firstAt = new Map<string, number>();
  for (let i = 0; i < triples; i++) {
    const triple = `${words[i]} ${words[i + 1]} ${words[i + 2]}`.toLowerCase();
    counts.set(triple, (counts.get(triple) ?? 0) + 1);
    if (!firstAt.has(triple)) firstAt.set(triple, i);
  }
  if (counts.size >= triples * limits.distinctTriples) return null;
  let top = '';
  let times = 0;
  for (const [triple, seen] of counts) {
    if (seen > times) {
      top = triple;
      times = seen;
    }
  }
  const at = firstAt.get(top) ?? 0;
  const phrase = words.slice(at, at + 3).join(' ');
  return { phrase, times, distinct: counts.size, triples };
}
