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

/** Width available to text between the margins. */
export const CONTENT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

/** Vertical space a page offers to the flow. */
export const CONTENT_HEIGHT = PAGE.height - PAGE.marginTop - PAGE.marginBottom;

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
  furniture: { size: 8 },
} as const;

/** Hanging indent of numbered and bulleted items. */
export const INDENT = { number: 20, bullet: 12, source: 26 } as const;
