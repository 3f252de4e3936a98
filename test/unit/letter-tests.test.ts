import { describe, expect, it } from 'vitest';
import {
  hasTwoLetters,
  startsUpper,
  startsWithLetter,
  withoutMarks,
} from '../../functions/text/letter-tests';

describe('tests on the letters of a word', () => {
  it('tells a capitalised word in any script', () => {
    for (const word of ['Lavrov', 'Ёлка', 'Łódź', 'Über'])
      expect(startsUpper(word), word).toBe(true);
    for (const word of ['lavrov', 'ёлка', '12', '«Lavrov»', ''])
      expect(startsUpper(word), word).toBe(false);
  });

  it('tells a word from a number, an initial or a sign', () => {
    expect(startsWithLetter('ünal')).toBe(true);
    expect(startsWithLetter('2023')).toBe(false);
    expect(hasTwoLetters('Al-Bawaba')).toBe(true);
    for (const text of ['A.', '3', 'J. R.', '—']) expect(hasTwoLetters(text), text).toBe(false);
  });

  it('takes the accents off a decomposed text, every time it is asked', () => {
    expect(withoutMarks('Café Zürich'.normalize('NFD'))).toBe('Cafe Zurich');
    // The shared global pattern keeps no position between calls.
    expect(withoutMarks('é'.normalize('NFD'))).toBe('e');
    expect(withoutMarks('ü'.normalize('NFKD'))).toBe('u');
  });
});
