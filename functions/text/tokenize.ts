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
