/**
 * Tests on the letters of a word, each pattern made once. A `\p{…}` regex written where it is
 * used is built again at every use once esbuild has lowered it to `new RegExp(…)` (as it does
 * for node 20, in the bundles and under tsx): these four were built 2.2 million times in a
 * desk's 1,000 articles, once a token.
 */
const upperFirst = /^\p{Lu}/u;
const letterFirst = /^\p{L}/u;
const twoLetters = /\p{L}{2}/u;
const combiningMarks = /\p{M}/gu;

/** "Lavrov", "Ёлка": the first character is an upper-case letter. */
export const startsUpper = (text: string): boolean => upperFirst.test(text);

/** The first character is a letter. */
export const startsWithLetter = (text: string): boolean => letterFirst.test(text);

/** Two letters in a row somewhere: a word, not a number or an initial. */
export const hasTwoLetters = (text: string): boolean => twoLetters.test(text);

/** The text without its combining marks (after `normalize('NFD')` or NFKD: the accents). */
export const withoutMarks = (text: string): string => text.replace(combiningMarks, '');
