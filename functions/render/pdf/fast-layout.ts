import type { PDFFont } from 'pdf-lib';

/** Code point ranges that need shaping: combining marks, Hebrew, Arabic, Syriac, Thaana, Indic… */
const SHAPED: readonly [number, number][] = [
  [0x0300, 0x036f],
  [0x0590, 0x08ff],
  [0x0900, 0x0dff],
  [0xfb1d, 0xfdff],
  [0xfe20, 0xfe2f],
  [0xfe70, 0xfeff],
];

/** Whether fontkit shapes the text (and may reorder it: right-to-left scripts). */
export function needsShaping(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x0300) continue;
    for (const [from, to] of SHAPED) if (code >= from && code <= to) return true;
  }
  return false;
}

interface Glyph {
  id: number;
  advanceWidth: number;
}

interface ShapingFont {
  layout(text: string, features?: unknown): { glyphs: Glyph[] };
  glyphForCodePoint(codePoint: number): Glyph;
}

/**
 * Speeds up pdf-lib's text encoding and measuring, which run fontkit's full OpenType shaping on
 * every string (most of a render's time). Text in scripts that need no shaping (Latin, Greek,
 * Cyrillic, punctuation) maps code point to glyph straight from the font's cmap, cached; other
 * text (Arabic script…) still goes through fontkit's shaping. Measuring and drawing both use
 * the same path, so widths stay consistent; only kerning pairs are not applied to simple text.
 */
const patched = new WeakSet<object>();

export function useFastLayout(font: PDFFont): void {
  const fontkitFont = (font as unknown as { embedder?: { font?: ShapingFont } }).embedder?.font;
  if (!fontkitFont || typeof fontkitFont.layout !== 'function' || patched.has(fontkitFont)) return;
  patched.add(fontkitFont);
  const shape = fontkitFont.layout.bind(fontkitFont);
  const glyphs = new Map<number, Glyph>();
  fontkitFont.layout = (text: string, features?: unknown) => {
    if (needsShaping(text)) return shape(text, features);
    const run: Glyph[] = [];
    for (let i = 0; i < text.length; i++) {
      const codePoint = text.codePointAt(i) as number;
      let glyph = glyphs.get(codePoint);
      if (!glyph) {
        glyph = fontkitFont.glyphForCodePoint(codePoint);
        glyphs.set(codePoint, glyph);
      }
      run.push(glyph);
      if (codePoint > 0xffff) i++; // the second half of a surrogate pair
    }
    return { glyphs: run };
  };
}
