import type { ParsedComponents } from 'chrono-node';
import * as chrono from 'chrono-node/en';
import { parseDay } from './parse-day';
import type { Found } from './raw-article';

export interface PublishedDate {
  value: string;
  from: string;
  inferred: boolean;
}

export interface DateEvidence {
  /** A full date from the upload's metadata, a "date" line, JSON-LD… */
  declared: Found | null;
  /**
   * Days the page's own date lines state (`published-line`, `updated-line`, `byline-line`,
   * `date-under-title`, `page-header-date`), as `YYYY-MM-DD`.
   */
  dateLines?: Found[];
  url: string | null;
  /** The dateline's day, possibly without a year ("August 30"). */
  datelineDay: string | null;
  paragraphs: string[];
  /** When the upload was received: a publication date is never after it. */
  receivedAt: Date;
}

const urlDatePath = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:\/|$|[-_])/;

/** The article's own date lines, most trustworthy first; a page header's date comes last. */
const dateLineRank = ['published-line', 'updated-line', 'byline-line', 'date-under-title'];

/**
 * The publication date, from the most to the least trustworthy evidence: declared metadata, the
 * article's own date lines ("Published: …", "Updated: …", a byline's date, a date under the
 * headline), a date in the URL path, the dateline (a year-less dateline takes its year from
 * the page's date lines, else the text's own latest full date not after it, else the most
 * recent such day before the upload, and is marked inferred), a date in the page's header
 * unless the text says otherwise, then a full date in the lead. Never a day after the upload.
 */
export function resolvePublishedDate(evidence: DateEvidence): PublishedDate | null {
  const latest = isoDay(evidence.receivedAt);
  // A real calendar day, not after the upload: "date 2021-02-30" or /2021/02/31/ is no date.
  const notFuture = (day: string | null) =>
    day && isCalendarDay(day) && day <= latest ? day : null;

  const declared = notFuture(normaliseDay(evidence.declared?.value ?? null, evidence.receivedAt));
  if (declared && evidence.declared) {
    return { value: declared, from: evidence.declared.from, inferred: false };
  }
  const lines = (evidence.dateLines ?? []).filter((line) => notFuture(line.value));
  for (const kind of dateLineRank) {
    const line = lines.find((candidate) => candidate.from === kind);
    if (line) return { value: line.value, from: line.from, inferred: false };
  }
  const fromUrl = notFuture(urlDay(evidence.url));
  if (fromUrl) return { value: fromUrl, from: 'url-path', inferred: false };

  // The text's full dates, read once and only when asked: chrono over every paragraph is the
  // costliest step here, and most uploads are dated before it is needed.
  let textDays: string[] | undefined;
  const textDaysOf = () => {
    textDays ??= fullDatesInAll(evidence.paragraphs, evidence.receivedAt).filter(
      (day) => isCalendarDay(day) && day <= latest,
    );
    return textDays;
  };
  if (evidence.datelineDay) {
    const anchors = lines.map((line) => line.value);
    const dated = datelineDate(evidence.datelineDay, textDaysOf, evidence.receivedAt, anchors);
    if (dated && notFuture(dated.value)) return dated;
  }
  const header = lines.find((line) => line.from === 'page-header-date');
  if (header && !contradicted(header.value, textDaysOf())) {
    return { value: header.value, from: header.from, inferred: false };
  }
  for (const paragraph of evidence.paragraphs.slice(0, 3)) {
    const full = fullDatesIn(paragraph, evidence.receivedAt).find((day) => day <= latest);
    if (full) return { value: full, from: 'lead-date', inferred: false };
  }
  return null;
}

/**
 * A page header's date the text contradicts: the text's dates all fall in earlier years (the
 * header shows the day the page was copied, a year after the article's "July 19, 2023").
 */
function contradicted(headerDay: string, textDays: string[]): boolean {
  if (textDays.length === 0) return false;
  const year = headerDay.slice(0, 4);
  return textDays.every((day) => day.slice(0, 4) < year);
}

