import type { RGB } from 'pdf-lib';
import type { LinkTarget, Run } from './blocks';
import type { FontBook, FontStyle } from './font-book';

/** A stretch of one line drawn with one drawText call; `x` is relative to the line start. */
export interface Fragment {
  text: string;
  style: FontStyle;
  color?: RGB;
  link?: LinkTarget;
  lang?: string;
  x: number;
  width: number;
}

export interface Line {
  fragments: Fragment[];
  width: number;
  /** The line ends where a space was (not drawn): the words either side are apart. */
  spaceAfter?: boolean;
}

/** A break-free stretch of text: one or more pieces from adjacent runs. */
interface Word {
  pieces: Fragment[];
  width: number;
  spaceBefore: boolean;
  spaceWidth: number;
}

/** Below this share of the line left free, an over-long word starts on a fresh line. */
const MIN_TAIL_FOR_SPLIT = 0.3;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Greedy word wrap of styled runs into lines no wider than `maxWidth`. Breaks only at spaces,
 * except a word wider than the line (a URL, a hash), which is split between graphemes. Adjacent
 * words with the same face, colour and link merge into one fragment, so a line costs one or two
 * drawText calls and text extraction sees normal spacing.
 */
export function layoutRuns(runs: Run[], size: number, maxWidth: number, book: FontBook): Line[] {
  const lines: Line[] = [];
  let line: Line = { fragments: [], width: 0 };
  const flush = () => {
    if (line.fragments.length > 0) lines.push(line);
    line = { fragments: [], width: 0 };
  };
  for (const word of toWords(runs, size, book)) {
    const gap = line.width > 0 && word.spaceBefore ? word.spaceWidth : 0;
    if (line.width + gap + word.width <= maxWidth) {
      word.pieces.forEach((piece, i) => {
        append(line, piece, i === 0 ? gap : 0);
      });
      continue;
    }
    if (word.width <= maxWidth) {
      line.spaceAfter = word.spaceBefore;
      flush();
      for (const piece of word.pieces) append(line, piece, 0);
      continue;
    }
    const roomy = maxWidth - line.width - gap >= maxWidth * MIN_TAIL_FOR_SPLIT;
    if (!roomy) {
      line.spaceAfter = word.spaceBefore;
      flush();
    }
    splitWord(word, line.width > 0 ? gap : 0, size, maxWidth, book, () => line, flush);
  }
  flush();
  return lines;
}

/** Text cut to `maxWidth` with an ellipsis; for labels that must stay on one line. */
export function fitText(
  text: string,
  style: FontStyle,
  size: number,
  maxWidth: number,
  book: FontBook,
): string {
  const clean = book.clean(text, style).trim();
  if (book.width(clean, style, size) <= maxWidth) return clean;
  const ellipsis = '…';
  let out = '';
  let width = book.width(ellipsis, style, size);
  for (const { segment } of graphemes.segment(clean)) {
    const w = book.width(segment, style, size);
    if (width + w > maxWidth) break;
    out += segment;
    width += w;
  }
  return `${out.trimEnd()}${ellipsis}`;
}

function toWords(runs: Run[], size: number, book: FontBook): Word[] {
  const words: Word[] = [];
  let current: Word | null = null;
  let pendingSpace = false;
  for (const { text, style, color, link, lang } of runs) {
    const clean = book.clean(text, style);
    // Tokens between spaces; each space ends the word before it.
    for (let start = 0; start <= clean.length; ) {
      const space = clean.indexOf(' ', start);
      const end = space === -1 ? clean.length : space;
      if (end > start) {
        const token = clean.slice(start, end);
        const width = book.width(token, style, size);
        const piece: Fragment = { text: token, style, color, link, lang, x: 0, width };
        if (current) {
          current.pieces.push(piece);
          current.width += width;
        } else {
          const spaceWidth = book.width(' ', style, size);
          current = { pieces: [piece], width, spaceBefore: pendingSpace, spaceWidth };
          words.push(current);
        }
        pendingSpace = false;
      }
      if (space === -1) break;
      pendingSpace = true;
      current = null;
      start = space + 1;
    }
  }
  return words;
}

/** Places a word grapheme by grapheme, starting a new line whenever the next one overflows. */
function splitWord(
  word: Word,
  firstGap: number,
  size: number,
  maxWidth: number,
  book: FontBook,
  current: () => Line,
  flush: () => void,
): void {
  let gap = firstGap;
  for (const piece of word.pieces) {
    for (const { segment } of graphemes.segment(piece.text)) {
      const width = book.width(segment, piece.style, size);
      if (current().width > 0 && current().width + gap + width > maxWidth) {
        flush();
        gap = 0;
      }
      append(current(), { ...piece, text: segment, width }, gap);
      gap = 0;
    }
  }
}

/** Adds a piece after `gap` points of space, merging it into the last fragment when it can. */
function append(line: Line, piece: Fragment, gap: number): void {
  const last = line.fragments.at(-1);
  if (
    last &&
    last.style === piece.style &&
    last.color === piece.color &&
    last.link === piece.link &&
    last.lang === piece.lang
  ) {
    last.text += gap > 0 ? ` ${piece.text}` : piece.text;
    last.width += gap + piece.width;
  } else {
    line.fragments.push({ ...piece, x: line.width + gap, width: piece.width });
  }
  line.width += gap + piece.width;
}
