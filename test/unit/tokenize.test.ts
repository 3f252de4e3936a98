import { describe, expect, it } from 'vitest';
import { gapBetween, gapsIn, indexBefore, tokenize } from '../../functions/text/tokenize';

describe('tokenize and the text between tokens', () => {
  const text = 'Hua Chunying, a spokesperson, said: “No.”';
  const tokens = tokenize(text);

  it('splits words and keeps possessives apart', () => {
    expect(tokens.map((token) => token.text)).toEqual([
      'Hua',
      'Chunying',
      'a',
      'spokesperson',
      'said',
      'No',
    ]);
    expect(tokenize("Russia's envoy")[0]).toMatchObject({ text: 'Russia', possessive: true });
  });

  it('reads the gap between two tokens, trimmed', () => {
    expect(gapBetween(text, tokens, 0, 1)).toBe('');
    expect(gapBetween(text, tokens, 1, 2)).toBe(',');
    expect(gapsIn(text, tokens)(4, 5)).toBe(': “');
  });

  it('runs from the start before the first token and to the end past the last', () => {
    expect(gapBetween(`— ${text}`, tokenize(`— ${text}`), -1, 0)).toBe('—');
    expect(gapBetween(text, tokens, 5, 6)).toBe('.”');
  });

  it('finds the word before a position, skipping the given words', () => {
    const words = tokenize('talks with the Russian side');
    expect(indexBefore(words, 3, new Set(['the', 'a', 'an']))).toBe(1);
    expect(indexBefore(words, 1, new Set(['talks']))).toBe(-1);
  });
});
