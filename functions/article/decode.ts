import chardet from 'chardet';
import iconv from 'iconv-lite';
import { ArticleRejectedError } from '../core/errors';

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
  if (looksBinary(bytes)) {
    throw new ArticleRejectedError(
      `${key}: the file is binary, not text; upload the article as .txt, .md, .html or .json`,
    );
  }
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    const detected = chardet.detect(bytes) ?? 'windows-1252';
    // chardet calls plain 8-bit Western text ISO-8859-1; windows-1252 is its superset in practice.
    const encoding = /^iso-8859-1$/i.test(detected) ? 'windows-1252' : detected.toLowerCase();
    const usable = iconv.encodingExists(encoding) ? encoding : 'windows-1252';
    return { text: iconv.decode(Buffer.from(bytes), usable), encoding: usable };
  }
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
