import { PDFHexString, PDFString } from 'pdf-lib';

/**
 * A PDF text string for a dictionary entry (`/Contents`, `/ActualText`): a literal string when
 * the text is printable ASCII, a quarter of the size of the UTF-16 hex form used otherwise —
 * a long brief has thousands of described links.
 */
export function textString(text: string): PDFString | PDFHexString {
  return /^[\x20-\x7e]*$/.test(text)
    ? PDFString.of(text.replace(/[\\()]/g, '\\$&'))
    : PDFHexString.fromText(text);
}
