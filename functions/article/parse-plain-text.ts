import { bylineFromLine } from './byline';
import { dateLineOf } from './date-lines';
import { furnitureOf, trailingAgencyCredit } from './furniture';
import { splitLongLine, splitLongLines } from './limits';
import type { OutletNames } from './outlet-names';
import { parseDay } from './parse-day';
import { emptyRawArticle, type Found, type RawArticle } from './raw-article';
import { creditLineOf, datedCaption } from './text-credit';
import { cleanTitle, isNoTitle } from './title';

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
  '< back',
  'back',
  'logo',
]);

const shareLine =
  /^(share|tweet|e-?mail|facebook|twitter|x|whatsapp|telegram|linkedin|vk|copy link)([\s|·•,/]+(share|tweet|e-?mail|facebook|twitter|x|whatsapp|telegram|linkedin|vk|copy link))*$/i;
const tagLine = /^(tags?|topics?|keywords?)\s*:/i;
const dateLinePrefix = /^date\s+(\d{4}-\d{2}-\d{2})\b\s*/i;
const urlOnly = /^<?(https?:\/\/\S+?)>?$/i;
const terminalPunctuation = /[.!?;:"”’»)]$/;

/**
 * Parses text copied from a web page (`.txt`) or written in Markdown (`.md`).
 *
 * - Furniture is dropped: crumbs, share and tag lines, captions and their credits, link lists
 *   and "Read also" lines, prompts, handles, reading times (see `furniture.ts`); a line shown
 *   twice in a row (a picture's alt text and caption) and repeats of the headline.
 * - The headline is the first line of the page's head (before the first paragraph of prose)
 *   that reads as a title: not a date, a handle, a site's or section's name, or a caption. A
 *   short label ("Russia Ukraine conflict") gives way to a full headline after it.
 * - Metadata lines are read, not kept: a leading "date YYYY-MM-DD", a URL line, bylines, date
 *   lines ("Published: …", a date under the headline or in the page's header), credit lines
 *   ("Reuters" under the headline), the site's header ("The Jerusalem Post - …").
 *
 * `outlets` (the outlets we know) lets credits and site headers be told from text.
 */
export function parsePlainText(text: string, markdown: boolean, outlets?: OutletNames): RawArticle {
  const raw = emptyRawArticle();
  const credits: Found[] = [];
  const dates: Found[] = [];
  const split = splitLongLines(text.replace(/\r\n?/g, '\n')).split('\n');
  // No line the rules below read is longer than `limits.lineChars`, even after soft wraps are joined.
  const lines = (markdown ? joinMarkdownParagraphs(split) : joinSoftWraps(split))
    .map((line) => (markdown ? stripMarkdown(line) : line.trim()))
    .flatMap((line) => splitLongLine(line));
  const repeated = repeatedLines(lines);
  let title: { value: string; words: number; key: string } | null = null;
  // Any line seen that is neither furniture nor metadata: the title is then no longer the first line.
  let seenText = false;
  let inLinkList = false;
  // Index of the line the last kept paragraph came from.
  let lastKept = -1;
  let lastNonEmpty = -1;
  lines.forEach((original, index) => {
    let line = original;
    const previousNonEmpty = lastNonEmpty;
    if (line) lastNonEmpty = index;
    const date = dateLinePrefix.exec(line);
    if (date?.[1]) {
      raw.published ??= { value: date[1], from: 'date-line' };
      line = line.slice(date[0].length).trim();
    }
    const url = urlOnly.exec(line);
    if (url?.[1]) {
      raw.url ??= { value: url[1], from: 'url-line' };
      return;
    }
    if (!line) return;
    if (isFurniture(line)) {
      // "Read more:" alone heads a list of links.
      if (furnitureOf(line)?.kind === 'link-list-heading') inLinkList = true;
      return;
    }
    // "• In a keynote speech, …": a list's bullet is not part of the text.
    line = line.replace(/^[•·▪►]\s*/u, '');
    if (!line) return;
    const bodyStarted = raw.paragraphs.length > 0;

    const furniture = furnitureOf(line, outlets);
    if (furniture) {
      if (furniture.credit) {
        const from = furniture.kind === 'staff-credits' ? 'credit-line' : 'caption-credit';
        credits.push({ value: furniture.credit, from });
      }
      if (furniture.kind === 'link-list-heading') inLinkList = true;
      // "A view shows … Odesa region, Ukraine July 21, 2023." then "(photo credit: …)".
      const lastParagraph = raw.paragraphs[raw.paragraphs.length - 1] ?? '';
      if (
        furniture.kind === 'photo-credit' &&
        lastKept === previousNonEmpty &&
        datedCaption.test(lastParagraph)
      )
        raw.paragraphs.pop();
      // "— Name (@handle) August 2, 2023" signs the embedded post on the line above it.
      if (
        furniture.kind === 'embedded-post' &&
        /^[—–-]/.test(line) &&
        lastKept === previousNonEmpty &&
        wordCount(lastParagraph) <= 60
      )
        raw.paragraphs.pop();
      return;
    }
    // The entries of a "Read more:" list are headlines; the list ends at the next sentence.
    if (inLinkList) {
      if (!terminalPunctuation.test(line) && wordCount(line) <= 30) return;
      inLinkList = false;
    }
    if (outlets) {
      const credit = creditLineOf(line, outlets);
      if (credit) {
        credits.push({ value: credit, from: 'credit-line' });
        return;
      }
      // "The Jerusalem Post - Israel News …": the site's header, above the headline.
      const site = outlets.atStart(line);
      if (
        site &&
        !title &&
        !bodyStarted &&
        !line.startsWith('(') &&
        !terminalPunctuation.test(line) &&
        /^\s*(?:$|[-–—|:·•])/.test(line.slice(site.length))
      ) {
        credits.push({ value: site.name, from: 'page-header' });
        return;
      }
      // "People look at … in Odesa on July 19, 2023. (AFP)": a caption above the headline.
      const agency = bodyStarted ? null : trailingAgencyCredit(line, outlets);
      if (agency && /[.!?"”’)]$/.test(line.slice(0, agency.index).trim())) {
        credits.push({ value: agency.outlet, from: 'caption-credit' });
        return;
      }
    }
    const stamp = dateLineOf(line, new Date(0));
    if (stamp) {
      // Dates from the page's head and first paragraphs, or stated as "Published"/"Updated".
      if (stamp.day && (raw.paragraphs.length <= 2 || stamp.kind !== 'date')) {
        const underTitle = Boolean(title) || bodyStarted;
        const from =
          stamp.kind === 'published'
            ? 'published-line'
            : !underTitle
              ? 'page-header-date'
              : stamp.kind === 'updated'
                ? 'updated-line'
                : 'date-under-title';
        dates.push({ value: stamp.day, from });
      }
      // "Jane Doe (@jdoe) Published …": the name before the stamp is the byline.
      const name = stamp.before.replace(/\(?@[\w.]+\)?/g, '').trim();
      const byline = name ? bylineFromLine(`By ${name}`) : null;
      if (byline) raw.byline ??= { value: byline, from: 'byline-line' };
      return;
    }
    if (!bodyStarted) {
      const candidate = cleanTitle(line, outlets);
      if (readsAsHeadline(candidate, !seenText) && !isNoTitle(candidate, outlets)) {
        const words = wordCount(candidate);
        // A label above the headline ("Russia Ukraine conflict") gives way to the headline.
        if (!title || (title.words < 5 && words >= 5)) {
          raw.title = { value: candidate, from: seenText ? 'header-line' : 'first-line' };
          title = { value: candidate, words, key: textKey(candidate) };
          seenText = true;
          return;
        }
      }
    }
    seenText = true;
    if (repeated.has(index)) return;
    if (title && textKey(cleanTitle(line, outlets)) === title.key) return;
    const byline = bylineFromLine(line);
    if (byline) {
      const agency = outlets ? bylineCredit(byline, outlets) : null;
      if (agency) credits.push({ value: agency.outlet, from: 'byline-credit' });
      if (agency?.names) raw.byline ??= { value: agency.names, from: 'byline-line' };
      else if (!agency) raw.byline ??= { value: byline, from: 'byline-line' };
      // "By the Regional Desk · 17 November 2026": the line's full date is the article's.
      const day = parseDay(line);
      if (day?.start.isCertain('year') && day.start.isCertain('day')) {
        const { start } = day;
        const pad = (n: number | null) => String(n ?? 1).padStart(2, '0');
        dates.push({
          value: `${start.get('year')}-${pad(start.get('month'))}-${pad(start.get('day'))}`,
          from: 'byline-line',
        });
      }
      return;
    }
    // Short lines without sentence punctuation are section labels or tag lines, not text.
    if (wordCount(line) <= 8 && !terminalPunctuation.test(line)) return;
    raw.paragraphs.push(line);
    lastKept = index;
  });
  if (credits.length) raw.credits = credits;
  if (dates.length) raw.dates = dates;
  return raw;
}

/**
 * "By REUTERS", "By Reuters Staff", "By Jane Doe | Reuters": a byline that credits an agency,
 * with the names left when there are any.
 */
function bylineCredit(
  byline: string,
  outlets: OutletNames,
): { outlet: string; names: string | null } | null {
  const parts = byline.split(/\s*(?:\||,|\s[-–—]\s|\band\b)\s*/).filter(Boolean);
  const staff =
    /\s+(?:staff(?:\s+writers?)?|correspondents?|reporters?|bureau|desk|news desk|web desk|team)$/i;
  let outlet: string | null = null;
  const names: string[] = [];
  for (const part of parts) {
    const name = outlets.exact(part.replace(staff, ''));
    if (name && !outlet) outlet = name;
    else if (!name) names.push(part);
  }
  return outlet ? { outlet, names: names.length ? names.join(', ') : null } : null;
}

/** Indices of lines equal to the next or previous non-empty line (alt text and caption). */
function repeatedLines(lines: string[]): Set<number> {
  const repeated = new Set<number>();
  let previous: { index: number; key: string } | null = null;
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const key = textKey(line);
    if (previous && previous.key === key) {
      repeated.add(previous.index);
      repeated.add(index);
    }
    previous = { index, key };
  });
  return repeated;
}

