import { createHash } from 'node:crypto';

/**
 * The article id: a hash of the normalised body text, so a re-upload under another name, or a
 * redelivered event, maps to the same record. Case, punctuation, quotes and spacing do not count.
 */
export function articleId(text: string): string {
  const normalised = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 16);
}
