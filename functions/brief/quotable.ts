import type { ArticleRecord } from '../model/types';
import type { Lexicon } from '../reference/reference-data';
import { auxiliaryVerbs, calendarWords } from '../text/function-words';
import { startsUpper } from '../text/letter-tests';
import { tokenize } from '../text/tokenize';

/**
 * Why a piece of an article is never quoted in the brief. Such text still takes part in merging
 * and in story grouping; it is only never printed.
 */
export type Unquotable =
  | 'overlong'
  | 'degenerate'
  | 'fragment'
  | 'open quotation'
  | 'headline'
  | 'furniture'
  | 'unnamed speaker';

export interface QuotableRules {
  lexicon: Lexicon;
  /** A sentence (or a quotation joined over sentences) longer than this is not quoted. */
  maxWords: number;
}

/**
 * The reason the text is not article prose a brief can quote, or null. `raw` is the text as
 * the article has it (it tells a bullet, a lower-case start, a missing full stop), `text` as
 * tidied for print (dateline and leading conjunction trimmed). Every rule reads the text once
 * or a bounded prefix of it, so a megabyte of one line costs linear time.
 */
export function unquotableReason(
  raw: string,
  text: string,
  article: ArticleRecord,
  rules: QuotableRules,
): Unquotable | null {
  return unquotableIn(wordingChecks(raw, text, rules), raw, article);
}

/**
 * What the wording alone tells of `unquotableReason` (all but the headline rule, which reads
 * the article): the same for every copy of one text, so it can be worked out once per text.
 */
export interface WordingChecks {
  /** The first reason found before the headline rule (overlong … open quotation), or null. */
  early: Unquotable | null;
  /** The text's words, as the headline rule reads them. */
  words: string[];
  /** The text is page furniture (the rule after the headline rule). */
  furniture: boolean;
  /** The raw text's words only (`wordsOnly`), as compared with the title; '' when not needed. */
  plain: string;
}

export function wordingChecks(raw: string, text: string, rules: QuotableRules): WordingChecks {
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const early = earlyReason(raw, text, words, rules);
  if (early) return { early, words, furniture: false, plain: '' };
  return {
    early,
    words,
    furniture: furnitureKind(text, rules.lexicon) !== null,
    plain: wordsOnly(raw.trim()),
  };
}

function earlyReason(
  raw: string,
  text: string,
  words: string[],
  rules: QuotableRules,
): Unquotable | null {
  if (words.length > rules.maxWords) return 'overlong';
  if (isDegenerate(words)) return 'degenerate';
  if (isFragment(raw)) return 'fragment';
  const quotes = quoteMarks(text);
  if (quotes.opensUnclosed || quotes.closesUnopened) return 'open quotation';
  return null;
}

/** `unquotableReason` from the wording's checks and the article (for the headline rule). */
export function unquotableIn(
  checks: WordingChecks,
  raw: string,
  article: ArticleRecord,
): Unquotable | null {
  if (checks.early) return checks.early;
  if (isHeadline(raw, checks.words, checks.plain, article)) return 'headline';
  return checks.furniture ? 'furniture' : null;
}

// ── Degenerate text ──

/** A token this long is a URL, a hash or a run of glued words, not prose. */
const longToken = 40;

/**
 * Repetitive or broken text: "Russia and China and China and China …", a sentence that is
 * mostly one word, a token of 40 characters or more.
 */
export function isDegenerate(words: string[]): boolean {
  if (words.some((word) => word.length >= longToken && word.split('/').some(isLong))) return true;
  if (words.length < 6) return false;
  const lower = words.map((word) => word.toLowerCase());
  const counts = new Map<string, number>();
  let most = 0;
  for (const word of lower) {
    const count = (counts.get(word) ?? 0) + 1;
    counts.set(word, count);
    if (word.length > 3 && count > most) most = count;
  }
  // One word making up a third of the sentence.
  if (most >= 4 && most / lower.length > 0.3) return true;
  // A sentence repeats a three-word phrase now and then; half of it repeated is a loop (only a
  // sentence of few distinct words can be one).
  if (lower.length < 8 || counts.size / lower.length > 0.6) return false;
  const trigrams = new Set<string>();
  for (let i = 0; i + 3 <= lower.length; i++)
    trigrams.add(`${lower[i]} ${lower[i + 1]} ${lower[i + 2]}`);
  return trigrams.size / (lower.length - 2) < 0.5;
}

