import type { PDFPage, RGB } from 'pdf-lib';
import type { FontStyle } from './font-book';
import type { GraphicTags } from './marked-content';
import type { ListNumbering } from './structure-tree';
import { COLORS, TYPE } from './style';

/** Where a piece of text points: a web address or a named place in this document. */
export type LinkTarget = { kind: 'uri'; uri: string } | { kind: 'dest'; name: string };

/** A stretch of text in one face and colour; runs are joined without a break opportunity. */
export interface Run {
  text: string;
  style: FontStyle;
  color?: RGB;
  link?: LinkTarget;
  /** Language of the text when it is not the brief's (a title in French: `fr`). */
  lang?: string;
}

/**
 * What a block is in the tagged PDF's structure tree. Defaults: a paragraph is `P`, or `LI`
 * (bulleted) when it has a label; a graphic is an artifact. Consecutive `LI` blocks with the
 * same numbering make one list (`L`), consecutive `Table` blocks one table.
 */
export type BlockTag =
  | { type: 'H1' | 'H2' | 'H3' | 'H4' | 'P' | 'Table' | 'Artifact' }
  | { type: 'LI'; numbering: ListNumbering };

/** Page breaks and spacing shared by every kind of block. */
interface BlockBase {
  spaceBefore?: number;
  spaceAfter?: number;
  /** Never end a page with this block: it moves with the start of the next one. */
  keepWithNext?: boolean;
  /** Bookmark for the PDF outline (level 1 = section, 2 = entry in a section). */
  outline?: { title: string; level: 1 | 2 };
  /** Name a link can point to (`source-3`). */
  anchor?: string;
  /** Its role in the structure tree; see `BlockTag` for the defaults. */
  tag?: BlockTag;
}

/** Wrapped text, optionally with a hanging label such as "1." or "•". */
export interface ParagraphBlock extends BlockBase {
  kind: 'paragraph';
  runs: Run[];
  size: number;
  leading: number;
  /** Left offset of the whole block. */
  indent?: number;
  /** Drawn at the block's left edge; the text then starts `labelWidth` further right. */
  label?: Run;
  labelWidth?: number;
}

/**
 * A fixed-height picture drawn with the page's vector operators. Untagged, it is drawn as one
 * artifact; a tagged one (the heat map's table) marks what it draws through `tags`.
 */
export interface GraphicBlock extends BlockBase {
  kind: 'graphic';
  height: number;
  draw: (page: PDFPage, x: number, top: number, width: number, tags: GraphicTags) => void;
}

export type Block = ParagraphBlock | GraphicBlock;

/** Shorthand for a run of plain text. */
export const run = (text: string, style: FontStyle = 'regular', color?: RGB): Run => ({
  text,
  style,
  color,
});

/** A section heading ("Key developments"), bookmarked at level 1. */
export function sectionHeading(title: string): ParagraphBlock {
  const { size, leading, before, after } = TYPE.section;
  return {
    kind: 'paragraph',
    runs: [run(title, 'bold', COLORS.accent)],
    size,
    leading,
    spaceBefore: before,
    spaceAfter: after,
    keepWithNext: true,
    outline: { title, level: 1 },
    tag: { type: 'H2' },
  };
}

/** An entry heading inside a section (an actor, a theme), bookmarked at level 2. */
export function entryHeading(runs: Run[], outlineTitle: string): ParagraphBlock {
  const { size, leading, before, after } = TYPE.heading;
  return {
    kind: 'paragraph',
    runs,
    size,
    leading,
    spaceBefore: before,
    spaceAfter: after,
    keepWithNext: true,
    outline: { title: outlineTitle, level: 2 },
    tag: { type: 'H3' },
  };
}

/** A small italic label that groups the items below it (a theme inside an actor section). */
export function subLabel(text: string, indent = 0): ParagraphBlock {
  const { size, leading, before, after } = TYPE.label;
  return {
    kind: 'paragraph',
    runs: [run(text, 'italic', COLORS.muted)],
    size,
    leading,
    indent,
    spaceBefore: before,
    spaceAfter: after,
    keepWithNext: true,
    tag: { type: 'H4' },
  };
}

/** Body text with an optional hanging label. */
export function bodyParagraph(
  runs: Run[],
  options: { label?: Run; labelWidth?: number; indent?: number } = {},
): ParagraphBlock {
  return {
    kind: 'paragraph',
    runs,
    size: TYPE.body.size,
    leading: TYPE.body.leading,
    spaceAfter: TYPE.body.after,
    ...options,
  };
}

/** Secondary text: cross-references, URLs, notes. */
export function smallParagraph(runs: Run[], indent = 0): ParagraphBlock {
  return {
    kind: 'paragraph',
    runs,
    size: TYPE.small.size,
    leading: TYPE.small.leading,
    spaceAfter: TYPE.small.after,
    indent,
  };
}