/** `textDays()`: the text's full dates that are calendar days not after the upload. */
function datelineDate(
  dayText: string,
  textDays: () => string[],
  receivedAt: Date,
  pageDays: string[] = [],
): PublishedDate | null {
  const parsed = parseDay(dayText, receivedAt);
  if (!parsed) return null;
  const month = parsed.start.get('month');
  const day = parsed.start.get('day');
  if (!month || !day) return null;
  if (parsed.start.isCertain('year')) {
    return { value: componentsDay(parsed.start), from: 'dateline', inferred: false };
  }
  const monthDay = `${pad(month)}-${pad(day)}`;
  // A date line of the page with the same month and day gives the year ("July 25" + "July 25, 2023").
  const sameDay = pageDays.find((candidate) => candidate.slice(5) === monthDay);
  if (sameDay && sameDay <= isoDay(receivedAt)) {
    return { value: sameDay, from: 'dateline+year-from-page', inferred: false };
  }
  // Dates the text looks forward to ("elections on March 1, 2027") are no anchor.
  const textDates = [...textDays()].sort();
  const anchor = textDates[textDates.length - 1];
  const uploadYear = receivedAt.getUTCFullYear();
  const thisYear = `${uploadYear}-${monthDay}`;
  const recent = thisYear <= isoDay(receivedAt) ? thisYear : `${uploadYear - 1}-${monthDay}`;
  // A fresh upload: the day fell in the last weeks and after every date the text gives, so
  // "MOSCOW, July 25" uploaded on August 5 is this July's, however old the deal it recalls.
  const freshDays = (receivedAt.getTime() - Date.parse(`${recent}T00:00:00Z`)) / 86_400_000;
  if (anchor && (freshDays > freshUploadDays || recent < anchor)) {
    const year = Number(anchor.slice(0, 4));
    // The dated day is not before the text's latest full date, so it falls in that year or the next.
    const candidate = `${anchor.slice(0, 4)}-${monthDay}`;
    const value = candidate >= anchor ? candidate : `${year + 1}-${monthDay}`;
    if (value <= isoDay(receivedAt)) {
      return { value, from: 'dateline+year-from-text', inferred: true };
    }
  }
  return { value: recent, from: 'dateline+year-from-upload', inferred: true };
}

/** How recent a year-less dateline's day must be to be taken as this year's (see `datelineDate`). */
const freshUploadDays = 45;

/**
 * Every date in the text written with its year, as `YYYY-MM-DD`. A relative expression
 * ("today", "last week", "tonight") is no date of its own: chrono reads it as certain, but its
 * day is only the reference date's, so a date must be written with its year.
 */
function fullDatesInAll(paragraphs: string[], receivedAt: Date): string[] {
  // One paragraph at a time: chrono's refiners re-read the text before each date, so on a
  // whole text their cost grows with its length times its dates.
  return paragraphs.flatMap((paragraph) => fullDatesIn(paragraph, receivedAt));
}

function fullDatesIn(text: string, receivedAt: Date): string[] {
  // Only a text with a year written in it can hold such a date; most paragraphs have none, and
  // chrono is the costliest reader of a paragraph.
  if (!maybeWrittenYear.test(text)) return [];
  return chrono
    .parse(text, receivedAt)
    .filter(
      (result) =>
        result.start.isCertain('year') &&
        result.start.isCertain('day') &&
        writtenYear.test(result.text),
    )
    .map((result) => componentsDay(result.start));
}

/** A year written out: "2023", or the two-digit year of "17.07.23" or "7/17/23". */
const writtenYear = /\b(?:19|20)\d{2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2}\b/;
/**
 * `writtenYear` without its word boundaries: true of every text in which a date chrono reads
 * could pass `writtenYear` (a date's text is part of the text), so a cheap test before chrono.
 */
const maybeWrittenYear = /(?:19|20)\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2}/;

function urlDay(url: string | null): string | null {
  const match = url ? urlDatePath.exec(url) : null;
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}`;
}

/** Accepts ISO dates and date-times and other forms chrono reads with a certain year. */
function normaliseDay(value: string | null, receivedAt: Date): string | null {
  if (!value) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  return fullDatesIn(value, receivedAt)[0] ?? null;
}

/** Reads the parsed components, not `.date()`, so the machine's time zone cannot shift the day. */
function componentsDay(components: ParsedComponents): string {
  const year = components.get('year') ?? 0;
  return `${year}-${pad(components.get('month') ?? 1)}-${pad(components.get('day') ?? 1)}`;
}

function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoDay(date) === day;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
