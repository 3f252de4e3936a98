// Type declarations for the two small text libraries that ship none.

declare module 'stopword' {
  /** Removes the given stop words (English by default) from a list of words. */
  export function removeStopwords(words: string[], stopwords?: string[]): string[];
  /** English stop words; every other list is keyed by its ISO 639-3 code (`fra`, `spa`…). */
  export const eng: string[];
}

declare module 'wink-porter2-stemmer' {
  /** The Porter2 stem of an English word ("negotiations" → "negoti"). */
  export default function stem(word: string): string;
}