/** What two lines that say the same thing share: their letters and digits, in lower case. */
function textKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function isFurniture(line: string): boolean {
  const lower = line.toLowerCase().replace(/[\s:>»›|]+$/, '');
  return crumbLines.has(lower) || shareLine.test(line) || tagLine.test(line);
}

/**
 * A headline: a few words, no sentence-final full stop, starting like a title. The first line
 * of a page may start in lower case ("russia targeted Odesa port …"), as some sites write.
 */
export function readsAsHeadline(line: string, firstLine = false): boolean {
  const words = wordCount(line);
  return (
    words >= 3 &&
    words <= 25 &&
    line.length <= 220 &&
    !/[.;,]$/.test(line) &&
    (firstLine ? /^[\p{L}\p{N}"“‘'«]/u : /^[\p{Lu}\p{N}"“‘'«]/u).test(line)
  );
}

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** Joins a line to the next when it was wrapped mid-sentence (next line starts in lower case). */
function joinSoftWraps(lines: string[]): string[] {
  // Each paragraph is gathered as its lines and joined once, so a paragraph of many wrapped
  // lines costs its length, not its length times its lines.
  const joined: string[][] = [];
  for (const line of lines) {
    const previous = joined[joined.length - 1];
    const last = previous?.[previous.length - 1]?.trim() ?? '';
    const trimmed = line.trim();
    if (
      previous &&
      last &&
      trimmed &&
      /^\p{Ll}/u.test(trimmed) &&
      !terminalPunctuation.test(last)
    ) {
      previous.push(trimmed);
    } else {
      joined.push([line]);
    }
  }
  return joined.map(joinParts);
}

/** A paragraph's first line (its start kept) and the trimmed lines that continue it. */
function joinParts(parts: string[]): string {
  if (parts.length === 1) return parts[0] ?? '';
  return [(parts[0] ?? '').trimEnd(), ...parts.slice(1)].join(' ');
}

const markdownBlockStart = /^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>|```|~~~)/;
const markdownRule = /^\s{0,3}(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$/;
const markdownHeading = /^\s{0,3}#{1,6}\s/;

/**
 * Markdown wraps paragraphs freely: a paragraph is every line up to a blank line or the next
 * block (heading, list item, quote, rule), whatever case the next line starts with.
 */
function joinMarkdownParagraphs(lines: string[]): string[] {
  const joined: string[][] = [];
  let open = false;
  for (const line of lines) {
    const trimmed = line.trim();
    const previous = joined[joined.length - 1];
    const quoteGoesOn = /^\s*>/.test(line) && /^\s*>/.test(previous?.[0] ?? '');
    if (
      previous &&
      open &&
      trimmed &&
      (quoteGoesOn || !(markdownBlockStart.test(line) || markdownRule.test(line)))
    ) {
      previous.push(quoteGoesOn ? trimmed.replace(/^>\s?/, '') : trimmed);
      continue;
    }
    joined.push([line]);
    open = trimmed !== '' && !markdownHeading.test(line) && !markdownRule.test(line);
  }
  return joined.map(joinParts);
}

function stripMarkdown(line: string): string {
  return (
    line
      .replace(/^\s{0,3}#{1,6}\s+/, '')
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
      .replace(/^\s*>\s?/, '')
      // Spans are matched up to 1,000 characters long and link text stops at a bracket, so a line
      // of "[[[[" or "****" costs a short scan per character, not one to the end of the line.
      .replace(/!\[[^[\]]{0,1000}\]\([^()]{0,1000}\)/g, '')
      .replace(/\[([^[\]]{1,1000})\]\((?:[^()]{0,1000})\)/g, '$1')
      .replace(/(\*\*|__)(.{1,1000}?)\1/g, '$2')
      .replace(/(^|\W)[*_](\S(?:.{0,1000}?\S)?)[*_](?=\W|$)/g, '$1$2')
      .replace(/`([^`]+)`/g, '$1')
      .replace(/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/, '')
      .trim()
  );
}
