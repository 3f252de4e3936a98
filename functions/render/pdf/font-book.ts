import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { ConfigError } from '../../model/errors';
import { useFastLayout } from './fast-layout';
import { makeSanitizer } from './sanitize-text';

/** The three faces a brief uses. */
export type FontStyle = 'regular' | 'bold' | 'italic';

/** TrueType bytes of the three faces (DejaVu Sans, Bold, Oblique): see `loadPdfFonts`. */
export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
}

const STYLES: readonly FontStyle[] = ['regular', 'bold', 'italic'];
const SUBSET_TAGS: Record<FontStyle, string> = {
  regular: 'BRFREG',
  bold: 'BRFBLD',
  italic: 'BRFITA',
};

/**
 * Embedded fonts plus what layout needs from them: a per-face sanitiser (so no missing glyph
 * reaches the page) and a width cache. fontkit shapes every string it measures, so measuring
 * each word once and reusing the width halves the time of a long brief.
 */
export class FontBook {
  /** Per face, widths at size 1 (a map per face spares building a key for every lookup). */
  private readonly widths: Record<FontStyle, Map<string, number>> = {
    regular: new Map(),
    bold: new Map(),
    italic: new Map(),
  };
  private readonly cleaned: Record<FontStyle, Map<string, string>> = {
    regular: new Map(),
    bold: new Map(),
    italic: new Map(),
  };

  private constructor(
    private readonly fonts: Record<FontStyle, PDFFont>,
    private readonly cleaners: Record<FontStyle, (text: string) => string>,
  ) {}

  /** Embeds the faces as subsets; throws ConfigError when bytes are missing or not a font. */
  static async embed(doc: PDFDocument, bytes: PdfFonts): Promise<FontBook> {
    doc.registerFontkit(cachingFontkit);
    const fonts = {} as Record<FontStyle, PDFFont>;
    const cleaners = {} as Record<FontStyle, (text: string) => string>;
    for (const style of STYLES) {
      const font = await embedFace(doc, bytes, style);
      useFastLayout(font);
      fonts[style] = font;
      cleaners[style] = makeSanitizer(new Set(font.getCharacterSet()));
    }
    return new FontBook(fonts, cleaners);
  }

  font(style: FontStyle): PDFFont {
    return this.fonts[style];
  }

  /**
   * Text made safe to draw with `style`: unsupported characters replaced, breaks flattened.
   * Cached per face: a brief repeats many short runs (" — ", outlets, dates).
   */
  clean(text: string, style: FontStyle): string {
    const cleaned = this.cleaned[style];
    let clean = cleaned.get(text);
    if (clean === undefined) {
      clean = this.cleaners[style](text);
      cleaned.set(text, clean);
    }
    return clean;
  }

  /** Width in points of already-cleaned text; cached per face at size 1 (width scales linearly). */
  width(text: string, style: FontStyle, size: number): number {
    const widths = this.widths[style];
    let unit = widths.get(text);
    if (unit === undefined) {
      unit = text === '' ? 0 : this.fonts[style].widthOfTextAtSize(text, 1);
      widths.set(text, unit);
    }
    return unit * size;
  }
}

/**
 * fontkit, but parsing each font file once per process: pdf-lib re-parses the TrueType tables
 * on every embed, which is a good part of a short brief's render time. A parsed font is safe
 * to share: each document makes its own subset of it.
 */
const parsed = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();
const cachingFontkit: typeof fontkit = {
  ...fontkit,
  create: (data: Uint8Array, postscriptName?: string) => {
    if (postscriptName) return fontkit.create(data, postscriptName);
    let font = parsed.get(data);
    if (!font) {
      font = fontkit.create(data);
      parsed.set(data, font);
    }
    return font;
  },
};

async function embedFace(doc: PDFDocument, bytes: PdfFonts, style: FontStyle): Promise<PDFFont> {
  const data = bytes?.[style];
  if (!(data instanceof Uint8Array) || data.length === 0) {
    throw new ConfigError(
      `PdfFonts.${style} is empty: pass the TrueType bytes, e.g. from loadPdfFonts(projectRoot)`,
    );
  }
  try {
    // A subset's name carries a six-letter tag ("BRFREG+DejaVuSans"), as PDF readers expect.
    const name = cachingFontkit.create(data).postscriptName;
    return await doc.embedFont(data, { subset: true, customName: `${SUBSET_TAGS[style]}+${name}` });
  } catch (cause) {
    throw new ConfigError(
      `PdfFonts.${style} is not a usable TrueType font: pass DejaVu Sans from dejavu-fonts-ttf`,
      { cause },
    );
  }
}
