import * as lists from 'stopword';
import { iso6393 } from './language-codes';

const byIso6391 = new Map(
  iso6393.filter((l) => l.iso6391).map((l) => [l.iso6391 as string, l.iso6393]),
);
const cache = new Map<string, string[]>();

/**
 * Stop words of a language given as ISO 639-1 (`en`, `fr`), with English's always added
 * (English names and terms run through pages in every language); English alone when the
 * language has no list.
 */
export function stopwordsOf(language: string): string[] {
  const known = cache.get(language);
  if (known) return known;
  const code = byIso6391.get(language) ?? language;
  const own = (lists as unknown as Record<string, string[] | undefined>)[code];
  const words = own && code !== 'eng' ? [...lists.eng, ...own] : lists.eng;
  cache.set(language, words);
  return words;
}
