import type * as chrono from 'chrono-node';
import { chronoWords } from './chrono-words';
import { type DayLocale, dayParsersByLocale } from './parse-day';

/**
 * A line of a page that is only a date or a time stamp, maybe after "Published", "Updated",
 * "Posted" or "Last update" and an author's name: "Monday, July 17, 2023", "Jul 18, 2023",
 * "Published : 18 July 2023, 10:14 AM", "Posted at 8:35 AM, Jul 18, 2023",
 * "2023-08-06 | 12:00", "Updated 12:30 GMT", "Jane Doe (@jdoe) Published July 17, 2023".
 */
export interface DateLine {
  /** `published` for "Published", "Posted", "Date"; `updated` for "Updated", "Last update". */
  kind: 'published' | 'updated' | 'date';
  /** The day as `YYYY-MM-DD` when the line writes it with its year; null for a time alone. */
  day: string | null;
  /** Words before the keyword (an author's name), or ''. */
  before: string;
}

const published =
  '(?:first\\s+published|published(?:\\s+on)?|posted(?:\\s+on|\\s+at)?|date|publié(?:\\s+le)?|publicado(?:\\s+el)?|veröffentlicht(?:\\s+am)?|pubblicato(?:\\s+il)?|опубликовано)';
const updated =
  '(?:last\\s+updated?(?:\\s+on|\\s+at)?|updated(?:\\s+on|\\s+at)?|modified|mis\\s+à\\s+jour(?:\\s+le)?|actualizado(?:\\s+el)?|aktualisiert(?:\\s+am)?|aggiornato(?:\\s+il)?|обновлено)';
const keyword = new RegExp(
  `(?<![\\p{L}])(?:(${published})|(${updated}))(?![\\p{L}])\\s*:?\\s*`,
  'iu',
);

/** Words that may stand around a date in a stamp: weekdays, "at", time zones, "am"/"pm". */
export const filler =
  /(?<![\p{L}])(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|at|on|le|el|am|um|uhr|à|a\.m\.|p\.m\.|am|pm|hrs?|gmt|utc|est|edt|cst|cdt|pst|pdt|ist|bst|cet|cest|eet|eest|msk|pkt|wat|cat|eat|sast|et|local time|time)(?![\p{L}])|[+-]\d{2}:?\d{2}\b|\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?|\b\d{1,2}\s*(?:am|pm)\b/giu;

const writtenYear = /\b(?:19|20)\d{2}\b/;

/** The line read as a date line, or null when it holds anything else. */
export function dateLineOf(line: string, reference: Date): DateLine | null {
  const text = line.trim();
  if (!text || text.length > 140 || !/\d/.test(text)) return null;
  const key = keyword.exec(text);
  const before = key ? text.slice(0, key.index).trim() : '';
  // An author's name may come before "Published"; anything longer is a sentence.
  if (before.split(/\s+/).filter(Boolean).length > 8) return null;
  const stamp = key ? text.slice(key.index + key[0].length) : text;
  const runs = letterRuns(stamp);
  const kind = key?.[1] ? 'published' : key?.[2] ? 'updated' : 'date';
  for (const [locale, parser] of Object.entries(dayParsersByLocale)) {
    if (!mayBeStampIn(runs, locale as DayLocale)) continue;
    const results = parser.parse(stamp, reference);
    if (results.length === 0) continue;
    let rest = stamp;
    for (const result of results) rest = rest.replace(result.text, ' ');
    rest = rest.replace(filler, ' ');
    if (/[\p{L}\p{N}]/u.test(rest)) continue;
    return { kind, day: dayOf(results), before };
  }
  // A time stamp with no day chrono reads ("Updated 12:30 GMT").
  if (key && !/[\p{L}\p{N}]/u.test(stamp.replace(filler, ' '))) return { kind, day: null, before };
  return null;
}

/**
 * The runs of letters of a stamp, folded (`foldLetters`); null when it names a `clock`: en reads
 * "o'clock" with any non-Latin letter for the apostrophe, so no run can be ruled out there.
 */
