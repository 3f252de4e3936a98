import { bylineFromLine } from './byline';
import { parseDay } from './parse-day';
import { emptyRawArticle, type RawArticle } from './raw-article';

/** Navigation and page furniture that copy-paste from news sites leaves behind. */
const crumbLines = new Set([
  'all news',
  'news',
  'home',
  'menu',
  'search',
  'share',
  'print',
  'read more',
  'read also',
  'see also',
  'advertisement',
  'subscribe',
  'latest news',
  'top stories',
  'related',
  'related news',
  'more news',
  'comments',
  'skip to content',
  'skip to main content',
]);

const shareLine =
  /^(share|tweet|e-?mail|facebook|twitter|x|whatsapp|telegram|linkedin|vk|copy link)([\s|·•,/]+(share|tweet|e-?mail|facebook|twitter|x|whatsapp|telegram|linkedin|vk|copy link))*$/i;
const tagLine = /^(tags?|topics?|keywords?)\s*:/i;
const dateLinePrefix = /^date\s+(\d{4}-\d{2}-\d{2})\b\s*/i;
const urlOnly = /^<?(https?:\/\/\S+?)>?$/i;
const terminalPunctuation = /[.!?;:"”’»)]$/;

/**
 * Parses text copied from a web page (`.txt`) or written in Markdown (`.md`): drops crumbs,
 * share and tag lines, takes a leading "date YYYY-MM-DD" and a URL line as metadata, the
 * first line that reads as a headline as the title, and keeps the paragraphs.
 */
export function parsePlainText(text: string, markdown: boolean): RawArticle {
  const raw = emptyRawArticle();
  const split = text.replace(/\r\n?/g, '\n').split('\n');
  const lines = (markdown ? joinMarkdownParagraphs(split) : joinSoftWraps(split)).map((line) =>
    markdown ? stripMarkdown(line) : line.trim(),
  );
  let titleSeen = false;
  for (let line of lines) {
    const date = dateLinePrefix.exec(line);
    if (date?.[1]) {
      raw.published ??= { value: date[1], from: 'date-line' };
      line = line.slice(date[0].length).trim();
    }
    const url = urlOnly.exec(line);
    if (url?.[1]) {
      raw.url ??= { value: url[1], from: 'url-line' };
      continue;
    }
    if (!line || isFurniture(line)) continue;
    if (!titleSeen) {
      titleSeen = true;
      if (readsAsHeadline(line)) {
        raw.title = { value: line, from: 'first-line' };
        continue;
      }
    }
    const byline = bylineFromLine(line);
    if (byline) {
      raw.byline ??= { value: byline, from: 'byline-line' };
      // "By the Regional Desk · 17 November 2026": the line's full date is the article's.
      const day = parseDay(line);
      if (day?.start.isCertain('year') && day.start.isCertain('day')) {
        const { start } = day;
        const pad = (n: number | null) => String(n ?? 1).padStart(2, '0');
        raw.published ??= {
          value: `${start.get('year')}-${pad(start.get('month'))}-${pad(start.get('day'))}`,
          from: 'byline-line',
        };
      }
      continue;
    }
    // Short lines without sentence punctuation are section labels or tag lines, not text.
    if (wordCount(line) <= 8 && !terminalPunctuation.test(line)) continue;
    raw.paragraphs.push(line);
  }
  return raw;
}

function isFurniture(line: string): boolean {
  const lower = line.toLowerCase().replace(/[\s:>»›|]+$/, '');
  return crumbLines.has(lower) || shareLine.test(line) || tagLine.test(line);
}

/** A headline: a few words, no sentence-final full stop, starting like a title. */
export function readsAsHeadline(line: string): boolean {
  const words = wordCount(line);
  return (
    words >= 3 &&
    words <= 25 &&
    line.length <= 220 &&
    !/[.;,]$/.test(line) &&
    /^[\p{Lu}\p{N}"“‘'«]/u.test(line)
  );
}

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** Joins a line to the next when it was wrapped mid-sentence (next line starts in lower case). */
function joinSoftWraps(lines: string[]): string[] {
  const joined: string[] = [];
  for (const line of lines) {
    const previous = joined[joined.length - 1];
    const trimmed = line.trim();
    if (
      previous &&
      trimmed &&
      /^\p{Ll}/u.test(trimmed) &&
      !terminalPunctuation.test(previous.trim()) &&
      previous.trim() !== ''
    ) {
      joined[joined.length - 1] = `${previous.trimEnd()} ${trimmed}`;
    } else {
      joined.push(line);
    }
  }
  return joined;
}

const markdownBlockStart = /^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>|```|~~~)/;
const markdownRule = /^\s{0,3}(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$/;
const markdownHeading = /^\s{0,3}#{1,6}\s/;

/**
 * Markdown wraps paragraphs freely: a paragraph is every line up to a blank line or the next
 * block (heading, list item, quote, rule), whatever case the next line starts with.
 */
function joinMarkdownParagraphs(lines: string[]): string[] {
  const joined: string[] = [];
  let open = false;
  for (const line of lines) {
    const trimmed = line.trim();
    const last = joined.length - 1;
    const quoteGoesOn = /^\s*>/.test(line) && /^\s*>/.test(joined[last] ?? '');
    if (
      open &&
      trimmed &&
      (quoteGoesOn || !(markdownBlockStart.test(line) || markdownRule.test(line)))
    ) {
      const continuation = quoteGoesOn ? trimmed.replace(/^>\s?/, '') : trimmed;
      joined[last] = `${(joined[last] ?? '').trimEnd()} ${continuation}`;
      continue;
    }
    joined.push(line);
    open = trimmed !== '' && !markdownHeading.test(line) && !markdownRule.test(line);
  }
  return joined;
}

function stripMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\((?:[^)]*)\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S(?:.*?\S)?)[*_](?=\W|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/, '')
    .trim();
}
