import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ArticleRejectedError } from '../model/errors';
import { acceptedExtensions } from './formats';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as, e.g. `utf-8`, `windows-1252`. */
  encoding: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns uploaded bytes into text. A BOM wins; otherwise strict UTF-8 is tried first (most
 * uploads), then the encoding `chardet` detects, decoded with iconv-lite because Node's own
 * windows-1252 decoder maps 0x80–0x9F to C1 controls. Binary content is rejected by name.
 */
export function decodeText(bytes: Uint8Array, key: string): DecodedText {
  const bom = decodeWithBom(bytes);
  if (bom) return bom;
  const utf16 = decodeBomlessUtf16(bytes);
  if (utf16) return utf16;
  if (looksBinary(bytes)) {
    throw new ArticleRejectedError(
      `${key}: the file is binary, not text; upload the article as ${acceptedExtensions}`,
    );
  }
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    const damaged = damagedUtf8(bytes);
    if (damaged) return { text: damaged, encoding: 'utf-8' };
    const detected = likelyEncoding(bytes);
    // chardet calls plain 8-bit Western text ISO-8859-1; windows-1252 is its superset in practice.
    // Strict UTF-8 has failed, so an answer of ASCII or UTF-8 is wrong: read those as Western too.
    const encoding = /^(iso-8859-1|ascii|utf-8)$/i.test(detected)
      ? 'windows-1252'
      : detected.toLowerCase();
    const usable = iconv.encodingExists(encoding) ? encoding : 'windows-1252';
    return { text: iconv.decode(Buffer.from(bytes), usable), encoding: usable };
  }
}

const multiByte = /^(utf-(16|32)|iso-2022|shift_jis|big5|euc-|gb18030)/i;

/**
 * chardet's best guess, except that a multi-byte encoding (Shift_JIS, Big5, UTF-32…) is taken
 * only when chardet is sure of it: on a few stray high bytes it guesses one at low confidence,
 * and decoding that way would swallow the ASCII letters after each stray byte.
 */
function likelyEncoding(bytes: Uint8Array): string {
  const match = chardet
    .analyse(bytes)
    .find((guess) => guess.confidence >= 50 || !multiByte.test(guess.name));
  return match?.name ?? 'windows-1252';
}

/**
 * UTF-8 with a few bad bytes (a truncated character, a stray Windows quote) is still UTF-8:
 * reading it leniently costs one U+FFFD per bad byte, where another encoding would garble
 * every accented letter. Null when the bytes hold more bad sequences than good multi-byte ones.
 */
function damagedUtf8(bytes: Uint8Array): string | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let bad = 0;
  let good = 0;
  for (const char of text) {
    if (char === '\uFFFD') bad++;
    else if (char > '\u007F') good++;
  }
  return good > bad ? text : null;
}

function decodeWithBom(bytes: Uint8Array): DecodedText | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(3)), 'utf-8'), encoding: 'utf-8' };
  }
  if (a === 0xff && b === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (a === 0xfe && b === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  }
  return null;
}

/**
 * UTF-16 saved without a BOM (some Windows tools): text in Latin or Cyrillic script has a zero
 * high byte in most code units, on the odd bytes for little-endian and the even ones for
 * big-endian, and never a whole zero unit. Null for anything else, binary data included.
 */
function decodeBomlessUtf16(bytes: Uint8Array): DecodedText | null {
  const sample = bytes.subarray(0, 8192 - (Math.min(bytes.length, 8192) % 2));
  if (sample.length < 4 || bytes.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0 && sample[i + 1] === 0) return null;
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const units = sample.length / 2;
  const encoding =
    oddZeros / units > 0.3 && evenZeros === 0
      ? 'utf-16le'
      : evenZeros / units > 0.3 && oddZeros === 0
        ? 'utf-16be'
        : null;
  if (!encoding) return null;
  const text = iconv.decode(Buffer.from(bytes), encoding);
  // Decoded text, not binary: few control characters.
  let controls = 0;
  const head = text.slice(0, 4096);
  for (let k = 0; k < head.length; k++) {
    const code = head.charCodeAt(k);
    if (code < 0x09 || (code > 0x0d && code < 0x20)) controls++;
  }
  return controls / Math.max(head.length, 1) < 0.02 ? { text, encoding } : null;
}

/** NUL bytes or a high share of control characters in the first 8 KB mean binary data. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) controls++;
  }
  return sample.length > 0 && controls / sample.length > 0.05;
}
