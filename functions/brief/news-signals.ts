import type { ArticleRecord } from '../model/types';
import type { EventKind, NewsValue } from '../reference/reference-data';

/**
 * What a sentence tells about news value, read with the cues of
 * `functions/data/news-value.yaml`: the kind of event it reports, and whether it gives a view
 * or history rather than what happened.
 */
export interface NewsSignals {
  /** The heaviest kind of event the sentence names, or null. */
  kind: EventKind | null;
  /** A view, a guess or a question, not a reported event. */
  opinion: boolean;
  /** What happened before, not today's event ("In 2022, …", "has long …"). */
  background: boolean;
}

/** "In 2022," / "In July 2021," / "Since 2014," / "Back in 2019," at the start of a sentence. */
const openingYear =
  /^(?:back\s+)?(?:in|since|by|during)\s+(?:(?:early|late|mid-?)\s*)?(?:\p{L}+\s+)?((?:19|20)\d\d)\b/iu;

const signalsOf = new WeakMap<
  object,
  { text: string; news: NewsValue; editionYear: number; signals: NewsSignals }
>();

/**
 * `newsSignals` of an item's text, remembered with the item (a candidate is weighed for its
 * salience and again as its story's statement).
 */
export function itemNewsSignals(
  item: { readonly text: string },
  news: NewsValue,
  editionYear: number,
): NewsSignals {
  const known = signalsOf.get(item);
  if (known && known.text === item.text && known.news === news && known.editionYear === editionYear)
    return known.signals;
  const signals = newsSignals(item.text, news, editionYear);
  signalsOf.set(item, { text: item.text, news, editionYear, signals });
  return signals;
}

export function newsSignals(text: string, news: NewsValue, editionYear: number): NewsSignals {
  const opening = openingYear.exec(text.trim());
  return {
    kind: kindOf(text, news),
    opinion: /\?["”’)]*\s*$/.test(text.trim()) || (news.opinion?.test(text) ?? false),
    background:
      (opening !== null && Number(opening[1]) < editionYear) ||
      (news.background?.test(text) ?? false),
  };
}

/** The heaviest kind whose cue the text carries (kinds are sorted heaviest first). */
export function kindOf(text: string, news: NewsValue): EventKind | null {
  for (const kind of news.kinds) if (kind.pattern.test(text)) return kind;
  return null;
}

/** How reliable a report is: 2 for a news agency, 1 for a named outlet, 0 for an unknown one. */
export function reliability(article: ArticleRecord | undefined, news: NewsValue): number {
  const source = article?.source?.trim().toLowerCase();
  if (!source) return 0;
  return news.agencies.has(source) ? 2 : 1;
}

/** The share of a sentence's letters that stand inside quotation marks. */
export function quotedShare(text: string): number {
  const letters = letterCount;
  const total = letters(text);
  if (total === 0) return 0;
  let quoted = 0;
  for (const match of text.matchAll(/[“"«„]([^”"»“]*)(?:[”"»]|$)/gu))
    quoted += letters(match[1] ?? '');
  return quoted / total;
}

/** How many letters (code points of \p{L}) a text has, without an array of them. */
function letterCount(text: string): number {
  const letters = text.replace(/\P{L}+/gu, '');
  let pairs = 0;
  // A letter beyond the first plane is two UTF-16 units.
  for (let i = 0; i < letters.length; i++) {
    const unit = letters.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) pairs++;
  }
  return letters.length - pairs;
}
