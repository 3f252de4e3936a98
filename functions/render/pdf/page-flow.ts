import type { PDFDocument } from 'pdf-lib';
import type { Block, LinkTarget, ParagraphBlock } from './blocks';
import { drawLine, type TextPiece } from './draw-line';
import type { FontBook } from './font-book';
import { PageCursor } from './page-cursor';
import { COLORS, CONTENT_WIDTH, type PageGeometry, pageGeometry } from './style';
import { type Line, layoutRuns } from './text-layout';

export interface PlacedLink {
  pageIndex: number;
  rect: [number, number, number, number];
  target: LinkTarget;
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
 */
export function flowBlocks(
  doc: PDFDocument,
  book: FontBook,
  blocks: Block[],
  geometry: PageGeometry = pageGeometry('a4'),
): FlowResult {
  const cursor = new PageCursor(doc, geometry);
  const result: FlowResult = { pageCount: 0, links: [], anchors: new Map(), outline: [] };
  const prepared = blocks.map((block) => prepare(block, book));
  prepared.forEach((item, i) => {
    if (!cursor.atTop) {
      const before = item.block.spaceBefore ?? 0;
      cursor.ensure(before + requiredHeight(prepared, i));
      cursor.skip(before);
    }
    record(item.block, cursor, result);
    if (item.block.kind === 'graphic') {
      item.block.draw(cursor.page, geometry.marginLeft, cursor.y, CONTENT_WIDTH);
      cursor.y -= item.block.height;
    } else {
      drawParagraph(item.block, item.lines, cursor, book, result);
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
function requiredHeight(items: Prepared[], i: number): number {
  let need = 0;
  for (let j = i; j < items.length; j++) {
    const item = items[j] as Prepared;
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
): void {
  const { size, leading } = block;
  const left = cursor.geometry.marginLeft + (block.indent ?? 0);
  const textLeft = left + (block.labelWidth ?? 0);
  lines.forEach((line, index) => {
    cursor.ensure(leading);
    const baseline = cursor.y - (leading + 0.72 * size) / 2;
    const pieces: TextPiece[] = [];
    if (index === 0 && block.label) {
      const { text, style, color } = block.label;
      pieces.push({
        text: book.clean(text, style),
        font: book.font(style),
        color: color ?? COLORS.text,
        x: left,
      });
    }
    for (const fragment of line.fragments) {
      const x = textLeft + fragment.x;
      pieces.push({
        text: fragment.text,
        font: book.font(fragment.style),
        color: fragment.color ?? COLORS.text,
        x,
      });
      if (fragment.link) {
        const rect: PlacedLink['rect'] = [
          x,
          baseline - 0.25 * size,
          x + fragment.width,
          baseline + 0.85 * size,
        ];
        result.links.push({ pageIndex: cursor.pageIndex, rect, target: fragment.link });
      }
    }
    drawLine(cursor.page, pieces, baseline, size);
    cursor.y -= leading;
  });
}
