export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** The token was followed by a possessive 's / ’s, which is not part of `text`. */
  possessive: boolean;
}

// Initialisms with dots ("U.S.", "U.K."), then words with inner apostrophes or hyphens.
const tokenPattern = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Splits text into word tokens, keeping offsets and splitting possessives off. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    let word = match[0];
    let possessive = false;
    const apostrophe = /['’]s$/i.exec(word);
    if (apostrophe && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
    }
    const start = match.index ?? 0;
    tokens.push({
      text: word,
      lower: word.toLowerCase(),
      start,
      end: start + match[0].length,
      possessive,
    });
  }
  return tokens;
}

/** Tokens of an alias as written in the data files. */
export function aliasTokens(alias: string): string[] {
  return tokenize(alias).map((token) => token.text);
}

/**
 * The text between tokens `a` and `b`, trimmed: '' between adjacent words, ',' across a comma.
 * Before the first token it starts at the beginning of the text; past the last token it runs to
 * the end.
 */
export function gapBetween(text: string, tokens: readonly Token[], a: number, b: number): string {
  return text.slice(tokens[a]?.end ?? 0, tokens[b]?.start ?? text.length).trim();
}

/** The text between two tokens of one text, by their indices: see `gapBetween`. */
export type Gap = (a: number, b: number) => string;

/** `gapBetween` bound to one text and its tokens. */
export function gapsIn(text: string, tokens: readonly Token[]): Gap {
  return (a, b) => gapBetween(text, tokens, a, b);
}

/** The index of the nearest token before `from` that is not one of `skipped` (-1 when none is). */
export function indexBefore(
  tokens: readonly Token[],
  from: number,
  skipped: ReadonlySet<string>,
): number {
  let k = from - 1;
  while (k >= 0 && skipped.has(tokens[k]?.lower ?? '')) k--;
  return k;
}
