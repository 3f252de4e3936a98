import { franc } from 'franc-min';
import * as stopwords from 'stopword';
import type { ArticleRecord, OtherLanguageArticle } from '../model/types';
import type { ReferenceData } from '../reference/reference-data';
import { iso6393 } from '../text/language-codes';
import type { Candidate } from './candidate-items';

/** An "In other languages" entry names the article's most salient actors, not all of them. */
const maxActors = 6;
/** Below this many words a sentence's language is not guessed: names and numbers mislead. */
const minWords = 8;

type LanguageFields = Pick<ArticleRecord, 'language'> &
  Partial<Pick<ArticleRecord, 'text' | 'provenance'>>;

const toIso6391 = new Map(
  iso6393.filter((l) => l.iso6391).map((l) => [l.iso6393, l.iso6391 as string]),
);
const checked = new WeakMap<object, string>();

/**
 * The article's language, ISO 639-1: its `language`, except that a page declaring English
 * (`<html lang="en">` on a French page, as site templates do) is read again: when its text is
 * clearly in another language, that language. Undetermined counts as English.
 */
export function articleLanguage(article: LanguageFields): string {
  const declared = article.language?.trim().toLowerCase() || 'und';
  if (declared !== 'en' || !article.text || article.provenance?.language === 'detected')
    return declared;
  const known = checked.get(article);
  if (known) return known;
  const sample = article.text.slice(0, 4000);
  const words = sample.match(/\p{L}+/gu) ?? [];
  let plain = 0;
  for (const word of words) if (plainlyEnglish.has(word)) plain++;
  // English prose has one of these words in ten; only a text nearly without them is checked.
  if (plain >= words.length * 0.03) {
    checked.set(article, declared);
    return declared;
  }
  const detected = toIso6391.get(franc(sample, { minLength: 200 }));
  const language = detected && detected !== 'en' ? detected : declared;
  checked.set(article, language);
  return language;
}

/** True when the article is in a language other than English (undetermined counts as English). */
export function isOtherLanguage(article: LanguageFields): boolean {
  const language = articleLanguage(article);
  return language !== '' && language !== 'en' && language !== 'und';
}