function letterRuns(stamp: string): string[] | null {
  if (/clock/i.test(stamp)) return null;
  return (stamp.match(/\p{L}+/gu) ?? []).map(foldLetters);
}

/**
 * Whether the locale's parser and the filler could leave nothing of a stamp, as the loop above
 * (and the time stamp after it) needs: a cheap test that spares chrono the captions, names,
 * links and sentences that reach it, and each locale the lines only another can read. chrono
 * takes a letter into a result only where one of its patterns spells it out (month, weekday and
 * unit names, "ago", time zones…), never an arbitrary one but in en's "o'clock". A result's text
 * is a piece of the line, so a run of letters that is wiped out is cut into whole runs of results
 * and of filler matches: it is a chain of the words those can hold (`chronoWords`, worked out for
 * each locale from its patterns, chrono's common ones and the filler by infra/chrono-words.ts). A
 * run that is no such chain stays, whatever that locale's parser reads of the line.
 */
function mayBeStampIn(runs: string[] | null, locale: DayLocale): boolean {
  return runs === null || runs.every((run) => isChainOfDateWords(run, locale));
}

/**
 * Letters one for one as chrono's case-insensitive patterns compare them: through upper case to
 * lower ("ſ" and "S" to "s", "ᲀ" and "В" to "в"), a letter whose case changes its length as it is,
 * and one beyond the BMP as U+FFFF (only "any letter" matches it).
 */
export function foldLetters(run: string): string {
  let folded = '';
  for (const letter of run) {
    if (letter.length > 1) {
      folded += '\uffff';
      continue;
    }
    const upper = letter.toUpperCase();
    const lower = (upper.length === 1 ? upper : letter).toLowerCase();
    folded += lower.length === 1 ? lower : letter;
  }
  return folded;
}

/**
 * Words, `·` in a word standing for any one letter (ru and uk write "г." for "г" and a letter),
 * and whether a run of letters is a chain of them: the pre-check's test, and how
 * infra/chrono-words.ts finds the fewest words that give every run.
 */
export class WordChains {
  private readonly exact = new Set<string>();
  private readonly anyLetter: string[] = [];
  private longest = 0;

  constructor(words: Iterable<string> = []) {
    for (const word of words) this.add(word);
  }

  add(word: string): void {
    if (!word) return;
    if (word.includes('·')) this.anyLetter.push(word);
    else this.exact.add(word);
    this.longest = Math.max(this.longest, word.length);
  }

  /** Whether `letters` is a chain of the words, found by the positions each chain reaches. */
  isChain(letters: string): boolean {
    const reached = new Uint8Array(letters.length + 1);
    reached[0] = 1;
    for (let from = 0; from < letters.length; from++) {
      if (!reached[from]) continue;
      const last = Math.min(letters.length, from + this.longest);
      for (let to = from + 1; to <= last; to++) {
        if (this.exact.has(letters.slice(from, to))) reached[to] = 1;
      }
      for (const word of this.anyLetter) {
        if (from + word.length > letters.length) continue;
        let matches = true;
        for (let k = 0; k < word.length && matches; k++) {
          matches = word[k] === '·' || word[k] === letters[from + k];
        }
        if (matches) reached[from + word.length] = 1;
      }
    }
    return reached[letters.length] === 1;
  }
}

const dateWords = Object.fromEntries(
  Object.entries(chronoWords).map(([locale, words]) => [
    locale,
    new WordChains(words.split(/\s+/)),
  ]),
) as Record<DayLocale, WordChains>;

/** Whether folded letters are a chain of the locale's `chronoWords`. */
export function isChainOfDateWords(letters: string, locale: DayLocale): boolean {
  return dateWords[locale].isChain(letters);
}

function dayOf(results: chrono.ParsedResult[]): string | null {
  const dated = results.find(
    (result) =>
      result.start.isCertain('year') &&
      result.start.isCertain('day') &&
      writtenYear.test(result.text),
  );
  if (!dated) return null;
  const pad = (n: number | null) => String(n ?? 1).padStart(2, '0');
  const { start } = dated;
  return `${start.get('year')}-${pad(start.get('month'))}-${pad(start.get('day'))}`;
}
