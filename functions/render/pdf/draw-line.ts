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
  showText,
} from 'pdf-lib';

/** A piece of text to draw at `x` on the line's baseline. */
export interface TextPiece {
  text: string;
  font: PDFFont;
  color: RGB;
  x: number;
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
 */
export function drawLine(page: PDFPage, pieces: TextPiece[], y: number, size: number): void {
  if (pieces.length === 0) return;
  const operators = [pushGraphicsState(), beginText()];
  let font: PDFFont | null = null;
  let color: RGB | null = null;
  for (const piece of pieces) {
    if (piece.text === '') continue;
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
  operators.push(endText(), popGraphicsState());
  page.pushOperators(...operators);
}
