const wordCharacter = /[\p{L}\p{N}]/u;

/** The end of a whole word, to write after a pattern `wordStartMatches` scans with. */
export const wordEnd = '(?![\\p{L}\\p{N}])';

/** Whether the code point just before `index` is a letter or a digit. */
function wordCharacterBefore(text: string, index: number): boolean {
  if (index === 0) return false;
  const low = text.charCodeAt(index - 1);
  const pair =
    low >= 0xdc00 &&
    low <= 0xdfff &&
    index >= 2 &&
    (text.charCodeAt(index - 2) & 0xfc00) === 0xd800;
  return wordCharacter.test(text.slice(pair ? index - 2 : index - 1, index));
}

/**
 * The matches of `pattern` (global, unicode) that start a word: no letter or digit just before.
 * The same matches, in the same order, as the pattern with `(?<![\p{L}\p{N}])` in front, found
 * 2–4× faster on long texts of many alternatives: V8 tries a leading look-behind at every
 * position of the text, before it can skip to where an alternative may begin. A match that
 * does not start a word is skipped and the search goes on from the next character, as the
 * look-behind would have it. The search keeps its place in `pattern.lastIndex`: one pattern
 * serves one of these loops at a time.
 */
export function* wordStartMatches(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  if (!pattern.global) throw new TypeError(`wordStartMatches needs a global pattern: ${pattern}`);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '' || wordCharacterBefore(text, match.index)) {
      pattern.lastIndex = match.index + ((text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1);
      continue;
    }
    yield match;
  }
}
