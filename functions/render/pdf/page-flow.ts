import type { PDFDocument } from 'pdf-lib';
import { BlockStructure, type LinkRecord, ParagraphTags } from './block-structure';
import type { Block, LinkTarget, ParagraphBlock } from './blocks';
import { drawLine, type TextPiece } from './draw-line';
import { needsShaping } from './fast-layout';
import type { FontBook } from './font-book';
import { drawArtifact, graphicTags, untaggedGraphic } from './marked-content';
import { PageCursor } from './page-cursor';
import { type AnnotationKid, StructureTree } from './structure-tree';
import { COLORS, CONTENT_WIDTH, type PageGeometry, pageGeometry } from './style';
import { type Line, layoutRuns } from './text-layout';

export interface PlacedLink {
  pageIndex: number;
  rect: [number, number, number, number];
  target: LinkTarget;
  /** The link's text (all its lines) and the place of its annotation in the structure tree. */
  record: LinkRecord;
  kid: AnnotationKid | null;
}

/** A point in the document: page and the y of the top of a block. */
export interface Position {
  pageIndex: number;
  y: number;
}

export interface OutlineEntry extends Position {
  title: string;
  level: 1 | 2;
}

/** What the flow learnt while placing blocks, for links, bookmarks and page furniture. */
export interface FlowResult {
  pageCount: number;
  links: PlacedLink[];
  anchors: Map<string, Position>;
  outline: OutlineEntry[];
  /** The logical structure of what was placed, in reading order. */
  structure: StructureTree;
}

interface Prepared {
  block: Block;
  lines: Line[];
  height: number;
  /** Height that must fit before the block may start on this page (orphan control). */
  minStart: number;
}

/** Lines a paragraph must keep together at the foot of a page. */
const ORPHAN_LINES = 2;

/**
 * Places blocks top to bottom across as many pages as needed. A heading (`keepWithNext`)
 * only starts on a page that can also hold the start of what follows it, so no heading is ever
 * stranded at the bottom; paragraphs break between lines but keep their first two together.
 * Everything drawn is marked content of the structure tree built alongside (each block's
 * `tag`), or an artifact.
 */
export function flowBlocks(
  doc: PDFDocument,
  book: FontBook,
  blocks: Block[],
  geometry: PageGeometry = pageGeometry('a4'),
): FlowResult {
  const cursor = new PageCursor(doc, geometry);
  const structure = new BlockStructure(new StructureTree());
  const result: FlowResult = {
    pageCount: 0,
    links: [],
    anchors: new Map(),
    outline: [],
    structure: structure.tree,
  };
  // Blocks are laid out just ahead of the flow (a heading looks ahead to what follows it) and
  // let go once drawn, so a long brief's lines are not all kept alive at once.
  const prepared: (Prepared | undefined)[] = [];
  const preparedAt = (j: number): Prepared => {
    let item = prepared[j];
    if (!item) {
      item = prepare(blocks[j] as Block, book);
      prepared[j] = item;
    }
    return item;
  };
  blocks.forEach((_, i) => {
    const item = preparedAt(i);
    prepared[i] = undefined;
    if (!cursor.atTop) {
      const before = item.block.spaceBefore ?? 0;
      cursor.ensure(before + requiredHeight(item, i, blocks.length, preparedAt));
      cursor.skip(before);
    }
    record(item.block, cursor, result);
    const elements = structure.open(item.block);
    const { block } = item;
    if (block.kind === 'graphic') {
      const { page, pageIndex, y } = cursor;
      const x = geometry.marginLeft;
      if (elements) {
        const tags = graphicTags(structure.tree, elements.body, page, pageIndex);
        block.draw(page, x, y, CONTENT_WIDTH, tags);
      } else {
        drawArtifact(page, () => block.draw(page, x, y, CONTENT_WIDTH, untaggedGraphic));
      }
      cursor.y -= block.height;
    } else {
      const tags = new ParagraphTags(structure.tree, elements);
      drawParagraph(block, item.lines, cursor, book, result, tags);
    }
    cursor.skip(item.block.spaceAfter ?? 0);
  });
  result.pageCount = cursor.pages.length;
  return result;
}

