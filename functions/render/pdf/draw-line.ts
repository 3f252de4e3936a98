import {
  beginText,
  endText,
  numberToString,
  type PDFFont,
  type PDFName,
  PDFOperator,
  type PDFOperatorNames,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  type RGB,
  setFillingColor,
  setFontAndSize,
  setTextRenderingMode,
  TextRenderingMode,
} from 'pdf-lib';
import { needsShaping } from './fast-layout';
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

// A line's operators are written as text, all at once: one operator object per line rather
// than some ten, each with its own argument array (a long brief draws tens of thousands of
// lines). The text is exactly what pdf-lib writes for the same operators, one per line.
const text = (...operators: PDFOperator[]) => operators.map(String).join('\n');
const BEGIN = text(pushGraphicsState(), beginText());
const END = text(endText(), popGraphicsState());
const INVISIBLE = text(setTextRenderingMode(TextRenderingMode.Invisible));
const EMC = text(endMarked());
const fills = new WeakMap<RGB, string>();
const fontSizes = new WeakMap<PDFName, Map<number, string>>();

function fill(color: RGB): string {
  let operator = fills.get(color);
  if (operator === undefined) {
    operator = text(setFillingColor(color));
    fills.set(color, operator);
  }
  return operator;
}

function fontAndSize(key: PDFName, size: number): string {
  let sizes = fontSizes.get(key);
  if (!sizes) {
    sizes = new Map();
    fontSizes.set(key, sizes);
  }
  let operator = sizes.get(size);
  if (operator === undefined) {
    operator = text(setFontAndSize(key, size));
    sizes.set(size, operator);
  }
  return operator;
}

/** A number as pdf-lib writes it (never in exponent form), by the fast path when it can. */
const decimal = (value: number): string => {
  const written = String(value);
  return written.includes('e') ? numberToString(value) : written;
};

const glyphCodes = new WeakMap<PDFFont, Map<number, string>>();

/**
 * `font.encodeText(text)` as written in a content stream (`<0012002A>`), from a per-font
 * cache of each code point's glyph code. Text that needs no shaping maps character by
 * character (see `fast-layout.ts`), so the codes of its characters, each got once from pdf-lib
 * (which adds the glyph to the subset, in the same order as before), make up the whole.
 */
function encode(font: PDFFont, text: string): string {
  if (needsShaping(text)) return String(font.encodeText(text));
  let codes = glyphCodes.get(font);
  if (!codes) {
    codes = new Map();
    glyphCodes.set(font, codes);
  }
  let hex = '<';
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i) as number;
    let code = codes.get(codePoint);
    if (code === undefined) {
      const char = String.fromCodePoint(codePoint);
      code = String(font.encodeText(char)).slice(1, -1);
      codes.set(codePoint, code);
    }
    hex += code;
    if (codePoint > 0xffff) i++;
  }
  return `${hex}>`;
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
  // Joined once at the end: one flat string, not a chain of pieces kept alive until saving.
  const operators = [BEGIN];
  if (options.invisible) operators.push(INVISIBLE);
  // `1 0 0 1 x y Tm` moves to the start of a piece, with no rotation or skew.
  const baseline = ` ${decimal(y)} Tm`;
  let font: PDFFont | null = null;
  let color: RGB | null = null;
  let open: ContentTag | undefined;
  for (const piece of pieces) {
    if (piece.text === '') continue;
    if (piece.tag !== open) {
      if (open) operators.push(EMC);
      open = piece.tag;
      if (open) operators.push(String(open.open()));
    }
    if (piece.font !== font) {
      font = piece.font;
      operators.push(fontAndSize(fontKey(page, font), size));
    }
    if (piece.color !== color) {
      color = piece.color;
      operators.push(fill(color));
    }
    operators.push(`1 0 0 1 ${decimal(piece.x)}${baseline}`, `${encode(font, piece.text)} Tj`);
  }
  if (open) operators.push(EMC);
  operators.push(END);
  page.pushOperators(PDFOperator.of(operators.join('\n') as PDFOperatorNames));
}
