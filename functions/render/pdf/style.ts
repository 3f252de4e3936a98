import { type RGB, rgb } from 'pdf-lib';

/** A4 in PDF points, with margins wide enough for a ring binder and a footer. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  marginLeft: 62,
  marginRight: 56,
  marginTop: 60,
  marginBottom: 58,
  /** Baseline of the running header and footer, measured from the page edge. */
  furnitureOffset: 30,
} as const;

/** Width available to text between the margins (the same on every paper size). */
export const CONTENT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

export type Paper = 'a4' | 'letter';

/** Page size and margins of a paper size; `PAGE` is A4. */
export type PageGeometry = { -readonly [K in keyof typeof PAGE]: number };

const LETTER_WIDTH = 612;
const LETTER_HEIGHT = 792;

/**
 * A4 or US Letter. Letter keeps the text block of A4 (same measure, so the same line breaks),
 * centred on the wider page, and is shorter: pages hold a few lines fewer.
 */
export function pageGeometry(paper: Paper = 'a4'): PageGeometry {
  if (paper !== 'letter') return { ...PAGE };
  const side = (LETTER_WIDTH - CONTENT_WIDTH) / 2;
  return {
    ...PAGE,
    width: LETTER_WIDTH,
    height: LETTER_HEIGHT,
    marginLeft: side,
    marginRight: side,
  };
}

/** Vertical space a page offers to the flow, on the shorter of the paper sizes. */
export const CONTENT_HEIGHT = LETTER_HEIGHT - PAGE.marginTop - PAGE.marginBottom;

export const COLORS: Record<'text' | 'muted' | 'accent' | 'link' | 'rule' | 'handling', RGB> = {
  text: rgb(0.1, 0.1, 0.12),
  muted: rgb(0.38, 0.4, 0.44),
  accent: rgb(0.08, 0.2, 0.4),
  link: rgb(0.05, 0.27, 0.6),
  rule: rgb(0.72, 0.74, 0.78),
  handling: rgb(0.55, 0.08, 0.08),
};

/** Font size, line height and spacing of each kind of text block. */
export const TYPE = {
  title: { size: 20, leading: 25 },
  masthead: { size: 10.5, leading: 14 },
  section: { size: 14, leading: 18, before: 18, after: 6 },
  heading: { size: 11.5, leading: 15, before: 11, after: 3 },
  label: { size: 9, leading: 12, before: 4, after: 1 },
  body: { size: 10, leading: 13.5, after: 4 },
  small: { size: 8.5, leading: 11, after: 3 },
  /** Sources entries: a reference list, compact so 200 of them take a few pages. */
  reference: { size: 7.5, leading: 9.5, after: 2 },
  furniture: { size: 8 },
} as const;

/** Hanging indent of numbered and bulleted items. */
export const INDENT = { number: 20, bullet: 12, source: 26 } as const;
