import { type ParseContext, parseArticle } from '../../functions/article/parse-article';
import type { ArticleRecord } from '../../functions/core/types';
import { reference } from './reference';

/** The upload time every parsing test uses, unless it sets its own. */
export const receivedAt = new Date('2026-11-22T08:00:00Z');

/** Parses an upload as ingest would on 2026-11-22, with our reference data. */
export function parseUpload(
  bytes: Uint8Array,
  key: string,
  overrides: Partial<ParseContext> = {},
): ArticleRecord {
  return parseArticle(bytes, {
    key,
    edition: '2026-11-22',
    receivedAt,
    reference: reference(),
    minWords: 30,
    ...overrides,
  });
}
