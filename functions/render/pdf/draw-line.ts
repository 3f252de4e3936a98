import {
  beginText,
  endText,
  numberToString,
  type PDFFont,
  type PDFName,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  type RGB,
  setFillingColor,
  setFontAndSize,
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

// Operators are immutable: one instance may stand many times in a content stream. Those that
// repeat on every line are made once, which spares a long brief tens of thousands of objects.
const BEGIN = [pushGraphicsState(), beginText()] as const;
const END = [endText(), popGraphicsState()] as const;
const INVISIBLE = setTextRenderingMode(TextRenderingMode.Invisible);
const fills = new WeakMap<RGB, PDFOperator>();
const fontSizes = new WeakMap<PDFName, Map<number, PDFOperator>>();

function fill(color: RGB): PDFOperator {
  let operator = fills.get(color);
  if (!operator) {
    operator = setFillingColor(color);
    fills.set(color, operator);
  }
  return operator;
}

function fontAndSize(key: PDFName, size: number): PDFOperator {
  let sizes = fontSizes.get(key);
  if (!sizes) {
    sizes = new Map();
    fontSizes.set(key, sizes);
  }
  let operator = sizes.get(size);
  if (!operator) {
    operator = setFontAndSize(key, size);
    sizes.set(size, operator);
  }
  return operator;
}

/** A number as pdf-lib writes it (never in exponent form), by the fast path when it can. */
const decimal = (value: number): string => {
  const text = String(value);
  return text.includes('e') ? numberToString(value) : text;
};

/** `1 0 0 1 x y Tm`: moves to the start of a piece, no rotation or skew. */
const moveTo = (x: number, y: number) =>
  PDFOperator.of(PDFOperatorNames.SetTextMatrix, ['1', '0', '0', '1', decimal(x), decimal(y)]);

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
  const operators: PDFOperator[] = [...BEGIN];
  if (options.invisible) operators.push(INVISIBLE);
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
      operators.push(fontAndSize(fontKey(page, font), size));
    }
    if (piece.color !== color) {
      color = piece.color;
      operators.push(fill(color));
    }
    operators.push(moveTo(piece.x, y), showText(font.encodeText(piece.text)));
  }
  if (open) operators.push(endMarked());
  operators.push(...END);
  page.pushOperators(...operators);
}