function prepare(block: Block, book: FontBook): Prepared {
  if (block.kind === 'graphic') {
    return { block, lines: [], height: block.height, minStart: block.height };
  }
  const width = CONTENT_WIDTH - (block.indent ?? 0) - (block.labelWidth ?? 0);
  const lines = layoutRuns(block.runs, block.size, width, book);
  if (lines.length === 0 && block.label) lines.push({ fragments: [], width: 0 });
  const height = lines.length * block.leading;
  return { block, lines, height, minStart: Math.min(lines.length, ORPHAN_LINES) * block.leading };
}

/** Height needed from block `i` on: the whole keep-with-next chain plus the next block's start. */
function requiredHeight(
  first: Prepared,
  i: number,
  count: number,
  preparedAt: (j: number) => Prepared,
): number {
  let need = 0;
  for (let j = i; j < count; j++) {
    const item = j === i ? first : preparedAt(j);
    if (j > i) need += item.block.spaceBefore ?? 0;
    if (!item.block.keepWithNext) return need + item.minStart;
    need += item.height + (item.block.spaceAfter ?? 0);
  }
  return need;
}

function record(block: Block, cursor: PageCursor, result: FlowResult): void {
  const position = { pageIndex: cursor.pageIndex, y: cursor.y };
  if (block.anchor) result.anchors.set(block.anchor, position);
  if (block.outline) result.outline.push({ ...block.outline, ...position });
}

function drawParagraph(
  block: ParagraphBlock,
  lines: Line[],
  cursor: PageCursor,
  book: FontBook,
  result: FlowResult,
  tags: ParagraphTags,
): void {
  const { size, leading } = block;
  const left = cursor.geometry.marginLeft + (block.indent ?? 0);
  const textLeft = left + (block.labelWidth ?? 0);
  lines.forEach((line, index) => {
    cursor.ensure(leading);
    const { pageIndex } = cursor;
    const baseline = cursor.y - (leading + 0.72 * size) / 2;
    const pieces: TextPiece[] = [];
    if (index === 0 && block.label) {
      const { text, style, color } = block.label;
      pieces.push({
        text: book.clean(text, style),
        font: book.font(style),
        color: color ?? COLORS.text,
        x: left,
        tag: tags.labelTag(pageIndex),
      });
    }
    const links: Omit<PlacedLink, 'kid'>[] = [];
    line.fragments.forEach((fragment, i) => {
      const x = textLeft + fragment.x;
      const font = book.font(fragment.style);
      const color = fragment.color ?? COLORS.text;
      const tag = tags.fragment(fragment, pageIndex);
      const piece = { text: fragment.text, font, color, x, tag };
      pieces.push(piece);
      const record = tags.link;
      if (fragment.link && record) {
        const rect = linkRect(x, fragment.width, baseline, size);
        links.push({ pageIndex, rect, target: fragment.link, record });
      }
      if (apartAfter(line, i)) {
        // The paragraph's own text takes the space in the same string; a link leaves it
        // outside, and so does shaped text (right to left, the space would move to the front).
        const spaceTag = tags.space(pageIndex);
        if (spaceTag === tag && !needsShaping(piece.text)) piece.text += ' ';
        else pieces.push({ text: ' ', font, color, x: x + fragment.width, tag: spaceTag });
      }
    });
    drawLine(cursor.page, pieces, baseline, size);
    // After drawing: a link's element exists once its text is marked, and its annotation
    // follows that text among the element's kids.
    for (const link of links)
      result.links.push({ ...link, kid: tags.annotate(link.record, pageIndex) });
    cursor.y -= leading;
  });
}

/** The clickable area of a link's text on one line. */
function linkRect(x: number, width: number, baseline: number, size: number): PlacedLink['rect'] {
  const round = (value: number) => Math.round(value * 100) / 100;
  return [x, baseline - 0.25 * size, x + width, baseline + 0.85 * size].map(
    round,
  ) as PlacedLink['rect'];
}

/**
 * Whether a space separates fragment `i` from what follows. The layout spaces words by
 * position only; a space character there (it draws nothing, so the page looks the same)
 * keeps the words apart for screen readers and text extraction.
 */
function apartAfter(line: Line, i: number): boolean {
  const fragment = line.fragments[i] as Line['fragments'][number];
  const next = line.fragments[i + 1];
  return next ? next.x > fragment.x + fragment.width + 0.01 : line.spaceAfter === true;
}