const names = new Map<string, string>();
for (const language of iso6393) {
  // "Modern Greek (1453-)" → "Modern Greek"; "Spanish; Castilian" → "Spanish".
  const name = language.name.replace(/\s*[(;].*$/, '').trim();
  if (language.iso6391) names.set(language.iso6391, name);
  names.set(language.iso6393, name);
}

/** The English name of a language code (ISO 639-1 or 639-3): `fr` → "French"; the code if unknown. */
export function languageName(code: string): string {
  return names.get(code.trim().toLowerCase()) ?? code;
}

/**
 * "In other languages": every article not in English, with its title as written, its language
 * (code and English name), its source and its most salient actors. They are never quoted, but
 * their actors and stories count like any other article's.
 */
export function otherLanguageArticles(
  articles: ArticleRecord[],
  reference: ReferenceData,
): OtherLanguageArticle[] {
  return articles.filter(isOtherLanguage).map((article) => ({
    id: article.id,
    key: article.key,
    title: article.title,
    language: articleLanguage(article),
    languageName: languageName(articleLanguage(article)),
    source: article.source,
    actors: article.actors
      .filter((id) => reference.actors.has(id))
      .slice(0, maxActors)
      .map((id) => ({ id, name: reference.actors.get(id)?.name ?? id })),
  }));
}

/** Function words per ISO 639-3 code, from the `stopword` package. */
const functionWords = new Map<string, Set<string>>();
for (const [code, list] of Object.entries(stopwords))
  if (/^[a-z]{3}$/.test(code) && Array.isArray(list))
    functionWords.set(code, new Set((list as string[]).map((word) => word.toLowerCase())));
const english = functionWords.get('eng') ?? new Set<string>();
/** The function words of every other language that English lacks. */
const foreignFunctionWords = new Set<string>();
for (const [code, words] of functionWords)
  if (code !== 'eng')
    for (const word of words) if (!english.has(word)) foreignFunctionWords.add(word);
/** What is left of "Russia's", "don't" once split into letters. */
const englishClitics = new Set(['s', 't']);
/**
 * Words that only English writes in lower case ("in", "an", "on" are German or French too), so
 * common that an English sentence of 8 words or more nearly always has two of them, one word
 * in ten: enough to skip the detector, which takes a third of a millisecond a sentence.
 */
const plainlyEnglish = new Set(
  [
    'the and of to was were with that this for from by has have had said will would which who',
    'its their they he she his been are after about it not but over into than more since during',
    'against be',
  ]
    .join(' ')
    .split(' '),
);

/**
 * The language of a sentence when it is clearly not English, as an ISO 639-3 code, else null.
 * With care, since short sentences and names mislead a detector: only sentences of at least
 * 8 words; mostly in a non-Latin script, or called another language by franc and carrying at
 * least two function words of that language that English lacks ("le", "de", "que") and more
 * of them than of English ones.
 */
export function foreignLanguageOf(text: string): string | null {
  const words = text.match(/\p{L}+/gu) ?? [];
  if (words.length < minWords) return null;
  let plain = 0;
  for (const word of words) if (plainlyEnglish.has(word)) plain++;
  if (plain >= 2 && plain >= words.length * 0.1) return null;
  const letters = words.join('');
  const latin = (letters.match(/\p{Script=Latin}/gu) ?? []).length;
  // In Latin script, whatever franc says, the rules below find no other language in a sentence
  // that lacks the function words they count: it is not asked (it is the dear part).
  if (latin >= letters.length / 2 && !mayBeForeign(words)) return null;
  const detected = franc(text, { minLength: 10 });
  if (latin < letters.length / 2) return detected === 'eng' ? null : detected;
  if (detected === 'eng' || detected === 'und' || detected === 'sco') return null;
  const theirs = functionWords.get(detected);
  let ownWords = 0;
  let englishWords = 0;
  words.forEach((word, index) => {
    if (!isFunctionWordForm(word, index)) return;
    const lower = word.toLowerCase();
    const inTheirs = theirs?.has(lower) ?? false;
    const inEnglish = english.has(lower);
    if (inTheirs && !inEnglish) ownWords++;
    else if (inEnglish && !inTheirs) englishWords++;
  });
  if (!theirs) return englishWords === 0 && words.length >= 12 ? detected : null;
  return ownWords >= 2 && ownWords > englishWords ? detected : null;
}

/**
 * A word that may be a function word: written in lower case (but it may open the sentence);
 * "UN" is not "un", and the "s" of "Russia's" is no French "s'".
 */
function isFunctionWordForm(word: string, index: number): boolean {
  if (word !== word.toLowerCase() && (index > 0 || word === word.toUpperCase())) return false;
  return !englishClitics.has(word);
}

/**
 * Whether `foreignLanguageOf` could call a Latin-script sentence foreign, whichever language
 * franc detects: two function words of some other language that English lacks (an upper bound
 * of `ownWords` for every language), or no English function word in 12 words or more.
 */
function mayBeForeign(words: string[]): boolean {
  let foreign = 0;
  let englishWords = 0;
  words.forEach((word, index) => {
    if (!isFunctionWordForm(word, index)) return;
    const lower = word.toLowerCase();
    if (foreignFunctionWords.has(lower)) foreign++;
    else if (english.has(lower)) englishWords++;
  });
  return foreign >= 2 || (englishWords === 0 && words.length >= 12);
}

/**
 * The brief quotes only English: a sentence that only articles in other languages carry, or
 * that is itself not English (a French sentence quoted whole in an English article), is not
 * quotable. It still counts for stories and the heat map.
 */
export function keepEnglishOnly(
  candidates: Candidate[],
  articles: ReadonlyMap<string, ArticleRecord>,
): void {
  for (const candidate of candidates) {
    if (!candidate.quotable) continue;
    const english = candidate.sources.some((id) => {
      const article = articles.get(id);
      return article !== undefined && !isOtherLanguage(article);
    });
    if (!english || foreignLanguageOf(candidate.text) !== null) candidate.quotable = false;
  }
}
