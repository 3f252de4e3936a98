import { describe, expect, it } from 'vitest';
import { wordStartMatches } from '../../functions/text/word-start-matches';

const alternatives = '(premier\\s+league)|(league)|(goal[\\p{L}\\p{N}-]*)|(ab)|(b)|(é)';
const wordEnd = '(?![\\p{L}\\p{N}])';

/** What the same alternatives find with the look-behind written in the pattern. */
function withLookBehind(text: string): [number, string, number][] {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})${wordEnd}`, 'giu');
  return [...text.matchAll(pattern)].map((match) => [
    match.index ?? -1,
    match[0],
    match.findIndex((group, i) => i > 0 && group !== undefined),
  ]);
}

function found(text: string): [number, string, number][] {
  const pattern = new RegExp(`(?:${alternatives})${wordEnd}`, 'giu');
  return [...wordStartMatches(text, pattern)].map((match) => [
    match.index,
    match[0],
    match.findIndex((group, i) => i > 0 && group !== undefined),
  ]);
}

describe('wordStartMatches', () => {
  it('finds only matches that start a word, with the alternative that matched', () => {
    const text = 'Premier League: the league, a Bundesleague side, 2league, goals-galore GOAL.';
    expect(found(text)).toEqual([
      [0, 'Premier League', 1],
      [20, 'league', 2],
      [58, 'goals-galore', 3],
      [71, 'GOAL', 3],
    ]);
  });

  it('goes on after a match inside a word, as the look-behind would: "xab ab" and "aab b"', () => {
    expect(found('xab ab')).toEqual([[4, 'ab', 4]]);
    // Inside "aab" the pattern first meets "ab" at 1; the word "b" after the space still counts.
    expect(found('aab b')).toEqual([[4, 'b', 5]]);
  });

  it('reads the character before a match as a whole code point (letters and digits beyond the BMP)', () => {
    // U+1D400 MATHEMATICAL BOLD CAPITAL A is a letter; U+1F600 is no letter; U+1D7CE is a digit.
    expect(found('\u{1D400}league \u{1F600}league \u{1D7CE}league')).toEqual([[11, 'league', 2]]);
    expect(found('\u{1F600}league')).toEqual(withLookBehind('\u{1F600}league'));
  });

  it('refuses a pattern without the global flag, which would find its first match forever', () => {
    expect(() => [...wordStartMatches('league', /league/u)]).toThrow(TypeError);
  });

  it('equals the look-behind pattern on random texts', () => {
    const pieces = [
      'a',
      'b',
      'é',
      ' ',
      '-',
      '1',
      'league',
      'goal',
      'premier ',
      '\u{1D400}',
      '\u{1F600}',
      '\u0301',
      '.',
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed;
    };
    for (let run = 0; run < 3_000; run++) {
      const length = next() % 12;
      const text = Array.from({ length }, () => pieces[next() % pieces.length]).join('');
      expect(found(text), JSON.stringify(text)).toEqual(withLookBehind(text));
    }
  });
});
