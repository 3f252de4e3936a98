/** Shown in place of any character the embedded font cannot draw. */
export const REPLACEMENT_CHAR = '\uFFFD';

const LINE_BREAKS = /\r\n?|[\n\t\f\v\u0085\u2028\u2029]/g;
/** Control and format characters (zero-width joiners, bidi marks, soft hyphens, BOM…). */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const SPACE_RUNS = / {2,}/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Builds a cleaner for one font: NFC-normalises, turns line breaks and tabs into spaces, drops
 * invisible control/format characters and replaces every code point the font lacks (emoji,
 * CJK, lone surrogates, private use) with {@link REPLACEMENT_CHAR}, so the PDF never carries a
 * glyph the reader cannot see and pdf-lib/fontkit never meet input they choke on.
 */
export function makeSanitizer(supported: ReadonlySet<number>): (text: string) => string {
  const fallback = supported.has(REPLACEMENT_CHAR.codePointAt(0) ?? 0) ? REPLACEMENT_CHAR : '?';
  // Printable ASCII is left as it is by every step but the last when the font has all of it:
  // most of a brief's text, which then skips the character-by-character pass.
  let asciiSupported = true;
  for (let code = 0x21; code <= 0x7e; code++) asciiSupported &&= supported.has(code);
  return (text: string): string => {
    if (asciiSupported && PRINTABLE_ASCII.test(text)) return text.replace(SPACE_RUNS, ' ');
    const flat = text.normalize('NFC').replace(LINE_BREAKS, ' ').replace(INVISIBLE, '');
    let out = '';
    for (const char of flat) {
      const code = char.codePointAt(0) ?? 0;
      out += code === 0x20 || supported.has(code) ? char : fallback;
    }
    return out.replace(SPACE_RUNS, ' ');
  };
}
