import {
  beginText,
  endText,
  type PDFFont,
  type PDFName,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  type RGB,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
} from 'pdf-lib';
import { type ContentTag, endMarked } from './marked-content';

/** A piece of text to draw at `x` on the line's baseline. */
export interface TextPiece {
  text: string;
  font: PDFFont;
  color: RGB;
  x: number;
  /** Whose content the piece is (a structure element or an artifact); untagged when absent. */
  tag?: ContentTag;
}

const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

/** The page's resource name of a font, registered once per page (pdf-lib adds one per call). */
function fontKey(page: PDFPage, font: PDFFont): PDFName {
  let keys = fontKeys.get(page);
  if (!keys) {
    keys = new Map();
    fontKeys.set(page, keys);
  }
  let key = keys.get(font);
  if (!key) {
    key = page.node.newFontDictionary(font.name, font.ref);
    keys.set(font, key);
  }
  return key;
}

/**
 * Draws the pieces of one line in a single text object: one font switch and one colour per
 * piece, no rotation or skew matrix. `page.drawText` writes a whole graphics-state block and a
 * new font resource for every call, which made up much of a long brief's render time and size.
 * Consecutive pieces with the same tag share one marked-content sequence inside the text
 * object. `invisible` text (rendering mode 3) is read by screen readers and text extraction
 * but not drawn: the heat map's counts, which the page shows as shades.
 */
export function drawLine(
  page: PDFPage,
  pieces: TextPiece[],
  y: number,
  size: number,
  options: { invisible?: boolean } = {},
): void {
  if (pieces.length === 0) return;
  const operators = [pushGraphicsState(), beginText()];
  if (options.invisible) operators.push(setTextRenderingMode(TextRenderingMode.Invisible));
  let font: PDFFont | null = null;
  let color: RGB | null = null;
  let open: ContentTag | undefined;
  for (const piece of pieces) {
    if (piece.text === '') continue;
    if (piece.tag !== open) {
      if (open) operators.push(endMarked());
      open = piece.tag;
      if (open) operators.push(open.open());
    }
    if (piece.font !== font) {
      font = piece.font;
      operators.push(setFontAndSize(fontKey(page, font), size));
    }
    if (piece.color !== color) {
      color = piece.color;
      operators.push(setFillingColor(color));
    }
    operators.push(setTextMatrix(1, 0, 0, 1, piece.x, y), showText(font.encodeText(piece.text)));
  }
  if (open) operators.push(endMarked());
  operators.push(endText(), popGraphicsState());
  page.pushOperators(...operators);
}
