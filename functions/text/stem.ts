import stem from 'wink-porter2-stemmer';

const cache = new Map<string, string>();

/**
 * The Porter2 stem of a lower-case word ("talks", "talking" → "talk"), memoised: a day's
 * articles repeat the same few thousand words.
 */
export function stemOf(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    if (cache.size > 50_000) cache.clear();
    stemmed = stem(word);
    cache.set(word, stemmed);
  }
  return stemmed;
}

/** A token's words: "trade-war" is "trade", "war"; "UN-brokered" is "un", "brokered". */
export function wordParts(lower: string): string[] {
  return lower.includes('-') ? lower.split('-').filter(Boolean) : [lower];
}