function isLong(piece: string): boolean {
  return piece.length >= longToken;
}

// ── Fragments and quotation marks ──

/**
 * Not the start of a sentence: a lower-case start, a list bullet, a leading ellipsis, or a line
 * cut off after a function word ("… robbing the world of").
 */
export function isFragment(raw: string): boolean {
  const text = raw.trim();
  if (/^(?:[-–—•*·▪►‣◦]|\.\.|…)/u.test(text)) return true;
  if (/^\p{Ll}/u.test(text)) return true;
  return (
    !/[.!?…"”’»)\]]$/u.test(text) &&
    /\b(?:the|a|an|of|to|and|or|in|on|for|with|by|at|from|that|its|their|his|her)$/i.test(text)
  );
}

export interface QuoteMarks {
  /** A quotation opens and does not close in the text. */
  opensUnclosed: boolean;
  /** A quotation closes that did not open in the text (it starts mid-quotation). */
  closesUnopened: boolean;
  /** Any double quotation mark at all. */
  any: boolean;
}

/**
 * How the double quotation marks of a text pair up. Curly and guillemet marks say which way
 * they face; a straight mark opens after a space or at the start and closes otherwise, so
 * `Unfortunately, the deal is over," the spokesman said.` closes a quotation it never opened.
 */
export function quoteMarks(text: string): QuoteMarks {
  let open = 0;
  let closesUnopened = false;
  let any = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '“' && c !== '”' && c !== '«' && c !== '»' && c !== '"') continue;
    any = true;
    let opening = c === '“' || c === '«';
    if (c === '"') {
      const before = i === 0 ? ' ' : (text[i - 1] as string);
      const after = text[i + 1] ?? ' ';
      opening = /[\s([{—–-]/u.test(before) && !/\s/u.test(after);
      if (opening && open > 0 && !/\s/u.test(before)) opening = false;
    }
    if (opening) open++;
    else if (open > 0) open--;
    else closesUnopened = true;
  }
  return { opensUnclosed: open > 0, closesUnopened, any };
}

// ── Headlines printed as lines ──

/**
 * A headline line: the article's own title (unless the title was cut from this very lead), or
 * a short line without a sentence's closing punctuation ("Russia hits port in Odesa"), or a
 * line in title case.
 */
function isHeadline(raw: string, words: string[], plain: string, article: ArticleRecord): boolean {
  const text = raw.trim();
  const titledFromLead = article.provenance.title === 'lead-sentence';
  if (!titledFromLead && plain.length > 0 && plain === titleWords(article.title)) return true;
  if (/[.!?…"”’»)\]]$/u.test(text)) return false;
  if (words.length <= 16) return true;
  const capitalised = words.filter((word) => startsUpper(word)).length;
  return capitalised / words.length > 0.6;
}

/** A text's letters and digits, lower case, single-spaced. */
function wordsOnly(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let lastTitle: { title: string; words: string } | null = null;

/** `wordsOnly` of a title, remembered for the article's next sentences (all are compared with it). */
function titleWords(title: string): string {
  if (lastTitle?.title !== title) lastTitle = { title, words: wordsOnly(title) };
  return lastTitle.words;
}

// ── Page furniture ──

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const FULL_DATE = `(?:${MONTH}\\.?\\s+${DAY},?\\s+\\d{4}|${DAY}\\s+${MONTH}\\.?,?\\s+\\d{4})`;
const SHORT_DATE = `(?:${MONTH}\\.?\\s+${DAY}|${DAY}\\s+${MONTH}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})`;

/** A line that is only a date: a page header ("Monday, July 17, 2023"). */
const dateOnly = new RegExp(`^\\W*(?:${WEEKDAY},?\\s+)?${FULL_DATE}\\W*$`, 'i');
/** A time with a date beside it, a time opening the line, "2 hours ago", "3 min read". */
const clock = new RegExp(
  [
    `${FULL_DATE}\\s*[|,·•–-]?\\s*(?:at\\s+)?\\d{1,2}:\\d{2}`,
    `\\d{1,2}:\\d{2}\\s*(?:[ap]\\.?m\\.?)?\\s*(?:[A-Z]{2,4}\\s*)?[|,·•]\\s*(?:${MONTH}|${WEEKDAY}|\\d)`,
    '^\\W*\\d{1,2}:\\d{2}\\b',
    '\\b\\d+\\s+(?:hours?|minutes?|mins?)\\s+ago\\b',
    '\\b\\d+\\s+min(?:ute)?s?\\s+read\\b',
  ].join('|'),
  'i',
);
const stampedDate = new RegExp(
  `^\\s*:?\\s*(?:on\\s+|at\\s+)?(?:${SHORT_DATE}|\\d{1,2}:\\d{2})`,
  'i',
);
/** A caption ending on its place and date: "…, Odesa, Ukraine, July 21, 2023." */
const placeAndDate = new RegExp(
  `,\\s*(?:\\p{Lu}[\\p{L}.'’-]*\\s*){1,3},?\\s*(?:on\\s+)?(?:today|yesterday|${FULL_DATE})\\s*\\.?$`,
  'u',
);
const byline = /^(?:By|BY)\s+(\p{Lu}[\p{L}.'’-]+)(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}\s*(?:$|[,|•·–—-])/u;
const handle = /\(@\w{2,}\)|pic\.twitter\.com|\bt\.co\/|(?:^|\s)@\w{2,}\s*(?:[)|·•]|$)/u;
const linkOpening = /^\W*((?:[\p{L}’']+\s+){0,2}[\p{L}’']+)\s*(?:[:|–—›»…]|-\s|\.\.\.)/u;
const secondPerson = new Set(['you', 'your', 'our', 'us']);

/**
 * What kind of page furniture the text is, or null: a photo caption or credit, a link or
 * "read also" line, a page timestamp or header date, a byline or a tweet's signature, a prompt
 * to share, follow or subscribe. The words that mark them are data (`lexicon.yaml`).
 */
/** Regular expressions built once per lexicon from its word lists. */
interface LexiconPatterns {
  timestamp: RegExp;
  prompt: RegExp;
  pronounAttribution: RegExp;
}

const compiled = new WeakMap<Lexicon, LexiconPatterns>();

function patternsOf(lexicon: Lexicon): LexiconPatterns {
  let patterns = compiled.get(lexicon);
  if (!patterns) {
    const any = (words: Iterable<string>) => [...words].map(escapeRegExp).join('|');
    const verbs = [...lexicon.speechVerbs].filter((verb) => verb !== 'according');
    patterns = {
      timestamp: new RegExp(`\\b(?:${any(lexicon.timestampWords)})\\b`, 'giu'),
      prompt: new RegExp(
        `\\b(?:${any([...lexicon.promptVerbs, ...lexicon.promptObjects])})\\b`,
        'iu',
      ),
      pronounAttribution: new RegExp(
        [
          `(?:^|[\\s,;:“”"(])(?:he|she|they|it)\\s+(?:(?:also|later|then|further|earlier|again|has|had|have|reportedly)\\s+){0,2}(?:${any(verbs)})\\b`,
          // "…,” he went on": any verb after a closing quotation mark.
          '[,.!?…]\\s*[”"]\\s*(?:he|she|they|it)\\s+\\p{L}',
        ].join('|'),
        'iu',
      ),
    };
    compiled.set(lexicon, patterns);
  }
  return patterns;
}

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function furnitureKind(text: string, lexicon: Lexicon): string | null {
  if (isCredit(text, lexicon)) return 'caption credit';
  if (isCaptionWithPlaceAndDate(text, lexicon)) return 'caption';
  if (isLinkLine(text, lexicon)) return 'link line';
  if (isTimestamp(text, lexicon)) return 'timestamp';
  if (isByline(text) || handle.test(text) || isBylineCredit(text, lexicon)) return 'byline';
  if (isPrompt(text, lexicon)) return 'prompt';
  return null;
}

function lowerWords(text: string): string[] {
  return tokenize(text).map((token) => token.lower);
}

/** "FILE PHOTO:", "Graphic: Name/AFP", "REUTERS/Name", "(Name/Pool Photo via AP/File)", "[Name – Agency]". */
function isCredit(text: string, lexicon: Lexicon): boolean {
  const { creditWords, agencyNames } = lexicon;
  for (const match of text.matchAll(/\b(\p{Lu}[\p{L}]*)\s*:/gu))
    if (creditWords.has((match[1] as string).toLowerCase())) return true;
  for (const match of text.matchAll(/\b([\p{L}]+)\/\p{Lu}/gu)) {
    const word = (match[1] as string).toLowerCase();
    if (agencyNames.has(word) || creditWords.has(word)) return true;
  }
  for (const match of text.matchAll(/\[([^[\]]{2,120})\]/gu))
    if (/[/–—]|\s-\s/u.test(match[1] as string)) return true;
  for (const match of text.matchAll(/\(([^()]{2,120})\)/gu)) {
    const inside = match[1] as string;
    const credited = lowerWords(inside).some((w) => creditWords.has(w) || agencyNames.has(w));
    if (credited && (/[/:–—]/u.test(inside) || /\bvia\b/iu.test(inside))) return true;
  }
  return false;
}

/** "A building damaged in a strike in Odesa, Ukraine, today." — no finite verb of its own. */
function isCaptionWithPlaceAndDate(text: string, lexicon: Lexicon): boolean {
  if (!placeAndDate.test(text)) return false;
  return !lowerWords(text).some(
    (word) => auxiliaryVerbs.has(word.replace(/['’]/g, '')) || lexicon.speechVerbs.has(word),
  );
}

/** "READ MORE: …", "Also watch | …", "CLICK – …", "Don’t miss… …", "Home | World | Europe". */
function isLinkLine(text: string, lexicon: Lexicon): boolean {
  if (/\bCLICK\b/u.test(text) || /[›»]\s*$/u.test(text)) return true;
  if (/(?:\s\|\s[^|]*){2,}/u.test(text)) return true;
  const opening = linkOpening.exec(text);
  if (!opening) return false;
  return lowerWords(opening[1] as string).every((word) => lexicon.linkWords.has(word));
}

/** "Published July 17, 2023 | 08:36 PM", "Last update: …", "Monday, July 17, 2023", "1 hour ago". */
function isTimestamp(text: string, lexicon: Lexicon): boolean {
  if (dateOnly.test(text) || clock.test(text)) return true;
  for (const match of text.matchAll(patternsOf(lexicon).timestamp)) {
    const end = (match.index ?? 0) + match[0].length;
    if (stampedDate.test(text.slice(end, end + 40))) return true;
  }
  return false;
}

/** "By Jane Doe", "BY REUTERS" (not "By Monday, …"). */
function isByline(text: string): boolean {
  const match = byline.exec(text);
  return !!match && !calendarWords.has((match[1] as string).toLowerCase());
}

/** "Reporting by …; Editing by …". */
function isBylineCredit(text: string, lexicon: Lexicon): boolean {
  for (const match of text.matchAll(/\b(\p{L}+)\s+by\s+\p{Lu}/gu))
    if (lexicon.bylineWords.has((match[1] as string).toLowerCase())) return true;
  return false;
}

/** "Follow her on Twitter", "Sign up for our newsletter", "Your browser does not support …". */
function isPrompt(text: string, lexicon: Lexicon): boolean {
  if (!patternsOf(lexicon).prompt.test(text)) return false;
  const words = lowerWords(text);
  if (words.length > 20 || quoteMarks(text).any) return false;
  const { promptVerbs, promptObjects } = lexicon;
  if (!words.some((word) => promptVerbs.has(word) || promptObjects.has(word))) return false;
  return promptVerbs.has(words[0] ?? '') || words.some((word) => secondPerson.has(word));
}

// ── Speakers ──

/**
 * Whether the text gives its speaker only as a pronoun: "…,” he stressed", "Responding to X,
 * he said …", "…, they said in a communique", "…,” he went on".
 */
export function hasPronounAttribution(text: string, lexicon: Lexicon): boolean {
  return patternsOf(lexicon).pronounAttribution.test(text);
}
